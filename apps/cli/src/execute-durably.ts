import { type LedgerStore, toBudgetRunEvent } from '@orch/budget';
import {
  CancelledError,
  type IntelligenceReport,
  LOCAL_TENANT,
  type Logger,
  type RunEvent,
  type RunEventBody,
  RunFailedError,
  type RunRequest,
  type StageId,
  type StageImplementations,
  type StepResult,
  toOrchError,
} from '@orch/core';
import { createOrchestrator } from '@orch/orchestrator';
import type { PlanOptions } from '@orch/planner';
import { inputHash, type WorkflowState } from '@orch/workflow-state';
import type { AnalysisEngine } from './analysis-engine.js';
import type { CliIo } from './cli-io.js';
import { createProgressRenderer, type ProgressMode } from './progress-renderer.js';
import { toRecoveryRunEvent } from './recovery-run-event.js';

export interface DurableRunOptions {
  readonly state: WorkflowState;
  readonly runId: string;
  readonly request: RunRequest;
  readonly engine: AnalysisEngine;
  /** Where model spending is recorded across runs. */
  readonly ledger: LedgerStore;
  /** Stages that replace the engine's for this run (e.g. acquire with content already read). */
  readonly stageOverrides?: StageImplementations;
  /** The same options the run was planned with, so the executed plan matches the stored one. */
  readonly planOptions: PlanOptions;
  readonly resume?: ReadonlyMap<StageId, StepResult<unknown>>;
  readonly quiet: boolean;
  readonly logger: Logger;
}

/**
 * Runs an analysis whose every stage is checkpointed in the run store before the run moves on,
 * so a crash, Ctrl-C or failure can be resumed with `orch resume <id>` without redoing work.
 */
export async function executeDurably(
  options: DurableRunOptions,
  io: CliIo,
): Promise<IntelligenceReport> {
  const { state, runId, request } = options;
  const active = await state.startRun(runId);
  const mode: ProgressMode = options.quiet ? 'quiet' : io.stderrIsTty ? 'live' : 'plain';
  const renderer = createProgressRenderer({ mode, write: io.stderr, columns: io.stderrColumns });
  const show = (body: RunEventBody): void =>
    renderer.handle({ ...body, runId, at: new Date().toISOString() } as RunEvent);
  const prepared = options.engine.prepareRun({
    runId,
    depth: request.depth,
    tenant: request.tenant?.tenantId ?? LOCAL_TENANT.tenantId,
    ledger: options.ledger,
    extra: (await state.getRun(runId))?.extra,
    onBudgetEvent: (event) => {
      const body = toBudgetRunEvent(event);
      if (body) show(body);
    },
    onRecoveryEvent: (event) => {
      const body = toRecoveryRunEvent(event);
      if (body) show(body);
    },
  });
  const orchestrator = createOrchestrator({
    stages: { ...prepared.stages, ...options.stageOverrides },
    planOptions: options.planOptions,
    logger: options.logger,
  });
  const handle = orchestrator.run(request, {
    // Ctrl-C, or losing the run's lease to another process, stops the run.
    signal: AbortSignal.any([io.signal, active.signal]),
    checkpoint: async (stage, result, inputs) => {
      const details = prepared.checkpointDetails(stage);
      await active.checkpoint(stage, result, { ...details, inputHash: inputHash(inputs) });
    },
    annotate: () => prepared.annotate(),
    ...(options.resume ? { resume: options.resume } : {}),
  });
  for await (const event of handle.events) renderer.handle(event);
  try {
    const report = await handle.report;
    await active.complete(report);
    return report;
  } catch (thrown) {
    const error = toOrchError(thrown);
    const hint = `Its finished stages are saved: continue it with orch resume ${runId}`;
    if (error.category === 'cancelled') {
      await active.cancel(error.toJSON());
      throw new CancelledError(`Run ${runId} was cancelled. ${hint}`, { cause: error });
    }
    await active.fail(error.toJSON());
    throw new RunFailedError(`${error.message}\n${hint}`, { cause: error.cause ?? error });
  }
}
