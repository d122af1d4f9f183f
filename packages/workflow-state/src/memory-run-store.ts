import { type StageId, StorageError } from '@orch/core';
import type { RunFilter, RunLease, RunPatch, RunRecord, StageCheckpoint } from './run-record.js';
import type { RunStore } from './run-store.js';

export interface MemoryRunStoreOptions {
  /** The clock that stamps `updatedAt`; tests pass a fake one. Default: the system clock. */
  readonly now?: () => Date;
}

const PATCH_KEYS = [
  'status',
  'progress',
  'startedAt',
  'finishedAt',
  'error',
  'report',
  'archivedAt',
  'extra',
] as const satisfies readonly (keyof RunPatch)[];

const DEFAULT_LIMIT = 50;

interface StoredRun {
  record: RunRecord;
  /** Insertion order: breaks ties between runs created at the same instant (newest first). */
  sequence: number;
}

/**
 * A RunStore held in memory: for tests and for one-shot runs that need no history. Values are
 * deep-copied on the way in and out, so callers can never mutate stored state.
 */
export function createMemoryRunStore(options: MemoryRunStoreOptions = {}): RunStore {
  const now = options.now ?? (() => new Date());
  const runs = new Map<string, StoredRun>();
  const checkpoints = new Map<string, Map<StageId, StageCheckpoint>>();
  const leases = new Map<string, RunLease>();
  let sequence = 0;
  let closed = false;

  const assertOpen = (): void => {
    if (closed) {
      throw new StorageError(
        'STORE_CLOSED',
        'The in-memory run store was closed; create a new one with createMemoryRunStore().',
      );
    }
  };

  const requireRun = (runId: string, action: string): void => {
    if (!runs.has(runId)) {
      throw new StorageError(
        'RUN_NOT_FOUND',
        `Cannot ${action}: no run with id "${runId}" exists. Create the run first, or check the id with \`orch runs list\`.`,
        { details: { runId } },
      );
    }
  };

  const matching = (filter: RunFilter = {}): StoredRun[] =>
    [...runs.values()]
      .filter(({ record }) => {
        if (filter.status !== undefined && record.status !== filter.status) return false;
        if (filter.tenantId !== undefined && record.tenantId !== filter.tenantId) return false;
        if (!filter.includeArchived && record.archivedAt !== undefined) return false;
        if (
          filter.createdBefore !== undefined &&
          !(Date.parse(record.createdAt) < Date.parse(filter.createdBefore))
        ) {
          return false;
        }
        return true;
      })
      .sort(
        (a, b) =>
          Date.parse(b.record.createdAt) - Date.parse(a.record.createdAt) ||
          b.sequence - a.sequence,
      );

  return {
    async createRun(run) {
      assertOpen();
      if (runs.has(run.id)) {
        throw new StorageError(
          'RUN_EXISTS',
          `A run with id "${run.id}" already exists. Use another run id, or resume the existing run.`,
          { details: { runId: run.id } },
        );
      }
      runs.set(run.id, { record: structuredClone(run), sequence: sequence++ });
    },

    async getRun(id) {
      assertOpen();
      const stored = runs.get(id);
      return stored ? structuredClone(stored.record) : undefined;
    },

    async listRuns(filter = {}) {
      assertOpen();
      const limit = filter.limit ?? DEFAULT_LIMIT;
      return matching(filter)
        .slice(0, Math.max(0, limit))
        .map(({ record }) => structuredClone(record));
    },

    async updateRun(id, patch, expectedStatus) {
      assertOpen();
      const stored = runs.get(id);
      if (!stored) return false;
      if (expectedStatus !== undefined && stored.record.status !== expectedStatus) return false;
      const next: Record<string, unknown> = { ...stored.record };
      for (const key of PATCH_KEYS) {
        if (!Object.hasOwn(patch, key)) continue;
        const value = patch[key];
        if (value === undefined) delete next[key];
        else next[key] = structuredClone(value);
      }
      next.updatedAt = now().toISOString();
      stored.record = next as unknown as RunRecord;
      return true;
    },

    async saveCheckpoint(checkpoint) {
      assertOpen();
      requireRun(checkpoint.runId, `save the checkpoint of stage "${checkpoint.stage}"`);
      let byStage = checkpoints.get(checkpoint.runId);
      if (!byStage) {
        byStage = new Map();
        checkpoints.set(checkpoint.runId, byStage);
      }
      // Replacing a Map entry keeps its position: the order stays the order of first save.
      byStage.set(checkpoint.stage, structuredClone(checkpoint));
    },

    async listCheckpoints(runId) {
      assertOpen();
      return [...(checkpoints.get(runId)?.values() ?? [])].map((item) => structuredClone(item));
    },

    async acquireLease(runId, owner, ttlMs, at) {
      assertOpen();
      requireRun(runId, `lease run "${runId}"`);
      const current = leases.get(runId);
      if (current && current.owner !== owner && current.expiresAt > at) return { ...current };
      const lease: RunLease = { owner, expiresAt: at + ttlMs };
      leases.set(runId, lease);
      return { ...lease };
    },

    async releaseLease(runId, owner) {
      assertOpen();
      if (leases.get(runId)?.owner === owner) leases.delete(runId);
    },

    async getLease(runId) {
      assertOpen();
      const lease = leases.get(runId);
      return lease ? { ...lease } : undefined;
    },

    async deleteRuns(filter) {
      assertOpen();
      const doomed = matching({ ...filter, limit: undefined });
      for (const { record } of doomed) {
        runs.delete(record.id);
        checkpoints.delete(record.id);
        leases.delete(record.id);
      }
      return doomed.length;
    },

    async close() {
      closed = true;
      runs.clear();
      checkpoints.clear();
      leases.clear();
    },
  };
}
