import { describe, expect, it } from 'vitest';
import { summarizeRun } from './summarize-run.js';
import { createTestCheckpoint, createTestRun } from './testing/fixtures.js';

describe('summarizeRun', () => {
  it('summarises a finished run: counts, cost, duration, source and error', () => {
    const error = {
      code: 'RUN_FAILED',
      category: 'stage' as const,
      message: 'The run failed at stage "claims".',
      retryable: false,
    };
    const run = createTestRun({
      status: 'failed',
      progress: 0.6,
      startedAt: '2024-03-01T12:00:00.000Z',
      finishedAt: '2024-03-01T12:01:30.000Z',
      error,
    });
    const summary = summarizeRun(run, [
      createTestCheckpoint(run.id, 'acquire', { costUsd: 0 }),
      createTestCheckpoint(run.id, 'quality-gate', {
        status: 'uncertain',
        reason: 'short',
        costUsd: 0.01,
      }),
      createTestCheckpoint(run.id, 'summarize', { costUsd: 0.25 }),
      createTestCheckpoint(run.id, 'claims', { status: 'fail', output: undefined, costUsd: 0.1 }),
    ]);
    expect(summary).toEqual({
      id: 'run-1',
      status: 'failed',
      depth: 'standard',
      source: 'https://example.org/articles/budget-vote',
      tenantId: 'tenant-a',
      createdAt: run.createdAt,
      durationMs: 90_000,
      progress: 0.6,
      stages: { ok: 2, uncertain: 1, skip: 0, fail: 1, pending: 1 },
      costUsd: expect.closeTo(0.36, 10),
      error,
    });
  });

  it('has no duration before the run finishes, and counts unsettled stages as pending', () => {
    const run = createTestRun({
      status: 'running',
      startedAt: '2024-03-01T12:00:00.000Z',
      request: { source: { type: 'text', text: 'Hello.', title: 'Greeting' }, depth: 'quick' },
    });
    const summary = summarizeRun(run, [
      createTestCheckpoint(run.id, 'acquire'),
      createTestCheckpoint(run.id, 'quality-gate', { status: 'running', output: undefined }),
      createTestCheckpoint(run.id, 'summarize', { status: 'skip', output: undefined }),
    ]);
    expect(summary.durationMs).toBeUndefined();
    expect(summary.error).toBeUndefined();
    expect(summary.source).toBe('Greeting');
    expect(summary.stages).toEqual({ ok: 1, uncertain: 0, skip: 1, fail: 0, pending: 3 });
  });
});
