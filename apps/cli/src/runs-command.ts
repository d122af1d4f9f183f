import { describeSource, InputError } from '@orch/core';
import {
  parseAge,
  RUN_STATUSES,
  type RunRecord,
  type RunStatus,
  summarizeRun,
} from '@orch/workflow-state';
import type { CliIo } from './cli-io.js';
import { requireRun, withWorkflowState } from './run-store.js';

export interface RunsListOptions {
  readonly status?: string;
  readonly json: boolean;
  readonly limit: string;
  readonly all: boolean;
}

function parseStatus(value: string | undefined): RunStatus | undefined {
  if (value === undefined) return undefined;
  if ((RUN_STATUSES as readonly string[]).includes(value)) return value as RunStatus;
  throw new InputError(
    'UNKNOWN_RUN_STATUS',
    `Unknown run status "${value}". Use one of: ${RUN_STATUSES.join(', ')}.`,
  );
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (Number.isInteger(limit) && limit > 0) return limit;
  throw new InputError('INVALID_LIMIT', `--limit takes a whole number above 0, not "${value}".`);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function percent(progress: number): string {
  return `${Math.round(progress * 100)}%`;
}

/** `orch runs`: the runs of earlier invocations, newest first. */
export async function listRunsCommand(options: RunsListOptions, io: CliIo): Promise<void> {
  const status = parseStatus(options.status);
  const limit = parseLimit(options.limit);
  await withWorkflowState(io, async (state) => {
    const runs = await state.listRuns({ status, limit, includeArchived: options.all });
    if (options.json) {
      io.stdout(
        `${JSON.stringify(
          runs.map(({ report: _report, ...run }) => run),
          null,
          2,
        )}\n`,
      );
      return;
    }
    if (runs.length === 0) {
      io.stdout(
        status ? `No ${status} runs.\n` : 'No runs yet. Start one with: orch analyze <file>\n',
      );
      return;
    }
    const rows = runs.map((run: RunRecord) => [
      run.id,
      run.status,
      run.depth,
      percent(run.progress),
      run.createdAt.replace('T', ' ').slice(0, 19),
      describeSource(run.request.source),
    ]);
    io.stdout(
      `${table([['ID', 'STATUS', 'DEPTH', 'DONE', 'CREATED (UTC)', 'SOURCE'], ...rows])}\n`,
    );
  });
}

/** `orch runs show <id>`: one run, its stages and what they cost. */
export async function showRunCommand(
  runId: string,
  options: { readonly json: boolean },
  io: CliIo,
): Promise<void> {
  await withWorkflowState(io, async (state) => {
    const run = await requireRun(state, runId);
    const checkpoints = await state.listCheckpoints(runId);
    const summary = summarizeRun(run, checkpoints);
    if (options.json) {
      const stages = checkpoints.map(({ output: _output, ...checkpoint }) => checkpoint);
      io.stdout(`${JSON.stringify({ summary, stages }, null, 2)}\n`);
      return;
    }
    const lines = [
      `Run ${run.id}`,
      `  status    ${run.status} (${percent(run.progress)})`,
      `  source    ${summary.source}`,
      `  depth     ${run.depth} · tenant ${run.tenantId}`,
      `  created   ${run.createdAt}${summary.durationMs === undefined ? '' : ` · took ${(summary.durationMs / 1000).toFixed(1)} s`}`,
      ...(summary.costUsd > 0 ? [`  cost      $${summary.costUsd.toFixed(4)}`] : []),
      ...(run.error ? [`  error     ${run.error.code}: ${run.error.message}`] : []),
      '',
    ];
    const byStage = new Map(checkpoints.map((checkpoint) => [checkpoint.stage, checkpoint]));
    const rows = run.plannedStages.map((stage) => {
      const checkpoint = byStage.get(stage);
      const note = checkpoint?.error?.message ?? checkpoint?.reason ?? '';
      return [
        stage,
        checkpoint?.status ?? 'pending',
        String(checkpoint?.attempts ?? 0),
        checkpoint?.durationMs === undefined ? '' : `${Math.round(checkpoint.durationMs)} ms`,
        checkpoint?.model ?? '',
        checkpoint?.costUsd ? `$${checkpoint.costUsd.toFixed(4)}` : '',
        note.split('\n')[0] ?? '',
      ];
    });
    lines.push(table([['STAGE', 'STATUS', 'ATTEMPTS', 'TIME', 'MODEL', 'COST', 'NOTE'], ...rows]));
    if (run.status !== 'completed' && run.status !== 'running') {
      lines.push('', `Continue it with: orch resume ${run.id}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  });
}

/** `orch runs prune --older-than 30d`: deletes finished runs created before then. */
export async function pruneRunsCommand(
  options: { readonly olderThan: string },
  io: CliIo,
): Promise<void> {
  const cutoff = new Date(Date.now() - parseAge(options.olderThan));
  await withWorkflowState(io, async (state) => {
    const deleted = await state.prune(cutoff);
    io.stdout(
      `Deleted ${deleted} finished run${deleted === 1 ? '' : 's'} created before ${cutoff.toISOString()}.\n`,
    );
  });
}
