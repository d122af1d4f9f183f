import { describe, expect, it } from 'vitest';
import { checkpointToResult, isFinalCheckpoint } from './resume-rule.js';
import { createTestCheckpoint } from './testing/fixtures.js';

const skip = (reason: string) =>
  createTestCheckpoint('run-1', 'claims', { status: 'skip', output: undefined, reason });

describe('isFinalCheckpoint', () => {
  it('keeps ok and uncertain results', () => {
    expect(isFinalCheckpoint(createTestCheckpoint('run-1', 'summarize'))).toBe(true);
    expect(
      isFinalCheckpoint(createTestCheckpoint('run-1', 'summarize', { status: 'uncertain' })),
    ).toBe(true);
  });

  it('re-runs failed, pending and running stages', () => {
    for (const status of ['fail', 'pending', 'running'] as const) {
      expect(isFinalCheckpoint(createTestCheckpoint('run-1', 'summarize', { status }))).toBe(false);
    }
  });

  it('keeps a stage’s own skip but re-decides skips caused by the run or a dependency', () => {
    expect(isFinalCheckpoint(skip('the quality gate did not pass: too short'))).toBe(true);
    expect(isFinalCheckpoint(skip('no implementation is configured'))).toBe(true);
    expect(
      isFinalCheckpoint(skip('Skipped because the run stopped before this stage started.')),
    ).toBe(false);
    expect(
      isFinalCheckpoint(skip('Skipped because it needs "claims", which did not succeed.')),
    ).toBe(false);
  });
});

describe('checkpointToResult', () => {
  it('turns a final checkpoint into its StepResult with the stored output as data', () => {
    const checkpoint = createTestCheckpoint('run-1', 'summarize', {
      status: 'uncertain',
      reason: 'the model hedged',
    });
    expect(checkpointToResult(checkpoint, '2024-01-01T00:00:00.000Z')).toEqual({
      status: 'uncertain',
      data: checkpoint.output,
      reason: 'the model hedged',
      timings: {
        startedAt: checkpoint.startedAt,
        finishedAt: checkpoint.finishedAt,
        durationMs: checkpoint.durationMs,
      },
    });
  });

  it('fills missing timings from the fallback time', () => {
    const checkpoint = createTestCheckpoint('run-1', 'claims', {
      status: 'skip',
      output: undefined,
      reason: 'no implementation is configured',
      startedAt: undefined,
      finishedAt: undefined,
      durationMs: undefined,
    });
    expect(checkpointToResult(checkpoint, '2024-01-01T00:00:00.000Z')).toEqual({
      status: 'skip',
      reason: 'no implementation is configured',
      timings: {
        startedAt: '2024-01-01T00:00:00.000Z',
        finishedAt: '2024-01-01T00:00:00.000Z',
        durationMs: 0,
      },
    });
  });

  it('gives nothing for a checkpoint that must re-run', () => {
    const failed = createTestCheckpoint('run-1', 'claims', { status: 'fail' });
    expect(checkpointToResult(failed, '2024-01-01T00:00:00.000Z')).toBeUndefined();
  });
});
