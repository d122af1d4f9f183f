import {
  ConfigError,
  InputError,
  LOCAL_TENANT,
  type Logger,
  type RunRequest,
  type StageId,
  type StepResult,
  StorageError,
  silentLogger,
} from '@orch/core';
import { createRunHandle } from './internal/run-handle.js';
import { runConflict, runNotFound } from './internal/store-errors.js';
import { createLeaseOwner, isLeaseOwnerAlive } from './lease-owner.js';
import { checkpointToResult } from './resume-rule.js';
import type { RunHandleState } from './run-handle-state.js';
import type { RunFilter, RunLease, RunRecord, RunStatus, StageCheckpoint } from './run-record.js';
import type { RunStore } from './run-store.js';
import { assertTransition } from './run-transitions.js';
import { type RunSummary, summarizeRun } from './summarize-run.js';

export interface WorkflowStateOptions {
  readonly store: RunStore;
  /** The clock; tests pass a fake one. Default: the system clock. */
  readonly now?: () => Date;
  /** This process's lease owner id. Default `${hostname}:${pid}:${random}`. */
  readonly owner?: string;
  /** How long a lease lasts without renewal (renewed every third of it). Default 30000. */
  readonly leaseTtlMs?: number;
  /**
   * Whether the process behind another owner's lease is alive; a dead owner's lease is taken
   * over at once instead of waiting for it to lapse. Default `isLeaseOwnerAlive`.
   */
  readonly isOwnerAlive?: (owner: string) => boolean;
  readonly logger?: Logger;
}

export interface CreateRunInput {
  readonly runId: string;
  readonly request: RunRequest;
  /** The stages of the run's plan, in plan order. */
  readonly plannedStages: readonly StageId[];
  /** Estimated duration of each planned stage (ms): weights the progress. */
  readonly stageEstimatesMs: Partial<Record<StageId, number>>;
}

/** What the orchestrator needs to resume a run: the results of the stages that stay done. */
export interface ResumeState {
  readonly run: RunRecord;
  /** Results of final checkpoints (see `isFinalCheckpoint`), in checkpoint order. */
  readonly results: Map<StageId, StepResult<unknown>>;
}

/** Runs as a workflow: the state machine, leases, checkpoints, resume and retention. */
export interface WorkflowState {
  /** This process's lease owner id. */
  readonly owner: string;
  /** Stores a new `pending` run; throws `RUN_EXISTS` if the id is taken. */
  createRun(input: CreateRunInput): Promise<RunRecord>;
  /**
   * Takes the run's lease and moves it to `running` (from pending, paused, failed or cancelled,
   * or takes over a `running` run whose executor is gone). Throws `RUN_NOT_FOUND`,
   * `RUN_LEASED`, `RUN_CONFLICT` or `ILLEGAL_RUN_TRANSITION`.
   */
  startRun(runId: string): Promise<RunHandleState>;
  /** The results to restore when resuming; throws `RUN_NOT_FOUND` or `RUN_ALREADY_COMPLETED`. */
  resumeState(runId: string): Promise<ResumeState>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** Newest first; see RunFilter (archived runs are hidden unless asked for). */
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  listCheckpoints(runId: string): Promise<StageCheckpoint[]>;
  summarize(run: RunRecord, checkpoints: readonly StageCheckpoint[]): RunSummary;
  /** Marks finished runs created before `olderThan` as archived; returns how many. */
  archive(olderThan: Date): Promise<number>;
  /** Deletes finished runs created before `olderThan`, archived or not; returns how many. */
  prune(olderThan: Date): Promise<number>;
}

/** The statuses a run can end in: the only ones archive and prune touch. */
const FINISHED_STATUSES = ['completed', 'failed', 'cancelled'] as const satisfies RunStatus[];
const ARCHIVE_BATCH = 200;

export function createWorkflowState(options: WorkflowStateOptions): WorkflowState {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? createLeaseOwner();
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const isOwnerAlive = options.isOwnerAlive ?? isLeaseOwnerAlive;
  const logger = options.logger ?? silentLogger;
  if (!(Number.isFinite(leaseTtlMs) && leaseTtlMs > 0)) {
    throw new ConfigError(
      'INVALID_LEASE_TTL',
      `leaseTtlMs must be a positive number of milliseconds, got ${leaseTtlMs}. Pass e.g. 30000, or leave it out.`,
    );
  }
  /** Runs this instance is starting or executing: a second startRun fails at once. */
  const active = new Set<string>();

  const leased = (runId: string, lease: RunLease): StorageError => {
    const until = new Date(lease.expiresAt).toISOString();
    const byThisProcess = lease.owner === owner ? ' (this process)' : '';
    return new StorageError(
      'RUN_LEASED',
      `Run "${runId}" is being executed by ${lease.owner}${byThisProcess}; its lease lapses at ${until}. Wait for it to finish (\`orch runs show ${runId}\`), or start it again after ${until} if that process has stopped.`,
      { retryable: true, details: { runId, owner: lease.owner, expiresAt: lease.expiresAt } },
    );
  };

  const takeLease = async (runId: string): Promise<void> => {
    const lease = await store.acquireLease(runId, owner, leaseTtlMs, now().getTime());
    if (lease.owner === owner) return;
    if (isOwnerAlive(lease.owner)) throw leased(runId, lease);
    logger.info('Taking over the lease of a run whose owner process is gone.', {
      runId,
      previousOwner: lease.owner,
    });
    await store.releaseLease(runId, lease.owner);
    const retaken = await store.acquireLease(runId, owner, leaseTtlMs, now().getTime());
    if (retaken.owner !== owner) throw leased(runId, retaken);
  };

  const start = async (runId: string): Promise<RunHandleState> => {
    const run = await store.getRun(runId);
    if (!run) throw runNotFound(runId);
    // A `running` run can be taken over once its lease is free: its executor is gone.
    if (run.status !== 'running') assertTransition(run.status, 'running', runId);
    await takeLease(runId);
    try {
      const patch = {
        status: 'running',
        startedAt: now().toISOString(),
        finishedAt: undefined,
        error: undefined,
        archivedAt: undefined,
      } as const;
      if (!(await store.updateRun(runId, patch, run.status))) {
        const current = await store.getRun(runId);
        if (!current) throw runNotFound(runId);
        throw runConflict(runId, run.status, current.status, 'running');
      }
      const started = await store.getRun(runId);
      if (!started) throw runNotFound(runId);
      return createRunHandle({
        store,
        run: started,
        checkpoints: await store.listCheckpoints(runId),
        owner,
        leaseTtlMs,
        now,
        logger,
        onClose: () => active.delete(runId),
      });
    } catch (thrown) {
      await store.releaseLease(runId, owner).catch(() => {});
      throw thrown;
    }
  };

  const requireDate = (value: Date, action: string): string => {
    if (Number.isNaN(value.getTime())) {
      throw new InputError(
        'INVALID_DATE',
        `Cannot ${action}: the cut-off date is invalid. Pass a valid Date, e.g. new Date(Date.now() - parseAge('30d')).`,
      );
    }
    return value.toISOString();
  };

  return {
    owner,

    async createRun({ runId, request, plannedStages, stageEstimatesMs }) {
      const tenant = request.tenant ?? LOCAL_TENANT;
      const at = now().toISOString();
      const record: RunRecord = {
        id: runId,
        tenantId: tenant.tenantId,
        ...(tenant.workspaceId === undefined ? {} : { workspaceId: tenant.workspaceId }),
        depth: request.depth,
        request,
        status: 'pending',
        plannedStages: [...plannedStages],
        stageEstimatesMs: { ...stageEstimatesMs },
        progress: 0,
        createdAt: at,
        updatedAt: at,
      };
      await store.createRun(record);
      return structuredClone(record);
    },

    async startRun(runId) {
      if (active.has(runId)) {
        const lease = (await store.getLease(runId)) ?? {
          owner,
          expiresAt: now().getTime() + leaseTtlMs,
        };
        throw leased(runId, lease);
      }
      active.add(runId);
      try {
        return await start(runId);
      } catch (thrown) {
        active.delete(runId);
        throw thrown;
      }
    },

    async resumeState(runId) {
      const run = await store.getRun(runId);
      if (!run) throw runNotFound(runId);
      if (run.status === 'completed') {
        throw new StorageError(
          'RUN_ALREADY_COMPLETED',
          `Run "${runId}" already completed, so there is nothing to resume. Read its report with \`orch runs show ${runId}\`, or start a new run.`,
          { details: { runId } },
        );
      }
      const results = new Map<StageId, StepResult<unknown>>();
      for (const checkpoint of await store.listCheckpoints(runId)) {
        const result = checkpointToResult(checkpoint, run.createdAt);
        if (result) results.set(checkpoint.stage, result);
      }
      return { run, results };
    },

    getRun: (runId) => store.getRun(runId),
    listRuns: (filter) => store.listRuns(filter),
    listCheckpoints: (runId) => store.listCheckpoints(runId),
    summarize: summarizeRun,

    async archive(olderThan) {
      const createdBefore = requireDate(olderThan, 'archive runs');
      const archivedAt = now().toISOString();
      let archived = 0;
      for (const status of FINISHED_STATUSES) {
        for (;;) {
          const batch = await store.listRuns({ status, createdBefore, limit: ARCHIVE_BATCH });
          let changed = 0;
          for (const run of batch) {
            if (await store.updateRun(run.id, { archivedAt }, status)) changed++;
          }
          archived += changed;
          if (batch.length < ARCHIVE_BATCH || changed === 0) break;
        }
      }
      return archived;
    },

    async prune(olderThan) {
      const createdBefore = requireDate(olderThan, 'prune runs');
      let deleted = 0;
      for (const status of FINISHED_STATUSES) {
        deleted += await store.deleteRuns({ status, createdBefore, includeArchived: true });
      }
      return deleted;
    },
  };
}
