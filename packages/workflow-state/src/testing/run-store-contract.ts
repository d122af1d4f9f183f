import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../run-record.js';
import type { RunStore } from '../run-store.js';
import { createTestCheckpoint, createTestReport, createTestRun } from './fixtures.js';

/** What a contract test gets for each test: a fresh, empty store and how to dispose of it. */
export interface RunStoreUnderTest {
  readonly store: RunStore;
  readonly cleanup?: () => Promise<void>;
}

const LEASE_TIME = 1_700_000_000_000;

const isoAt = (minute: number): string => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();

/**
 * Registers the vitest tests every RunStore must pass. `makeStore` is called before each test
 * and must return an empty store; `cleanup` (when given) runs after it, after `close()`.
 *
 * Beyond the interface docs, the contract pins down: `updateRun` on an unknown id returns
 * false; a patch key present with the value `undefined` clears that field; `saveCheckpoint` and
 * `acquireLease` on an unknown run reject with `RUN_NOT_FOUND`; a lease is free once
 * `now >= expiresAt`; `getLease` returns the stored lease whether or not it has expired;
 * `createdBefore` is exclusive; `deleteRuns` honours `includeArchived` (default false) and
 * ignores `limit`.
 */
export function describeRunStoreContract(
  name: string,
  makeStore: () => Promise<RunStoreUnderTest>,
): void {
  describe(`RunStore contract: ${name}`, () => {
    let store: RunStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await makeStore();
      store = made.store;
      cleanup = made.cleanup;
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    const createRuns = async (runs: readonly RunRecord[]): Promise<void> => {
      for (const run of runs) await store.createRun(run);
    };

    describe('createRun and getRun', () => {
      it('round-trips a run with nested request, estimates, extra and unicode text', async () => {
        const run = createTestRun();
        await store.createRun(run);
        expect(await store.getRun(run.id)).toEqual(run);
      });

      it('returns undefined for an unknown run', async () => {
        expect(await store.getRun('missing')).toBeUndefined();
      });

      it('rejects a duplicate id with RUN_EXISTS and keeps the first run', async () => {
        const first = createTestRun({ id: 'dup', progress: 0.25 });
        await store.createRun(first);
        await expect(
          store.createRun(createTestRun({ id: 'dup', progress: 0.5 })),
        ).rejects.toMatchObject({ code: 'RUN_EXISTS', category: 'storage' });
        expect((await store.getRun('dup'))?.progress).toBe(0.25);
      });

      it('keeps stored state apart from the objects callers hold', async () => {
        const failures = [3, 5];
        const run = createTestRun({ extra: { breakers: { openai: { failures } } } });
        await store.createRun(run);
        (run.plannedStages as string[]).push('threat');
        failures.push(99);
        const read = await store.getRun(run.id);
        (read?.plannedStages as string[] | undefined)?.push('deception');
        const again = await store.getRun(run.id);
        expect(again?.plannedStages).toEqual([
          'acquire',
          'quality-gate',
          'summarize',
          'claims',
          'briefing',
        ]);
        expect(again?.extra).toEqual({ breakers: { openai: { failures: [3, 5] } } });
      });
    });

    describe('updateRun', () => {
      it('applies a patch, stamps updatedAt and leaves other fields alone', async () => {
        const run = createTestRun();
        await store.createRun(run);
        const applied = await store.updateRun(run.id, {
          status: 'running',
          progress: 0.4,
          startedAt: '2024-03-01T12:00:05.000Z',
        });
        expect(applied).toBe(true);
        const read = await store.getRun(run.id);
        expect(read).toMatchObject({
          status: 'running',
          progress: 0.4,
          startedAt: '2024-03-01T12:00:05.000Z',
          createdAt: run.createdAt,
          request: run.request,
          extra: run.extra,
        });
        expect(read?.updatedAt).not.toBe(run.updatedAt);
        expect(Number.isNaN(Date.parse(read?.updatedAt ?? ''))).toBe(false);
      });

      it('round-trips a report, an error and nested extra data', async () => {
        const run = createTestRun();
        await store.createRun(run);
        const report = createTestReport(run.id);
        const error = {
          code: 'RUN_FAILED',
          category: 'stage' as const,
          message: 'The run failed at stage "claims".',
          retryable: false,
          stage: 'claims',
        };
        const extra = { breakers: { a: { open: true, history: [{ at: 1, ok: false }] } } };
        await store.updateRun(run.id, { report, error, extra });
        const read = await store.getRun(run.id);
        expect(read?.report).toEqual(report);
        expect(read?.error).toEqual(error);
        expect(read?.extra).toEqual(extra);
      });

      it('clears a field whose patch value is undefined', async () => {
        const run = createTestRun({
          status: 'failed',
          finishedAt: '2024-03-01T12:02:00.000Z',
          error: { code: 'X_FAILED', category: 'stage', message: 'It failed.', retryable: false },
        });
        await store.createRun(run);
        await store.updateRun(run.id, {
          status: 'running',
          error: undefined,
          finishedAt: undefined,
        });
        const read = await store.getRun(run.id);
        expect(read?.status).toBe('running');
        expect(read?.error).toBeUndefined();
        expect(read?.finishedAt).toBeUndefined();
      });

      it('applies only while the status still equals expectedStatus (compare-and-set)', async () => {
        const run = createTestRun();
        await store.createRun(run);
        expect(await store.updateRun(run.id, { status: 'running' }, 'pending')).toBe(true);
        expect(await store.updateRun(run.id, { status: 'cancelled' }, 'pending')).toBe(false);
        expect((await store.getRun(run.id))?.status).toBe('running');
      });

      it('lets exactly one of two racing compare-and-sets win', async () => {
        await store.createRun(createTestRun());
        const outcomes = await Promise.all([
          store.updateRun('run-1', { status: 'running', progress: 0.1 }, 'pending'),
          store.updateRun('run-1', { status: 'cancelled', progress: 0.2 }, 'pending'),
        ]);
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        const read = await store.getRun('run-1');
        expect(read?.status).toBe(outcomes[0] ? 'running' : 'cancelled');
      });

      it('returns false for an unknown run', async () => {
        expect(await store.updateRun('missing', { progress: 1 })).toBe(false);
        expect(await store.getRun('missing')).toBeUndefined();
      });
    });

    describe('listRuns', () => {
      it('lists newest first', async () => {
        await createRuns([
          createTestRun({ id: 'b', createdAt: isoAt(2) }),
          createTestRun({ id: 'c', createdAt: isoAt(3) }),
          createTestRun({ id: 'a', createdAt: isoAt(1) }),
        ]);
        expect((await store.listRuns()).map((run) => run.id)).toEqual(['c', 'b', 'a']);
      });

      it('filters by status, tenant and createdBefore (exclusive), combined', async () => {
        await createRuns([
          createTestRun({ id: 'old-failed-a', createdAt: isoAt(1), status: 'failed' }),
          createTestRun({ id: 'old-done-a', createdAt: isoAt(2), status: 'completed' }),
          createTestRun({
            id: 'old-failed-b',
            createdAt: isoAt(3),
            status: 'failed',
            tenantId: 'tenant-b',
          }),
          createTestRun({ id: 'edge-failed-a', createdAt: isoAt(10), status: 'failed' }),
          createTestRun({ id: 'new-failed-a', createdAt: isoAt(20), status: 'failed' }),
        ]);
        const ids = async (filter: Parameters<RunStore['listRuns']>[0]) =>
          (await store.listRuns(filter)).map((run) => run.id);
        expect(await ids({ status: 'failed' })).toEqual([
          'new-failed-a',
          'edge-failed-a',
          'old-failed-b',
          'old-failed-a',
        ]);
        expect(await ids({ tenantId: 'tenant-b' })).toEqual(['old-failed-b']);
        expect(await ids({ createdBefore: isoAt(10) })).toEqual([
          'old-failed-b',
          'old-done-a',
          'old-failed-a',
        ]);
        expect(
          await ids({ status: 'failed', tenantId: 'tenant-a', createdBefore: isoAt(10) }),
        ).toEqual(['old-failed-a']);
      });

      it('hides archived runs unless includeArchived is set', async () => {
        await createRuns([
          createTestRun({ id: 'kept', createdAt: isoAt(1) }),
          createTestRun({ id: 'archived', createdAt: isoAt(2), archivedAt: isoAt(30) }),
        ]);
        expect((await store.listRuns()).map((run) => run.id)).toEqual(['kept']);
        const all = await store.listRuns({ includeArchived: true });
        expect(all.map((run) => run.id)).toEqual(['archived', 'kept']);
        expect(all[0]?.archivedAt).toBe(isoAt(30));
      });

      it('returns at most limit runs, 50 by default, the newest ones', async () => {
        await createRuns(
          Array.from({ length: 55 }, (_, index) =>
            createTestRun({ id: `run-${index}`, createdAt: isoAt(index) }),
          ),
        );
        const page = await store.listRuns();
        expect(page).toHaveLength(50);
        expect(page[0]?.id).toBe('run-54');
        expect(page[49]?.id).toBe('run-5');
        expect((await store.listRuns({ limit: 3 })).map((run) => run.id)).toEqual([
          'run-54',
          'run-53',
          'run-52',
        ]);
      });

      it('returns an empty list when nothing matches', async () => {
        await store.createRun(createTestRun());
        expect(await store.listRuns({ status: 'completed' })).toEqual([]);
      });
    });

    describe('checkpoints', () => {
      it('round-trips a checkpoint with nested output', async () => {
        await store.createRun(createTestRun());
        const checkpoint = createTestCheckpoint('run-1', 'summarize');
        await store.saveCheckpoint(checkpoint);
        expect(await store.listCheckpoints('run-1')).toEqual([checkpoint]);
      });

      it('round-trips skip and fail checkpoints with their reason and error', async () => {
        await store.createRun(createTestRun());
        const skip = createTestCheckpoint('run-1', 'claims', {
          status: 'skip',
          output: undefined,
          reason: 'Skipped because the run stopped before this stage started.',
          costUsd: 0,
        });
        const fail = createTestCheckpoint('run-1', 'summarize', {
          status: 'fail',
          output: undefined,
          error: {
            code: 'PROVIDER_TIMEOUT',
            category: 'timeout',
            message: 'The model did not answer in 30 s.',
            retryable: true,
            stage: 'summarize',
          },
        });
        await store.saveCheckpoint(skip);
        await store.saveCheckpoint(fail);
        const [readSkip, readFail] = await store.listCheckpoints('run-1');
        expect(readSkip).toEqual(skip);
        expect(readFail).toEqual(fail);
        expect(readSkip?.output).toBeUndefined();
      });

      it('replaces the checkpoint of the same stage and keeps first-saved order', async () => {
        await store.createRun(createTestRun());
        await store.saveCheckpoint(createTestCheckpoint('run-1', 'acquire'));
        await store.saveCheckpoint(
          createTestCheckpoint('run-1', 'summarize', { status: 'fail', output: undefined }),
        );
        await store.saveCheckpoint(createTestCheckpoint('run-1', 'claims'));
        const retried = createTestCheckpoint('run-1', 'summarize', {
          attempts: 2,
          output: { summary: 'second try' },
        });
        await store.saveCheckpoint(retried);
        const list = await store.listCheckpoints('run-1');
        expect(list.map((item) => item.stage)).toEqual(['acquire', 'summarize', 'claims']);
        expect(list[1]).toEqual(retried);
      });

      it('keeps each run’s checkpoints apart', async () => {
        await createRuns([createTestRun({ id: 'x' }), createTestRun({ id: 'y' })]);
        await store.saveCheckpoint(createTestCheckpoint('x', 'acquire'));
        await store.saveCheckpoint(createTestCheckpoint('y', 'claims'));
        expect((await store.listCheckpoints('x')).map((item) => item.stage)).toEqual(['acquire']);
        expect((await store.listCheckpoints('y')).map((item) => item.stage)).toEqual(['claims']);
      });

      it('lists no checkpoints for an unknown run', async () => {
        expect(await store.listCheckpoints('missing')).toEqual([]);
      });

      it('rejects a checkpoint of an unknown run with RUN_NOT_FOUND', async () => {
        await expect(
          store.saveCheckpoint(createTestCheckpoint('missing', 'acquire')),
        ).rejects.toMatchObject({ code: 'RUN_NOT_FOUND', category: 'storage' });
      });

      it('keeps stored checkpoints apart from the objects callers hold', async () => {
        await store.createRun(createTestRun());
        const checkpoint = createTestCheckpoint('run-1', 'summarize');
        await store.saveCheckpoint(checkpoint);
        (checkpoint.output as { empty: unknown[] }).empty.push('changed');
        const [read] = await store.listCheckpoints('run-1');
        (read?.output as { flag: boolean }).flag = true;
        expect(await store.listCheckpoints('run-1')).toEqual([
          createTestCheckpoint('run-1', 'summarize'),
        ]);
      });
    });

    describe('leases', () => {
      it('grants a free lease until now + ttl', async () => {
        await store.createRun(createTestRun());
        const lease = await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME);
        expect(lease).toEqual({ owner: 'owner-a', expiresAt: LEASE_TIME + 30_000 });
        expect(await store.getLease('run-1')).toEqual(lease);
      });

      it('returns the other owner’s lease, unchanged, while it is live', async () => {
        await store.createRun(createTestRun());
        await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME);
        const seen = await store.acquireLease('run-1', 'owner-b', 30_000, LEASE_TIME + 29_999);
        expect(seen).toEqual({ owner: 'owner-a', expiresAt: LEASE_TIME + 30_000 });
        expect(await store.getLease('run-1')).toEqual(seen);
      });

      it('renews the lease of the owner that holds it', async () => {
        await store.createRun(createTestRun());
        await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME);
        const renewed = await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME + 10_000);
        expect(renewed).toEqual({ owner: 'owner-a', expiresAt: LEASE_TIME + 40_000 });
      });

      it('lets another owner take the lease over once it has expired', async () => {
        await store.createRun(createTestRun());
        await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME);
        expect(await store.getLease('run-1')).toEqual({
          owner: 'owner-a',
          expiresAt: LEASE_TIME + 30_000,
        });
        const taken = await store.acquireLease('run-1', 'owner-b', 5_000, LEASE_TIME + 30_000);
        expect(taken).toEqual({ owner: 'owner-b', expiresAt: LEASE_TIME + 35_000 });
        expect(await store.getLease('run-1')).toEqual(taken);
      });

      it('releases only for the owner that holds the lease', async () => {
        await store.createRun(createTestRun());
        await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME);
        await store.releaseLease('run-1', 'owner-b');
        expect((await store.getLease('run-1'))?.owner).toBe('owner-a');
        await store.releaseLease('run-1', 'owner-a');
        expect(await store.getLease('run-1')).toBeUndefined();
        const next = await store.acquireLease('run-1', 'owner-b', 30_000, LEASE_TIME + 1);
        expect(next.owner).toBe('owner-b');
      });

      it('gives a contested free lease to exactly one of two racing owners', async () => {
        await store.createRun(createTestRun());
        const [first, second] = await Promise.all([
          store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME),
          store.acquireLease('run-1', 'owner-b', 30_000, LEASE_TIME),
        ]);
        expect(first?.owner).toBe(second?.owner);
        expect(['owner-a', 'owner-b']).toContain(first?.owner);
        expect((await store.getLease('run-1'))?.owner).toBe(first?.owner);
      });

      it('keeps leases per run', async () => {
        await createRuns([createTestRun({ id: 'x' }), createTestRun({ id: 'y' })]);
        await store.acquireLease('x', 'owner-a', 30_000, LEASE_TIME);
        expect(await store.getLease('y')).toBeUndefined();
        expect((await store.acquireLease('y', 'owner-b', 30_000, LEASE_TIME)).owner).toBe(
          'owner-b',
        );
      });

      it('has no lease for a run nobody leased, and rejects leasing an unknown run', async () => {
        await store.createRun(createTestRun());
        expect(await store.getLease('run-1')).toBeUndefined();
        await expect(
          store.acquireLease('missing', 'owner-a', 30_000, LEASE_TIME),
        ).rejects.toMatchObject({ code: 'RUN_NOT_FOUND', category: 'storage' });
      });
    });

    describe('deleteRuns', () => {
      it('deletes matching runs with their checkpoints and leases, and returns the count', async () => {
        await createRuns([
          createTestRun({ id: 'old-done', createdAt: isoAt(1), status: 'completed' }),
          createTestRun({ id: 'old-running', createdAt: isoAt(2), status: 'running' }),
          createTestRun({ id: 'new-done', createdAt: isoAt(20), status: 'completed' }),
        ]);
        for (const id of ['old-done', 'old-running', 'new-done']) {
          await store.saveCheckpoint(createTestCheckpoint(id, 'acquire'));
          await store.acquireLease(id, 'owner-a', 30_000, LEASE_TIME);
        }
        const deleted = await store.deleteRuns({ status: 'completed', createdBefore: isoAt(10) });
        expect(deleted).toBe(1);
        expect(await store.getRun('old-done')).toBeUndefined();
        expect(await store.listCheckpoints('old-done')).toEqual([]);
        expect(await store.getLease('old-done')).toBeUndefined();
        for (const id of ['old-running', 'new-done']) {
          expect((await store.getRun(id))?.id).toBe(id);
          expect(await store.listCheckpoints(id)).toHaveLength(1);
          expect((await store.getLease(id))?.owner).toBe('owner-a');
        }
      });

      it('creates a fresh run under a deleted id without old checkpoints or lease', async () => {
        await store.createRun(createTestRun({ status: 'failed', createdAt: isoAt(1) }));
        await store.saveCheckpoint(createTestCheckpoint('run-1', 'acquire'));
        await store.acquireLease('run-1', 'owner-a', 30_000, LEASE_TIME);
        expect(await store.deleteRuns({ createdBefore: isoAt(5) })).toBe(1);
        await store.createRun(createTestRun({ createdAt: isoAt(6) }));
        expect(await store.listCheckpoints('run-1')).toEqual([]);
        expect(await store.getLease('run-1')).toBeUndefined();
      });

      it('spares archived runs unless includeArchived is set', async () => {
        await createRuns([
          createTestRun({ id: 'plain', createdAt: isoAt(1), status: 'failed' }),
          createTestRun({
            id: 'archived',
            createdAt: isoAt(2),
            status: 'failed',
            archivedAt: isoAt(3),
          }),
        ]);
        expect(await store.deleteRuns({ createdBefore: isoAt(10) })).toBe(1);
        expect(await store.getRun('archived')).toBeDefined();
        expect(await store.deleteRuns({ createdBefore: isoAt(10), includeArchived: true })).toBe(1);
        expect(await store.listRuns({ includeArchived: true })).toEqual([]);
      });

      it('filters by tenant and returns 0 when nothing matches', async () => {
        await createRuns([
          createTestRun({ id: 'a', createdAt: isoAt(1), tenantId: 'tenant-a' }),
          createTestRun({ id: 'b', createdAt: isoAt(2), tenantId: 'tenant-b' }),
        ]);
        expect(await store.deleteRuns({ createdBefore: isoAt(0) })).toBe(0);
        expect(await store.deleteRuns({ tenantId: 'tenant-b', createdBefore: isoAt(10) })).toBe(1);
        expect((await store.listRuns()).map((run) => run.id)).toEqual(['a']);
      });
    });
  });
}
