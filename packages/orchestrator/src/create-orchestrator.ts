import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  type CheckpointHook,
  type IntelligenceReport,
  type Logger,
  parseRunRequest,
  type RunEvent,
  type RunRequest,
  type StageId,
  type StageImplementations,
  type StepResult,
  silentLogger,
} from '@orch/core';
import {
  buildPlan,
  type PlanOptions,
  STAGE_CATALOG,
  type StagePlan,
  type StageSpec,
} from '@orch/planner';
import type { ReportAnnotations } from '@orch/result-processors';
import { executeRun } from './execute-run.js';

export interface OrchestratorOptions {
  /** The stage implementations; see `createHeuristicStages` for the offline set. */
  readonly stages: StageImplementations;
  /** Most stages running at once. Default 4. */
  readonly concurrency?: number;
  readonly logger?: Logger;
  /** The stage catalog to plan from. Default: `STAGE_CATALOG` of @orch/planner. */
  readonly catalog?: readonly StageSpec[];
  /** Estimates and pricing for the planner (e.g. `pricing: null` when no model is used). */
  readonly planOptions?: PlanOptions;
  /** The clock; tests pass a fake one. */
  readonly now?: () => Date;
}

type AnyResult = StepResult<unknown>;

export interface RunOptions {
  /** Cancels the run: running stages see it fire, nothing new starts, the report rejects. */
  readonly signal?: AbortSignal;
  /**
   * Results of an earlier attempt of this run (from its checkpoints): those stages are not run
   * again and their outputs feed the rest. Failed results are re-run.
   */
  readonly resume?: ReadonlyMap<StageId, AnyResult>;
  /** Persists every settled stage before the run moves on; a rejection stops the run. */
  readonly checkpoint?: CheckpointHook;
  /** Asked once all stages settled: spend, recovery stats, fallbacks for the report. */
  readonly annotate?: () => ReportAnnotations;
}

export interface RunHandle {
  readonly runId: string;
  readonly plan: StagePlan;
  /** Every event of the run, buffered until read; iterate it once. Ends after `run-finish`. */
  readonly events: AsyncIterable<RunEvent>;
  /** Resolves with the validated report; rejects with `RunFailedError` or `CancelledError`. */
  readonly report: Promise<IntelligenceReport>;
}

export interface Orchestrator {
  /** Plans and starts a run. Throws at once for an invalid request or plan. */
  run(request: RunRequest, options?: RunOptions): RunHandle;
}

export function createOrchestrator(options: OrchestratorOptions): Orchestrator {
  const catalog = options.catalog ?? STAGE_CATALOG;
  const resolved = {
    stages: options.stages,
    concurrency: options.concurrency ?? 4,
    logger: options.logger ?? silentLogger,
    now: options.now ?? (() => new Date()),
  };
  return {
    run(request, runOptions = {}) {
      const valid = parseRunRequest(request);
      const plan = buildPlan(catalog, valid.depth, options.planOptions);
      const runId = valid.runId ?? randomUUID();
      const events = new Readable({ objectMode: true, read() {} });
      const emit = (event: RunEvent): void => void events.push(event);
      const report = executeRun({ ...resolved, ...runOptions, request: valid, runId, plan, emit });
      // Marks the rejection handled: a caller that only reads events must not crash the process.
      void report.catch(() => {}).finally(() => events.push(null));
      return { runId, plan, events: events as AsyncIterable<RunEvent>, report };
    },
  };
}
