import { join } from 'node:path';
import { StorageError } from '@orch/core';
import type { StageCheckpoint } from '@orch/workflow-state';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCheckpoint, makeRun, temporaryDirectory } from './internal/test-support.js';
import { openSqliteStore } from './open-sqlite-store.js';
import type { SqliteStore } from './sqlite-store.js';

let directory: ReturnType<typeof temporaryDirectory>;
let databasePath: string;
const opened: SqliteStore[] = [];

function open(): SqliteStore {
  const store = openSqliteStore({ path: databasePath });
  opened.push(store);
  return store;
}

beforeEach(() => {
  directory = temporaryDirectory();
  databasePath = join(directory.path, 'orch.db');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  directory.remove();
});

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('runs', () => {
  it('stores a run with every field and reads it back equal, after reopening too', async () => {
    const run = makeRun({
      workspaceId: 'workspace-1',
      status: 'completed',
      progress: 1,
      startedAt: '2025-03-01T10:00:01.000Z',
      finishedAt: '2025-03-01T10:00:09.000Z',
      error: { code: 'STAGE_FAILED', category: 'stage', message: 'It broke.', retryable: true },
      archivedAt: '2025-03-02T00:00:00.000Z',
      extra: { breakers: { openai: { failures: 2 } }, note: null },
    });
    await open().createRun(run);
    const store = open();
    expect(await store.getRun('run-1')).toEqual(run);
    const reopened = open();
    expect(await reopened.getRun('run-1')).toStrictEqual(run);
  });

  it('leaves optional fields absent instead of undefined', async () => {
    const store = open();
    await store.createRun(makeRun());
    const stored = await store.getRun('run-1');
    expect(stored).toBeDefined();
    expect(Object.keys(stored ?? {})).not.toContain('error');
    expect(Object.keys(stored ?? {})).not.toContain('workspaceId');
  });

  it('returns undefined for an unknown run', async () => {
    expect(await open().getRun('missing')).toBeUndefined();
  });

  it('rejects a second run with the same id with RUN_EXISTS and keeps the first', async () => {
    const store = open();
    await store.createRun(makeRun({ tenantId: 'first' }));
    const error = await rejection(store.createRun(makeRun({ tenantId: 'second' })));
    expect(error.code).toBe('RUN_EXISTS');
    expect(error.message).toContain('run-1');
    expect((await store.getRun('run-1'))?.tenantId).toBe('first');
  });

  it('hands out copies: mutating a returned or stored object does not change the store', async () => {
    const store = open();
    const run = makeRun({ extra: { count: 1 } });
    await store.createRun(run);
    (run.extra as Record<string, unknown>).count = 2;
    const read = await store.getRun('run-1');
    (read?.plannedStages as string[] | undefined)?.push('briefing');
    const again = await store.getRun('run-1');
    expect(again?.extra).toEqual({ count: 1 });
    expect(again?.plannedStages).toEqual(['acquire', 'summarize']);
  });
});

describe('listRuns', () => {
  async function seed(store: SqliteStore): Promise<void> {
    await store.createRun(makeRun({ id: 'a', createdAt: '2025-01-01T00:00:00.000Z' }));
    await store.createRun(
      makeRun({ id: 'b', createdAt: '2025-01-03T00:00:00.000Z', tenantId: 'tenant-b' }),
    );
    await store.createRun(
      makeRun({ id: 'c', createdAt: '2025-01-02T00:00:00.000Z', status: 'completed' }),
    );
    await store.createRun(
      makeRun({
        id: 'd',
        createdAt: '2025-01-04T00:00:00.000Z',
        archivedAt: '2025-01-05T00:00:00.000Z',
      }),
    );
  }

  it('lists unarchived runs newest first', async () => {
    const store = open();
    await seed(store);
    expect((await store.listRuns()).map((run) => run.id)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties between runs created at the same instant by insertion, newest first', async () => {
    const store = open();
    for (const id of ['x', 'y', 'z']) await store.createRun(makeRun({ id }));
    expect((await store.listRuns()).map((run) => run.id)).toEqual(['z', 'y', 'x']);
  });

  it('filters by status, tenant, creation time and archive, and combines the filters', async () => {
    const store = open();
    await seed(store);
    const ids = async (filter: Parameters<SqliteStore['listRuns']>[0]) =>
      (await store.listRuns(filter)).map((run) => run.id);
    expect(await ids({ status: 'completed' })).toEqual(['c']);
    expect(await ids({ tenantId: 'tenant-b' })).toEqual(['b']);
    expect(await ids({ createdBefore: '2025-01-03T00:00:00.000Z' })).toEqual(['c', 'a']);
    expect(await ids({ createdBefore: '2025-01-03' })).toEqual(['c', 'a']);
    expect(await ids({ includeArchived: true })).toEqual(['d', 'b', 'c', 'a']);
    expect(await ids({ tenantId: 'tenant-a', status: 'pending', includeArchived: true })).toEqual([
      'd',
      'a',
    ]);
  });

  it('returns at most 50 runs by default and honours an explicit limit', async () => {
    const store = open();
    for (let index = 0; index < 55; index += 1) {
      const createdAt = new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString();
      await store.createRun(makeRun({ id: `run-${index}`, createdAt }));
    }
    const all = await store.listRuns();
    expect(all).toHaveLength(50);
    expect(all[0]?.id).toBe('run-54');
    expect((await store.listRuns({ limit: 3 })).map((run) => run.id)).toEqual([
      'run-54',
      'run-53',
      'run-52',
    ]);
    expect(await store.listRuns({ limit: 0 })).toEqual([]);
    expect(await store.listRuns({ limit: Number.POSITIVE_INFINITY })).toHaveLength(55);
  });
});

describe('updateRun', () => {
  it('applies a patch, stamps updatedAt and keeps the other fields', async () => {
    const store = open();
    await store.createRun(makeRun());
    const changed = await store.updateRun('run-1', {
      status: 'running',
      progress: 0.25,
      startedAt: '2025-03-01T10:00:01.000Z',
    });
    expect(changed).toBe(true);
    const run = await store.getRun('run-1');
    expect(run).toMatchObject({
      status: 'running',
      progress: 0.25,
      startedAt: '2025-03-01T10:00:01.000Z',
      tenantId: 'tenant-a',
      plannedStages: ['acquire', 'summarize'],
    });
    expect(run?.updatedAt).not.toBe('2025-03-01T10:00:00.000Z');
    expect(Number.isNaN(Date.parse(run?.updatedAt ?? ''))).toBe(false);
  });

  it('stores report, error and extra, and clears a field patched with undefined', async () => {
    const store = open();
    await store.createRun(makeRun());
    const error = { code: 'X_FAILED', category: 'stage', message: 'x', retryable: false } as const;
    await store.updateRun('run-1', { error, extra: { attempt: 2 } });
    expect(await store.getRun('run-1')).toMatchObject({ error, extra: { attempt: 2 } });
    await store.updateRun('run-1', { error: undefined });
    const run = await store.getRun('run-1');
    expect(run?.error).toBeUndefined();
    expect(run?.extra).toEqual({ attempt: 2 });
  });

  it('compares and sets: applies only while the status still matches', async () => {
    const store = open();
    await store.createRun(makeRun({ status: 'running' }));
    expect(await store.updateRun('run-1', { status: 'paused' }, 'pending')).toBe(false);
    expect((await store.getRun('run-1'))?.status).toBe('running');
    expect(await store.updateRun('run-1', { status: 'completed' }, 'running')).toBe(true);
    expect((await store.getRun('run-1'))?.status).toBe('completed');
  });

  it('lets exactly one of two connections win a compare-and-set on the same status', async () => {
    const first = open();
    const second = open();
    await first.createRun(makeRun({ status: 'paused' }));
    const results = await Promise.all([
      first.updateRun('run-1', { status: 'running' }, 'paused'),
      second.updateRun('run-1', { status: 'cancelled' }, 'paused'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('returns false for an unknown run', async () => {
    expect(await open().updateRun('missing', { progress: 1 })).toBe(false);
  });

  it('keeps an archived run out of the default listing', async () => {
    const store = open();
    await store.createRun(makeRun());
    await store.updateRun('run-1', { archivedAt: '2025-03-05T00:00:00.000Z' });
    expect(await store.listRuns()).toEqual([]);
    expect(await store.listRuns({ includeArchived: true })).toHaveLength(1);
  });
});

describe('checkpoints', () => {
  it('lists checkpoints in first-saved order; saving a stage again replaces it in place', async () => {
    const store = open();
    await store.createRun(makeRun());
    await store.saveCheckpoint(makeCheckpoint({ stage: 'acquire', status: 'running' }));
    await store.saveCheckpoint(makeCheckpoint({ stage: 'summarize', status: 'running' }));
    await store.saveCheckpoint(makeCheckpoint({ stage: 'claims', status: 'running' }));
    const settled: StageCheckpoint = makeCheckpoint({
      stage: 'acquire',
      status: 'ok',
      attempts: 2,
      inputHash: 'f'.repeat(64),
      output: { text: 'Hello', segments: [{ start: 0, end: 5 }], empty: null },
      costUsd: 0.0031,
      model: 'gpt-4o-mini',
      promptVersion: 'acquire@3',
      startedAt: '2025-03-01T10:00:01.000Z',
      finishedAt: '2025-03-01T10:00:02.500Z',
      durationMs: 1500,
    });
    await store.saveCheckpoint(settled);
    const checkpoints = await store.listCheckpoints('run-1');
    expect(checkpoints.map((checkpoint) => checkpoint.stage)).toEqual([
      'acquire',
      'summarize',
      'claims',
    ]);
    expect(checkpoints[0]).toStrictEqual(settled);
  });

  it('stores a skip with its reason and a failure with its error', async () => {
    const store = open();
    await store.createRun(makeRun());
    const failed = makeCheckpoint({
      stage: 'summarize',
      status: 'fail',
      error: { code: 'TIMEOUT', category: 'timeout', message: 'Took too long.', retryable: true },
    });
    const skipped = makeCheckpoint({ stage: 'claims', status: 'skip', reason: 'Too short.' });
    await store.saveCheckpoint(failed);
    await store.saveCheckpoint(skipped);
    expect(await store.listCheckpoints('run-1')).toStrictEqual([failed, skipped]);
  });

  it('keeps checkpoints of different runs apart', async () => {
    const store = open();
    await store.createRun(makeRun({ id: 'one' }));
    await store.createRun(makeRun({ id: 'two' }));
    await store.saveCheckpoint(makeCheckpoint({ runId: 'one', stage: 'acquire' }));
    await store.saveCheckpoint(makeCheckpoint({ runId: 'two', stage: 'summarize' }));
    expect((await store.listCheckpoints('two')).map((checkpoint) => checkpoint.stage)).toEqual([
      'summarize',
    ]);
    expect(await store.listCheckpoints('unknown')).toEqual([]);
  });

  it('refuses a checkpoint of an unknown run with RUN_NOT_FOUND', async () => {
    const error = await rejection(open().saveCheckpoint(makeCheckpoint({ runId: 'ghost' })));
    expect(error.code).toBe('RUN_NOT_FOUND');
    expect(error.message).toContain('ghost');
  });
});

describe('leases', () => {
  it('grants a free lease, renews it for its owner and refuses it to others until it expires', async () => {
    const store = open();
    await store.createRun(makeRun());
    expect(await store.acquireLease('run-1', 'worker-a', 1000, 10_000)).toEqual({
      owner: 'worker-a',
      expiresAt: 11_000,
    });
    expect(await store.acquireLease('run-1', 'worker-b', 1000, 10_500)).toEqual({
      owner: 'worker-a',
      expiresAt: 11_000,
    });
    expect(await store.acquireLease('run-1', 'worker-a', 1000, 10_900)).toEqual({
      owner: 'worker-a',
      expiresAt: 11_900,
    });
    expect(await store.acquireLease('run-1', 'worker-b', 1000, 11_900)).toEqual({
      owner: 'worker-b',
      expiresAt: 12_900,
    });
    expect(await store.getLease('run-1')).toEqual({ owner: 'worker-b', expiresAt: 12_900 });
  });

  it('releases only the owner’s lease', async () => {
    const store = open();
    await store.createRun(makeRun());
    await store.acquireLease('run-1', 'worker-a', 1000, 0);
    await store.releaseLease('run-1', 'worker-b');
    expect((await store.getLease('run-1'))?.owner).toBe('worker-a');
    await store.releaseLease('run-1', 'worker-a');
    expect(await store.getLease('run-1')).toBeUndefined();
    expect((await store.acquireLease('run-1', 'worker-b', 1000, 1)).owner).toBe('worker-b');
  });

  it('gives the lease to exactly one of two stores on the same file; the other takes over after expiry', async () => {
    const first = open();
    const second = open();
    await first.createRun(makeRun());
    const now = 1_000_000;
    const [leaseA, leaseB] = await Promise.all([
      first.acquireLease('run-1', 'process-a', 30_000, now),
      second.acquireLease('run-1', 'process-b', 30_000, now),
    ]);
    expect(leaseA).toEqual(leaseB);
    const winner = leaseA.owner;
    const loser = winner === 'process-a' ? second : first;
    const loserName = winner === 'process-a' ? 'process-b' : 'process-a';
    expect(await loser.getLease('run-1')).toEqual({ owner: winner, expiresAt: now + 30_000 });
    expect((await loser.acquireLease('run-1', loserName, 30_000, now + 29_999)).owner).toBe(winner);
    expect(await loser.acquireLease('run-1', loserName, 30_000, now + 30_000)).toEqual({
      owner: loserName,
      expiresAt: now + 60_000,
    });
    const winnerStore = loser === first ? second : first;
    expect((await winnerStore.getLease('run-1'))?.owner).toBe(loserName);
  });

  it('refuses a lease on an unknown run with RUN_NOT_FOUND', async () => {
    const error = await rejection(open().acquireLease('ghost', 'worker-a', 1000, 0));
    expect(error.code).toBe('RUN_NOT_FOUND');
  });
});

describe('deleteRuns', () => {
  it('deletes matching runs with their checkpoints and leases and counts them', async () => {
    const store = open();
    await store.createRun(makeRun({ id: 'old', createdAt: '2024-01-01T00:00:00.000Z' }));
    await store.createRun(
      makeRun({
        id: 'old-archived',
        createdAt: '2024-01-02T00:00:00.000Z',
        archivedAt: '2024-02-01T00:00:00.000Z',
      }),
    );
    await store.createRun(makeRun({ id: 'new', createdAt: '2025-06-01T00:00:00.000Z' }));
    await store.saveCheckpoint(makeCheckpoint({ runId: 'old' }));
    await store.acquireLease('old', 'worker-a', 1000, 0);

    expect(await store.deleteRuns({ createdBefore: '2025-01-01T00:00:00.000Z' })).toBe(1);
    expect(await store.getRun('old')).toBeUndefined();
    expect(await store.listCheckpoints('old')).toEqual([]);
    expect(await store.getLease('old')).toBeUndefined();
    expect(await store.getRun('old-archived')).toBeDefined();

    expect(
      await store.deleteRuns({ createdBefore: '2025-01-01T00:00:00.000Z', includeArchived: true }),
    ).toBe(1);
    expect((await store.listRuns({ includeArchived: true })).map((run) => run.id)).toEqual(['new']);
  });

  it('ignores the listing limit and applies the status filter', async () => {
    const store = open();
    for (let index = 0; index < 60; index += 1) {
      await store.createRun(makeRun({ id: `done-${index}`, status: 'completed' }));
    }
    await store.createRun(makeRun({ id: 'failed', status: 'failed' }));
    expect(
      await store.deleteRuns({ createdBefore: '2026-01-01T00:00:00.000Z', status: 'completed' }),
    ).toBe(60);
    expect((await store.listRuns()).map((run) => run.id)).toEqual(['failed']);
  });

  it('re-creating a deleted run starts with no checkpoints', async () => {
    const store = open();
    await store.createRun(makeRun());
    await store.saveCheckpoint(makeCheckpoint());
    await store.deleteRuns({ createdBefore: '2030-01-01T00:00:00.000Z' });
    await store.createRun(makeRun());
    expect(await store.listCheckpoints('run-1')).toEqual([]);
  });
});

describe('close', () => {
  it('is idempotent, and a closed store refuses work with STORE_CLOSED', async () => {
    const store = openSqliteStore({ path: databasePath });
    await store.close();
    await store.close();
    const error = await rejection(store.getRun('run-1'));
    expect(error.code).toBe('STORE_CLOSED');
    expect(error.message).toContain(databasePath);
  });

  it('keeps the data on disk for the next store', async () => {
    const store = openSqliteStore({ path: databasePath });
    await store.createRun(makeRun());
    await store.saveCheckpoint(makeCheckpoint());
    await store.close();
    const next = open();
    expect(await next.getRun('run-1')).toBeDefined();
    expect(await next.listCheckpoints('run-1')).toHaveLength(1);
  });
});

describe('in memory', () => {
  it('works on a private in-memory database with ":memory:"', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      expect(store.path).toBe(':memory:');
      await store.createRun(makeRun());
      expect((await store.getRun('run-1'))?.id).toBe('run-1');
    } finally {
      await store.close();
    }
  });
});
