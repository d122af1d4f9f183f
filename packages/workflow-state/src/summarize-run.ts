import { type Depth, describeSource, type StepError } from '@orch/core';
import type { RunRecord, RunStatus, StageCheckpoint } from './run-record.js';

/** A run at a glance, for `orch runs list` and dashboards. */
export interface RunSummary {
  readonly id: string;
  readonly status: RunStatus;
  readonly depth: Depth;
  /** The source's path, URL or title. */
  readonly source: string;
  readonly tenantId: string;
  readonly createdAt: string;
  /** From the latest start to the finish; absent until the run has finished. */
  readonly durationMs?: number | undefined;
  readonly progress: number;
  /** Stage counts: settled checkpoints by status, and planned stages with no settled checkpoint. */
  readonly stages: {
    readonly ok: number;
    readonly uncertain: number;
    readonly skip: number;
    readonly fail: number;
    readonly pending: number;
  };
  /** Sum of every checkpoint's cost. */
  readonly costUsd: number;
  readonly error?: StepError | undefined;
}

/** Summarises a run and its checkpoints (as listed by `RunStore.listCheckpoints`). */
export function summarizeRun(run: RunRecord, checkpoints: readonly StageCheckpoint[]): RunSummary {
  const stages = { ok: 0, uncertain: 0, skip: 0, fail: 0, pending: 0 };
  const settled = new Set<string>();
  let costUsd = 0;
  for (const checkpoint of checkpoints) {
    costUsd += checkpoint.costUsd;
    if (checkpoint.status === 'pending' || checkpoint.status === 'running') continue;
    stages[checkpoint.status]++;
    settled.add(checkpoint.stage);
  }
  stages.pending = run.plannedStages.filter((stage) => !settled.has(stage)).length;
  const durationMs =
    run.startedAt !== undefined && run.finishedAt !== undefined
      ? Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt))
      : undefined;
  return {
    id: run.id,
    status: run.status,
    depth: run.depth,
    source: describeSource(run.request.source),
    tenantId: run.tenantId,
    createdAt: run.createdAt,
    ...(durationMs === undefined ? {} : { durationMs }),
    progress: run.progress,
    stages,
    costUsd,
    ...(run.error === undefined ? {} : { error: run.error }),
  };
}
