import type { Depth } from './depth.js';
import type { Logger } from './logger.js';
import type { RunRequest } from './run-request.js';
import type { StageId } from './stage-id.js';
import type { StageOutputMap } from './stage-outputs.js';
import type { StageOutcome, StepResult } from './step-result.js';
import type { TenantContext } from './tenant.js';

/**
 * Per-run state, passed explicitly to every stage (never a module global), so concurrent
 * runs cannot see each other.
 */
export interface RunContext {
  readonly runId: string;
  readonly depth: Depth;
  readonly tenant: TenantContext;
  readonly request: RunRequest;
  /** Every stage in this run's plan, in order (skipped ones included). */
  readonly plannedStages: readonly StageId[];
  /** Fires when the run is cancelled or has failed; stages pass it to every I/O call. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

export interface StageContext extends RunContext {
  readonly stage: StageId;
  /** Reports progress inside a long stage (a fraction from 0 to 1 when known). */
  progress(message: string, fraction?: number): void;
}

/** What a stage receives: the request and the validated outputs of the stages before it. */
export interface StageInput {
  readonly request: RunRequest;
  readonly outputs: Readonly<Partial<StageOutputMap>>;
}

/** A stage: typed input to a typed outcome. Throw an OrchError to fail. */
export type StageImplementation<S extends StageId> = (
  input: StageInput,
  context: StageContext,
) => Promise<StageOutcome<StageOutputMap[S]>>;

/** The implementations a run uses, keyed by stage; absent stages are reported as skipped. */
export type StageImplementations = { readonly [S in StageId]?: StageImplementation<S> };

/**
 * Persists a settled stage (its result and the outputs it read) before the run moves on; the
 * run stops when it rejects. `@orch/workflow-state` provides one backed by a `RunStore`.
 */
export type CheckpointHook = (
  stage: StageId,
  result: StepResult<unknown>,
  inputs: StageInput['outputs'],
) => Promise<void>;
