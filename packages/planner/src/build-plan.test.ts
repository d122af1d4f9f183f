import { ConfigError, DEPTHS, type Depth, InputError, PlanError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build-plan.js';
import type { StageSpec } from './stage-spec.js';

function stage<Id extends string>(
  id: Id,
  baseMs: number,
  links: { dependsOn?: Id[]; after?: Id[]; depths?: Depth[]; mediaOnly?: boolean } = {},
): StageSpec<Id> {
  return {
    id,
    title: `Stage ${id}`,
    dependsOn: links.dependsOn ?? [],
    after: links.after ?? [],
    depths: links.depths ?? [...DEPTHS],
    required: false,
    gated: false,
    mediaOnly: links.mediaOnly ?? false,
    estimate: { baseMs, msPer1kWords: 0, llm: null },
  };
}

/** a -> (b 30 ms | c 50 ms) -> d: the path through c is the longest. */
const DIAMOND = [
  stage('a', 10),
  stage('b', 30, { dependsOn: ['a'] }),
  stage('c', 50, { dependsOn: ['a'] }),
  stage('d', 5, { dependsOn: ['b', 'c'] }),
];

function rejection(run: () => unknown): PlanError | ConfigError | InputError {
  try {
    run();
  } catch (error) {
    return error as PlanError;
  }
  throw new Error('expected the call to throw');
}

describe('buildPlan on a diamond', () => {
  const plan = buildPlan(DIAMOND, 'quick');

  it('computes levels, earliest times and the critical path', () => {
    expect(plan.levels).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(plan.criticalPath).toEqual(['a', 'c', 'd']);
    expect(plan.estimate.durationMs).toBe(65);
    expect(plan.estimate.sequentialMs).toBe(95);
    const d = plan.stages.find((s) => s.id === 'd')!;
    expect(d).toMatchObject({ level: 2, earliestStartMs: 60, earliestFinishMs: 65 });
    const b = plan.stages.find((s) => s.id === 'b')!;
    expect(b).toMatchObject({ earliestStartMs: 10, earliestFinishMs: 40, onCriticalPath: false });
  });

  it('follows the history when it makes another branch the longest', () => {
    const observed = buildPlan(DIAMOND, 'quick', { history: new Map([['b', 100]]) });
    expect(observed.criticalPath).toEqual(['a', 'b', 'd']);
    expect(observed.estimate.durationMs).toBe(115);
    expect(observed.stages.find((s) => s.id === 'c')!.estimatedMs).toBe(50);
  });

  it('breaks a tie between equal branches by catalog order, deterministically', () => {
    const tied = buildPlan(DIAMOND, 'quick', { history: new Map([['b', 50]]) });
    expect(tied.criticalPath).toEqual(['a', 'b', 'd']);
    expect(buildPlan(DIAMOND, 'quick', { history: new Map([['b', 50]]) })).toEqual(tied);
  });

  it('keeps zero-length stages at the end of the path on it', () => {
    const tail = buildPlan([stage('a', 10), stage('z', 0, { dependsOn: ['a'] })], 'quick');
    expect(tail.criticalPath).toEqual(['a', 'z']);
  });
});

describe('buildPlan ordering', () => {
  it('puts a stage after its `after` stages even when the catalog lists it first', () => {
    const catalog = [
      stage('report', 5, { dependsOn: ['load'], after: ['extra'] }),
      stage('load', 5),
      stage('extra', 5, { dependsOn: ['load'] }),
    ];
    const plan = buildPlan(catalog, 'standard');
    expect(plan.stages.map((s) => s.id)).toEqual(['load', 'extra', 'report']);
    expect(plan.levels).toEqual([['load'], ['extra'], ['report']]);
  });

  it('lets a stage run without an `after` stage that its depth does not plan', () => {
    const catalog = [
      stage('load', 5),
      stage('extra', 100, { dependsOn: ['load'], depths: ['deep'] }),
      stage('report', 5, { dependsOn: ['load'], after: ['extra'] }),
    ];
    const quick = buildPlan(catalog, 'quick');
    expect(quick.stages.map((s) => s.id)).toEqual(['load', 'report']);
    expect(quick.stages[1]!.after).toEqual([]);
    expect(quick.estimate.durationMs).toBe(10);
    expect(buildPlan(catalog, 'deep').estimate.durationMs).toBe(110);
  });

  it('takes ready stages in catalog order', () => {
    const catalog = [
      stage('root', 1),
      ...['e', 'b', 'd'].map((id) => stage(id, 1, { dependsOn: ['root'] })),
    ];
    expect(buildPlan(catalog, 'quick').stages.map((s) => s.id)).toEqual(['root', 'e', 'b', 'd']);
  });
});

describe('buildPlan with a 20-stage generic catalog', () => {
  // Four layers of five stages; each stage depends on two stages of the layer before.
  const ids = Array.from({ length: 20 }, (_, index) => `s${String(index + 1).padStart(2, '0')}`);
  const catalog: StageSpec<string>[] = ids.map((id, index) => {
    const layer = Math.floor(index / 5);
    const column = index % 5;
    const previous = (offset: number) => ids[(layer - 1) * 5 + ((column + offset) % 5)]!;
    return stage(id, 10 * (column + 1), {
      dependsOn: layer === 0 ? [] : [previous(0), previous(1)],
    });
  });

  it('plans all 20 stages in 4 levels with the slowest column as critical path', () => {
    const plan = buildPlan(catalog, 'deep');
    expect(plan.stages).toHaveLength(20);
    expect(plan.levels.map((level) => level.length)).toEqual([5, 5, 5, 5]);
    // Column 5 (50 ms) feeds columns 4 and 5 of the next layer, so 50 x 4 is the longest.
    expect(plan.criticalPath).toEqual(['s05', 's10', 's15', 's20']);
    expect(plan.estimate.durationMs).toBe(200);
    expect(plan.estimate.sequentialMs).toBe(4 * (10 + 20 + 30 + 40 + 50));
  });
});

describe('buildPlan errors', () => {
  it('rejects a stage that needs a stage of a deeper depth, naming both', () => {
    const catalog = [
      stage('load', 5),
      stage('check', 5, { dependsOn: ['load'], depths: ['deep'] }),
      stage('score', 5, { dependsOn: ['check'] }),
    ];
    const error = rejection(() => buildPlan(catalog, 'quick'));
    expect(error).toBeInstanceOf(PlanError);
    expect(error.code).toBe('PLAN_MISSING_DEPENDENCY');
    expect(error.message).toContain('"score"');
    expect(error.message).toContain('"check"');
    expect(error.message).toContain('"quick"');
    expect(buildPlan(catalog, 'deep').stages).toHaveLength(3);
  });

  it('rejects a text plan whose stage needs a media-only stage, but plans it for media', () => {
    const catalog = [
      stage('load', 5),
      stage('transcribe', 5, { dependsOn: ['load'], mediaOnly: true }),
      stage('words', 5, { dependsOn: ['transcribe'] }),
    ];
    const error = rejection(() => buildPlan(catalog, 'standard'));
    expect(error.code).toBe('PLAN_MISSING_DEPENDENCY');
    expect(error.message).toContain('"words" depends on "transcribe"');
    expect(error.message).toContain('media');
    expect(buildPlan(catalog, 'standard', { media: true }).stages).toHaveLength(3);
  });

  it('rejects a depth with no stage', () => {
    const error = rejection(() => buildPlan([stage('only', 1, { depths: ['deep'] })], 'quick'));
    expect(error).toBeInstanceOf(PlanError);
    expect(error.code).toBe('PLAN_EMPTY');
    expect(error.message).toContain('"quick"');
  });

  it('rejects a depth whose only stages are media-only for a text source', () => {
    const catalog = [stage('audio', 1, { mediaOnly: true })];
    const error = rejection(() => buildPlan(catalog, 'quick'));
    expect(error.code).toBe('PLAN_EMPTY');
    expect(error.message).toContain('media: true');
  });

  it('validates the catalog before planning', () => {
    const error = rejection(() =>
      buildPlan([stage('a', 1, { after: ['b'] }), stage('b', 1, { dependsOn: ['a'] })], 'quick'),
    );
    expect(error.code).toBe('PLAN_CYCLE');
    expect(error.message).toContain('a -> b -> a');
  });

  it('rejects an unknown depth with the valid choices', () => {
    const error = rejection(() => buildPlan(DIAMOND, 'thorough' as Depth));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('UNKNOWN_DEPTH');
    expect(error.message).toContain('standard');
  });

  it.each([
    [{ wordCount: -1 }, 'wordCount'],
    [{ wordCount: Number.NaN }, 'wordCount'],
    [{ wordCount: Number.POSITIVE_INFINITY }, 'wordCount'],
    [{ maxClaims: 2.5 }, 'maxClaims'],
    [{ maxClaims: -3 }, 'maxClaims'],
    [{ media: 'yes' }, 'media'],
    [{ pricing: { inputPerMillionUsd: -1, outputPerMillionUsd: 1 } }, 'pricing.inputPerMillionUsd'],
    [{ pricing: 'cheap' }, 'pricing'],
    [{ history: { a: 5 } }, 'history'],
    [{ history: new Map([['a', -5]]) }, 'history for stage "a"'],
  ])('rejects the options %j naming %s', (options, field) => {
    const error = rejection(() => buildPlan(DIAMOND, 'quick', options as never));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('INVALID_PLAN_OPTIONS');
    expect(error.message).toContain(field);
  });
});
