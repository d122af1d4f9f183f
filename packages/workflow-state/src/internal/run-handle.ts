import {
  CancelledError,
  InputError,
  type Logger,
  type StageId,
  type StepResult,
  StorageError,
} from '@orch/core';
import { isFinalCheckpoint } from '../resume-rule.js';
import type { CheckpointDetails, RunHandleState } from '../run-handle-state.js';
import type { RunPatch, RunRecord, RunStatus, StageCheckpoint } from '../run-record.js';
import type { RunStore } from '../run-store.js';
import { assertTransition } from '../run-transitions.js';
import { runConflict, runNotFound } from './store-errors.js';

export interface RunHandleOptions {
  readonly store: RunStore;
  readonly run: RunRecord;
  /** The run's checkpoints when the handle is created (from earlier executions). */
  readonly checkpoints: readonly StageCheckpoint[];
  readonly owner: string;
  readonly leaseTtlMs: number;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Called once when the handle stops executing the run (ended, or lost the run). */
  readonly onClose: () => void;
}

/** The handle of a run whose lease this process has just taken and moved to `running`. */
export function createRunHandle(options: RunHandleOptions): RunHandleState {
  const { store, run, owner, leaseTtlMs, now, logger } = options;
  const runId = run.id;
  let extra: Readonly<Record<string, unknown>> = run.extra ?? {};
  const controller = new AbortController();
  const checkpoints = new Map(options.checkpoints.map((item) => [item.stage, item]));
  const settled = new Set<StageId>(
    options.checkpoints.filter(isFinalCheckpoint).map((item) => item.stage),
  );
  const weight = (stage: StageId): number => Math.max(0, run.stageEstimatesMs[stage] ?? 0) + 1;
  const totalWeight = run.plannedStages.reduce((sum, stage) => sum + weight(stage), 0);
  const progress = (): number => {
    if (totalWeight === 0) return 0;
    const done = run.plannedStages
      .filter((stage) => settled.has(stage))
      .reduce((sum, stage) => sum + weight(stage), 0);
    return Math.min(1, done / totalWeight);
  };

  let closed = false;
  let lost: StorageError | undefined;
  let renewal: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const stopRenewing = (): void => {
    clearInterval(timer);
  };
  const close = (): void => {
    if (closed) return;
    closed = true;
    stopRenewing();
    options.onClose();
  };
  const lose = (error: StorageError): void => {
    lost ??= error;
    close();
    if (!controller.signal.aborted) controller.abort(error);
  };

  const renew = async (): Promise<void> => {
    try {
      const lease = await store.acquireLease(runId, owner, leaseTtlMs, now().getTime());
      if (lease.owner !== owner && !closed) {
        const until = new Date(lease.expiresAt).toISOString();
        lose(
          new StorageError(
            'RUN_LEASE_LOST',
            `This process lost the lease of run "${runId}" to ${lease.owner} (held until ${until}), so it must stop executing the run. Check who is running it with \`orch runs show ${runId}\`.`,
            { details: { runId, owner: lease.owner, expiresAt: lease.expiresAt } },
          ),
        );
      }
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      logger.warn('Could not renew the run lease; retrying at the next interval.', {
        runId,
        message,
      });
    }
  };
  const timer = setInterval(
    () => {
      if (closed || renewal) return;
      renewal = renew().finally(() => {
        renewal = undefined;
      });
    },
    Math.max(1, Math.floor(leaseTtlMs / 3)),
  );
  timer.unref();

  /** Applies handle calls one at a time, in call order. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => {});
    return result;
  };

  const assertUsable = (action: string): void => {
    if (lost) throw lost;
    if (closed) {
      throw new StorageError(
        'RUN_HANDLE_CLOSED',
        `Cannot ${action}: this handle of run "${runId}" has already ended the run's execution. Call startRun("${runId}") to execute it again.`,
        { details: { runId } },
      );
    }
  };

  const reread = async (): Promise<RunRecord> => {
    const current = await store.getRun(runId);
    if (!current) throw runNotFound(runId);
    return current;
  };

  const finish = (to: RunStatus, patch: RunPatch): Promise<RunRecord> =>
    serial(async () => {
      assertUsable(`move the run to "${to}"`);
      assertTransition('running', to, runId);
      stopRenewing();
      try {
        await renewal;
        // A renewal that was in flight may have found the lease taken over.
        if (lost) throw lost;
        const changed = await store.updateRun(runId, { ...patch, status: to }, 'running');
        if (!changed) {
          const current = await reread();
          throw runConflict(runId, 'running', current.status, to);
        }
        return await reread();
      } finally {
        close();
        await store.releaseLease(runId, owner).catch((thrown: unknown) => {
          const message = thrown instanceof Error ? thrown.message : String(thrown);
          logger.warn('Could not release the run lease; it lapses on its own.', {
            runId,
            message,
          });
        });
      }
    });

  return {
    runId,
    owner,
    signal: controller.signal,

    checkpoint(stage, result, details = {}) {
      return serial(async () => {
        assertUsable(`save the checkpoint of stage "${stage}"`);
        validateDetails(stage, details);
        const checkpoint = buildCheckpoint(runId, stage, result, details, checkpoints.get(stage));
        await store.saveCheckpoint(checkpoint);
        checkpoints.set(stage, checkpoint);
        // Progress counts only results a resume keeps: not failures, not "run stopped" skips.
        if (isFinalCheckpoint(checkpoint)) settled.add(stage);
        else settled.delete(stage);
        if (details.extra !== undefined) extra = { ...extra, ...details.extra };
        const patch = details.extra === undefined ? {} : { extra };
        const updated = await store.updateRun(runId, { progress: progress(), ...patch }, 'running');
        if (!updated) {
          const current = await store.getRun(runId);
          const state = current ? `is now "${current.status}"` : 'no longer exists';
          const error = new StorageError(
            'RUN_NOT_RUNNING',
            `Run "${runId}" ${state}, so this process must stop executing it (the checkpoint of stage "${stage}" was saved). Check it with \`orch runs show ${runId}\`.`,
            { details: { runId, stage, status: current?.status } },
          );
          lose(error);
          throw error;
        }
        return checkpoint;
      });
    },

    complete(report) {
      const finishedAt = now().toISOString();
      return finish('completed', { progress: 1, report, finishedAt, error: undefined });
    },

    fail(error) {
      return finish('failed', { error, finishedAt: now().toISOString() });
    },

    cancel(error = new CancelledError().toJSON()) {
      return finish('cancelled', { error, finishedAt: now().toISOString() });
    },

    pause() {
      return finish('paused', {});
    },
  };
}

function validateDetails(stage: StageId, details: CheckpointDetails): void {
  const { attempts, costUsd } = details;
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1)) {
    throw new InputError(
      'INVALID_CHECKPOINT',
      `The checkpoint of stage "${stage}" has attempts ${attempts}; pass a whole number of at least 1.`,
    );
  }
  if (costUsd !== undefined && !(Number.isFinite(costUsd) && costUsd >= 0)) {
    throw new InputError(
      'INVALID_CHECKPOINT',
      `The checkpoint of stage "${stage}" has cost ${costUsd}; pass a finite amount of at least 0 (USD).`,
    );
  }
}

function buildCheckpoint(
  runId: string,
  stage: StageId,
  result: StepResult<unknown>,
  details: CheckpointDetails,
  previous: StageCheckpoint | undefined,
): StageCheckpoint {
  const { timings } = result;
  const outcome =
    result.status === 'ok'
      ? { output: result.data }
      : result.status === 'uncertain'
        ? { output: result.data, reason: result.reason }
        : result.status === 'skip'
          ? { reason: result.reason }
          : { error: result.error };
  return {
    runId,
    stage,
    status: result.status,
    attempts: (previous?.attempts ?? 0) + (details.attempts ?? 1),
    costUsd: (previous?.costUsd ?? 0) + (details.costUsd ?? 0),
    ...outcome,
    ...(details.inputHash === undefined ? {} : { inputHash: details.inputHash }),
    ...(details.model === undefined ? {} : { model: details.model }),
    ...(details.promptVersion === undefined ? {} : { promptVersion: details.promptVersion }),
    startedAt: timings.startedAt,
    finishedAt: timings.finishedAt,
    durationMs: timings.durationMs,
  };
}
