import type {
  Depth,
  IntelligenceReport,
  RunRequest,
  StageId,
  StepError,
  StepStatus,
} from '@orch/core';

/** Where a run is in its life; only the transitions in `RUN_TRANSITIONS` are legal. */
export const RUN_STATUSES = [
  'pending',
  'running',
  'paused',
  'completed',
  'failed',
  'cancelled',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Who may execute a run right now: a process, until `expiresAt` (ms since epoch). */
export interface RunLease {
  readonly owner: string;
  readonly expiresAt: number;
}

/** One analysis run as stored. Times are ISO strings. */
export interface RunRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly workspaceId?: string | undefined;
  readonly depth: Depth;
  readonly request: RunRequest;
  readonly status: RunStatus;
  /** The stages planned for the run, in plan order. */
  readonly plannedStages: readonly StageId[];
  /** Estimated duration of each planned stage (ms), for progress weighting. */
  readonly stageEstimatesMs: Readonly<Partial<Record<StageId, number>>>;
  /** 0 to 1, weighted by estimated stage duration. */
  readonly progress: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt?: string | undefined;
  readonly finishedAt?: string | undefined;
  readonly error?: StepError | undefined;
  /** The delivered report of a completed run. */
  readonly report?: IntelligenceReport | undefined;
  /** Set when the run was archived: kept for summaries, hidden from default listings. */
  readonly archivedAt?: string | undefined;
  /** Opaque state a later layer keeps with the run (e.g. circuit breakers). */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/** Status of one stage in a run: a StepStatus once settled. */
export type CheckpointStatus = 'pending' | 'running' | StepStatus;

/** What is stored after every stage: enough to skip it on resume and to audit it. */
export interface StageCheckpoint {
  readonly runId: string;
  readonly stage: StageId;
  readonly status: CheckpointStatus;
  readonly attempts: number;
  /** sha256 of the stage's inputs (the outputs it read), to detect changed inputs on resume. */
  readonly inputHash?: string | undefined;
  /** The validated output (ok and uncertain only). */
  readonly output?: unknown;
  readonly reason?: string | undefined;
  readonly error?: StepError | undefined;
  readonly costUsd: number;
  readonly model?: string | undefined;
  readonly promptVersion?: string | undefined;
  readonly startedAt?: string | undefined;
  readonly finishedAt?: string | undefined;
  readonly durationMs?: number | undefined;
}

export interface RunFilter {
  readonly status?: RunStatus | undefined;
  readonly tenantId?: string | undefined;
  /** Include archived runs (default false). */
  readonly includeArchived?: boolean | undefined;
  /** Only runs created before this ISO time. */
  readonly createdBefore?: string | undefined;
  /** Newest first; default 50. */
  readonly limit?: number | undefined;
}

/** Fields a store may change on an existing run. */
export type RunPatch = Partial<
  Pick<
    RunRecord,
    'status' | 'progress' | 'startedAt' | 'finishedAt' | 'error' | 'report' | 'archivedAt' | 'extra'
  >
>;
