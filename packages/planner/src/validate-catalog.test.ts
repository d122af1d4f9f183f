import { PlanError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { STAGE_CATALOG } from './stage-catalog.js';
import type { StageSpec } from './stage-spec.js';
import { validateCatalog } from './validate-catalog.js';

function stage(id: string, dependsOn: string[] = [], after: string[] = []): StageSpec<string> {
  return {
    id,
    title: id,
    dependsOn,
    after,
    depths: ['quick'],
    required: true,
    gated: false,
    mediaOnly: false,
    estimate: { baseMs: 1, msPer1kWords: 0, llm: null },
  };
}

function planError(catalog: unknown): PlanError {
  try {
    validateCatalog(catalog as StageSpec<string>[]);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return error as PlanError;
  }
  throw new Error('expected validateCatalog to throw');
}

describe('validateCatalog', () => {
  it('accepts the built-in catalog', () => {
    expect(() => validateCatalog(STAGE_CATALOG)).not.toThrow();
  });

  it('names a duplicated stage', () => {
    const error = planError([stage('a'), stage('b'), stage('a')]);
    expect(error.code).toBe('PLAN_DUPLICATE_STAGE');
    expect(error.message).toContain('"a"');
    expect(error.details).toMatchObject({ stage: 'a', positions: [0, 2] });
  });

  it('names both stages of an unknown dependency, in dependsOn and in after', () => {
    const inDependsOn = planError([stage('a'), stage('b', ['ghost'])]);
    expect(inDependsOn.code).toBe('PLAN_UNKNOWN_DEPENDENCY');
    expect(inDependsOn.message).toContain('"b"');
    expect(inDependsOn.message).toContain('"ghost"');
    expect(inDependsOn.message).toContain('dependsOn');

    const inAfter = planError([stage('a', [], ['missing'])]);
    expect(inAfter.code).toBe('PLAN_UNKNOWN_DEPENDENCY');
    expect(inAfter.message).toContain('"a" lists "missing" in after');
  });

  it('prints the cycle path, starting from its earliest stage', () => {
    const error = planError([
      stage('root'),
      stage('a', ['root', 'c']),
      stage('b', ['a']),
      stage('c', [], ['b']),
    ]);
    expect(error.code).toBe('PLAN_CYCLE');
    expect(error.message).toContain('a -> c -> b -> a');
    expect(error.details).toEqual({ cycle: ['a', 'c', 'b', 'a'] });
  });

  it('reports a stage waiting for itself as a cycle', () => {
    const error = planError([stage('loop', [], ['loop'])]);
    expect(error.code).toBe('PLAN_CYCLE');
    expect(error.message).toContain('loop -> loop');
  });

  it.each([
    [{ ...stage('a'), id: '' }, 'non-empty'],
    [{ ...stage('a'), depths: ['weekly'] }, '"weekly" in depths'],
    [{ ...stage('a'), dependsOn: 'b' }, 'dependsOn must be an array'],
    [{ ...stage('a'), estimate: { baseMs: -1, msPer1kWords: 0, llm: null } }, 'estimate.baseMs'],
    [
      {
        ...stage('a'),
        estimate: {
          baseMs: 1,
          msPer1kWords: 0,
          llm: { inputTokensPer1kWords: 1, fixedInputTokens: Number.NaN, outputTokens: 1 },
        },
      },
      'estimate.llm.fixedInputTokens',
    ],
  ])('rejects a malformed stage %#', (bad, problem) => {
    const error = planError([stage('ok'), bad]);
    expect(error.code).toBe('PLAN_INVALID_STAGE');
    expect(error.message).toContain(problem);
  });

  it('rejects a catalog that is not an array', () => {
    expect(planError({ acquire: stage('acquire') }).code).toBe('PLAN_INVALID_STAGE');
  });
});
