import type { Depth, RunRequest, StageId, StepError } from '@orch/core';
import type {
  CheckpointStatus,
  RunLease,
  RunPatch,
  RunRecord,
  RunStatus,
  StageCheckpoint,
} from '@orch/workflow-state';

export const RUN_COLUMNS =
  'id, tenant_id, workspace_id, depth, status, progress, created_at, updated_at, started_at, ' +
  'finished_at, archived_at, request_json, planned_stages_json, stage_estimates_json, ' +
  'error_json, report_json, extra_json';

export const CHECKPOINT_COLUMNS =
  'run_id, stage, status, attempts, input_hash, output_json, reason, error_json, cost_usd, ' +
  'model, prompt_version, started_at, finished_at, duration_ms';

/** A row of `runs`; JSON columns hold the serialised nested values. */
export interface RunRow {
  id: string;
  tenant_id: string;
  workspace_id: string | null;
  depth: string;
  status: string;
  progress: number;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  archived_at: string | null;
  request_json: string;
  planned_stages_json: string;
  stage_estimates_json: string;
  error_json: string | null;
  report_json: string | null;
  extra_json: string | null;
}

export interface CheckpointRow {
  run_id: string;
  stage: string;
  status: string;
  attempts: number;
  input_hash: string | null;
  output_json: string | null;
  reason: string | null;
  error_json: string | null;
  cost_usd: number;
  model: string | null;
  prompt_version: string | null;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
}

export interface LeaseRow {
  owner: string;
  expires_at: number;
}

/** JSON text of a value, or null when it is absent (`undefined`). */
function toJson(value: unknown): string | null {
  return value === undefined ? null : (JSON.stringify(value) ?? null);
}

function fromJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** Sets `key` on `target` only when the column is not NULL: absent fields stay absent. */
function assignPresent<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | null | undefined,
): void {
  if (value !== null && value !== undefined) target[key] = value;
}

export function runToRow(run: RunRecord): RunRow {
  return {
    id: run.id,
    tenant_id: run.tenantId,
    workspace_id: orNull(run.workspaceId),
    depth: run.depth,
    status: run.status,
    progress: run.progress,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    started_at: orNull(run.startedAt),
    finished_at: orNull(run.finishedAt),
    archived_at: orNull(run.archivedAt),
    request_json: JSON.stringify(run.request),
    planned_stages_json: JSON.stringify(run.plannedStages),
    stage_estimates_json: JSON.stringify(run.stageEstimatesMs),
    error_json: toJson(run.error),
    report_json: toJson(run.report),
    extra_json: toJson(run.extra),
  };
}

export function rowToRun(row: RunRow): RunRecord {
  const run: { -readonly [K in keyof RunRecord]: RunRecord[K] } = {
    id: row.id,
    tenantId: row.tenant_id,
    depth: row.depth as Depth,
    request: JSON.parse(row.request_json) as RunRequest,
    status: row.status as RunStatus,
    plannedStages: JSON.parse(row.planned_stages_json) as StageId[],
    stageEstimatesMs: JSON.parse(row.stage_estimates_json) as RunRecord['stageEstimatesMs'],
    progress: row.progress,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  assignPresent(run, 'workspaceId', row.workspace_id);
  assignPresent(run, 'startedAt', row.started_at);
  assignPresent(run, 'finishedAt', row.finished_at);
  assignPresent(run, 'archivedAt', row.archived_at);
  assignPresent(run, 'error', fromJson<StepError>(row.error_json));
  assignPresent(run, 'report', fromJson<RunRecord['report']>(row.report_json));
  assignPresent(run, 'extra', fromJson<RunRecord['extra']>(row.extra_json));
  return run;
}

export function checkpointToRow(checkpoint: StageCheckpoint): CheckpointRow {
  return {
    run_id: checkpoint.runId,
    stage: checkpoint.stage,
    status: checkpoint.status,
    attempts: checkpoint.attempts,
    input_hash: orNull(checkpoint.inputHash),
    output_json: toJson(checkpoint.output),
    reason: orNull(checkpoint.reason),
    error_json: toJson(checkpoint.error),
    cost_usd: checkpoint.costUsd,
    model: orNull(checkpoint.model),
    prompt_version: orNull(checkpoint.promptVersion),
    started_at: orNull(checkpoint.startedAt),
    finished_at: orNull(checkpoint.finishedAt),
    duration_ms: orNull(checkpoint.durationMs),
  };
}

export function rowToCheckpoint(row: CheckpointRow): StageCheckpoint {
  const checkpoint: { -readonly [K in keyof StageCheckpoint]: StageCheckpoint[K] } = {
    runId: row.run_id,
    stage: row.stage as StageId,
    status: row.status as CheckpointStatus,
    attempts: row.attempts,
    costUsd: row.cost_usd,
  };
  assignPresent(checkpoint, 'inputHash', row.input_hash);
  if (row.output_json !== null) checkpoint.output = JSON.parse(row.output_json);
  assignPresent(checkpoint, 'reason', row.reason);
  assignPresent(checkpoint, 'error', fromJson<StepError>(row.error_json));
  assignPresent(checkpoint, 'model', row.model);
  assignPresent(checkpoint, 'promptVersion', row.prompt_version);
  assignPresent(checkpoint, 'startedAt', row.started_at);
  assignPresent(checkpoint, 'finishedAt', row.finished_at);
  assignPresent(checkpoint, 'durationMs', row.duration_ms);
  return checkpoint;
}

export function rowToLease(row: LeaseRow): RunLease {
  return { owner: row.owner, expiresAt: row.expires_at };
}

/**
 * Parameters of the run update statement: for each patchable column a `set_*` flag (1 when the
 * patch has the key) and its new value. A key present with `undefined` clears an optional field.
 */
export function patchToParameters(patch: RunPatch): Record<string, string | number | null> {
  const has = (key: keyof RunPatch): number => (Object.hasOwn(patch, key) ? 1 : 0);
  return {
    set_status: patch.status === undefined ? 0 : 1,
    status: orNull(patch.status),
    set_progress: patch.progress === undefined ? 0 : 1,
    progress: orNull(patch.progress),
    set_started_at: has('startedAt'),
    started_at: orNull(patch.startedAt),
    set_finished_at: has('finishedAt'),
    finished_at: orNull(patch.finishedAt),
    set_archived_at: has('archivedAt'),
    archived_at: orNull(patch.archivedAt),
    set_error: has('error'),
    error_json: toJson(patch.error),
    set_report: has('report'),
    report_json: toJson(patch.report),
    set_extra: has('extra'),
    extra_json: toJson(patch.extra),
  };
}
