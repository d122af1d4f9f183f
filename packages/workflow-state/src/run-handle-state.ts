import type { IntelligenceReport, StageId, StepError, StepResult } from '@orch/core';
import type { RunRecord, StageCheckpoint } from './run-record.js';

/** Facts about one execution of a stage, stored with its checkpoint. */
export interface CheckpointDetails {
  /** `inputHash()` of what the stage read, to tell on resume whether its inputs changed. */
  readonly inputHash?: string | undefined;
  /** What this execution of the stage cost; added to the cost of earlier executions. */
  readonly costUsd?: number | undefined;
  readonly model?: string | undefined;
  readonly promptVersion?: string | undefined;
  /** Attempts made in this execution (retries included), default 1; added to earlier ones. */
  readonly attempts?: number | undefined;
  /**
   * Run-level state saved in the same write (e.g. circuit breakers): merged key by key into the
   * run's `extra`, so a resumed run starts from it.
   */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A run this process is executing: it holds the run's lease (renewed in the background) until
 * one of `complete`, `fail`, `cancel` or `pause` ends it. Calls are applied one at a time, in
 * call order.
 */
export interface RunHandleState {
  readonly runId: string;
  /** The lease owner id of this process. */
  readonly owner: string;
  /**
   * Fires when this process must stop executing the run: another process took the lease over,
   * or moved the run out of `running`. Its reason is the StorageError that says which.
   */
  readonly signal: AbortSignal;
  /**
   * Stores the settled result of a stage (its data as output for ok/uncertain) and updates the
   * run's progress. Returns the checkpoint as stored.
   */
  checkpoint(
    stage: StageId,
    result: StepResult<unknown>,
    details?: CheckpointDetails,
  ): Promise<StageCheckpoint>;
  /** running -> completed, with the report; progress becomes 1. */
  complete(report: IntelligenceReport): Promise<RunRecord>;
  /** running -> failed, with the error that stopped the run. */
  fail(error: StepError): Promise<RunRecord>;
  /** running -> cancelled (the error defaults to RUN_CANCELLED). */
  cancel(error?: StepError): Promise<RunRecord>;
  /** running -> paused; `startRun` continues it later. */
  pause(): Promise<RunRecord>;
}
