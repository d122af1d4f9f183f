import {
  CancelledError,
  ConfigError,
  describeSource,
  type IntelligenceReport,
  LOCAL_TENANT,
  type OrchError,
  parseStageOutput,
  type RunContext,
  type RunEvent,
  type RunEventBody,
  RunFailedError,
  type RunRequest,
  requireContent,
  type StageId,
  type StageImplementation,
  type StageOutcome,
  type StageOutputMap,
  type StepError,
  type StepResult,
  stageOutputSchemas,
  toOrchError,
} from '@orch/core';
import type { StagePlan } from '@orch/planner';
import { buildIntelligenceReport } from '@orch/result-processors';
import type { OrchestratorOptions, RunOptions } from './create-orchestrator.js';
import { runDag } from './run-dag.js';

/** One run's facts and the orchestrator's resolved options. */
export interface ExecuteRunInput
  extends Required<Omit<OrchestratorOptions, 'catalog' | 'planOptions'>>,
    RunOptions {
  readonly runId: string;
  readonly request: RunRequest;
  readonly plan: StagePlan;
  readonly emit: (event: RunEvent) => void;
}

type AnyResult = StepResult<unknown>;

/** Runs one planned analysis to its report, emitting events; rejects when the run fails. */
export async function executeRun(input: ExecuteRunInput): Promise<IntelligenceReport> {
  const { runId, request, plan, now } = input;
  const tenant = request.tenant ?? LOCAL_TENANT;
  const send = (body: RunEventBody): void =>
    input.emit({ ...body, runId, at: now().toISOString() } as RunEvent);
  const controller = new AbortController();
  const signal = input.signal
    ? AbortSignal.any([input.signal, controller.signal])
    : controller.signal;

  const specs = new Map(plan.stages.map((stage) => [stage.id, stage]));
  const weight = (stage: StageId): number => (specs.get(stage)?.estimatedMs ?? 0) + 1;
  const totalWeight = plan.stages.reduce((sum, stage) => sum + weight(stage.id), 0);
  const outputs: Partial<StageOutputMap> = {};
  let doneWeight = 0;
  let firstFailure: { stage: StageId; error: OrchError } | undefined;
  const context: RunContext = {
    runId,
    depth: request.depth,
    tenant,
    request,
    plannedStages: plan.stages.map((stage) => stage.id),
    signal,
    logger: input.logger,
  };
  const startedAt = now();
  send({
    type: 'run-start',
    depth: request.depth,
    source: describeSource(request.source),
    stages: [...context.plannedStages],
    estimate: { durationMs: plan.estimate.durationMs, costUsd: plan.estimate.costUsd },
  });

  const stop = (stage: StageId, error: OrchError): void => {
    if (firstFailure || signal.aborted) return;
    firstFailure = { stage, error };
    controller.abort(new CancelledError(`Stopped because stage "${stage}" failed.`));
  };
  const writes: Promise<void>[] = [];
  const persist = (stage: StageId, result: AnyResult): Promise<void> => {
    const write = Promise.resolve(
      input.checkpoint?.(stage, result, inputsOf.get(stage) ?? {}),
    ).catch((thrown: unknown) => stop(stage, toOrchError(thrown)));
    writes.push(write);
    return write;
  };

  const record = (stage: StageId, result: AnyResult, resumed?: true): AnyResult => {
    doneWeight += weight(stage);
    const { status, timings, reason, error } = result as AnyResult & {
      reason?: string;
      error?: StepError;
    };
    const detail = { reason, error, resumed, progress: Math.min(1, doneWeight / totalWeight) };
    send({ type: 'stage-finish', stage, status, durationMs: timings.durationMs, ...detail });
    return result;
  };

  const inputsOf = new Map<StageId, Readonly<Partial<StageOutputMap>>>();
  const restored = new Map<StageId, AnyResult>();
  for (const [stage, result] of input.resume ?? []) {
    if (!specs.has(stage) || result.status === 'fail') continue;
    if (result.status === 'ok' || result.status === 'uncertain') {
      const data = stageOutputSchemas[stage].safeParse(result.data);
      if (!data.success) continue; // stored by an older schema: run the stage again
      (outputs as Record<StageId, unknown>)[stage] = data.data;
    }
    restored.set(stage, record(stage, result, true));
  }

  const runStage = async (stage: StageId): Promise<StageOutcome<unknown>> => {
    const spec = specs.get(stage);
    const gate = outputs['quality-gate'];
    if (spec?.gated && gate && !gate.passed) {
      const reason = `the quality gate did not pass: ${gate.reasons.join('; ')}`;
      return { status: 'skip', reason };
    }
    const implementation = input.stages[stage] as StageImplementation<StageId> | undefined;
    if (!implementation) {
      if (!spec?.required) return { status: 'skip', reason: 'no implementation is configured' };
      throw new ConfigError(
        'STAGE_IMPLEMENTATION_MISSING',
        `No implementation is configured for the required stage "${stage}". Pass one in createOrchestrator({ stages }).`,
      );
    }
    // Let events, signals and checkpoint writes through before a stage that may block the CPU.
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
    const inputs = Object.freeze({ ...outputs });
    inputsOf.set(stage, inputs);
    const outcome = await implementation(
      { request, outputs: inputs },
      {
        ...context,
        stage,
        progress: (message, fraction) => {
          const clamped = fraction === undefined ? undefined : Math.min(1, Math.max(0, fraction));
          send({ type: 'stage-progress', stage, message, fraction: clamped });
        },
      },
    );
    if (outcome.status === 'skip') return outcome;
    const data = parseStageOutput(stage, outcome.data);
    (outputs as Record<StageId, unknown>)[stage] = data;
    return { ...outcome, data };
  };

  const execute = async (stage: StageId): Promise<AnyResult> => {
    const begun = now();
    send({ type: 'stage-start', stage, attempt: 1 });
    const timings = () => ({
      startedAt: begun.toISOString(),
      finishedAt: now().toISOString(),
      durationMs: now().getTime() - begun.getTime(),
    });
    let result: AnyResult;
    try {
      result = { ...(await runStage(stage)), timings: timings() };
    } catch (thrown) {
      const error = toOrchError(thrown);
      input.logger.debug(`stage ${stage} failed`, { code: error.code, message: error.message });
      if (specs.get(stage)?.required) stop(stage, error);
      result = { status: 'fail', error: { ...error.toJSON(), stage }, timings: timings() };
    }
    await persist(stage, result);
    return record(stage, result);
  };

  const results = await runDag<StageId, AnyResult>({
    nodes: plan.stages,
    concurrency: input.concurrency,
    signal,
    settled: restored,
    execute,
    blocked: (stage, reason) => {
      const time = now().toISOString();
      const timings = { startedAt: time, finishedAt: time, durationMs: 0 };
      const result: AnyResult = { status: 'skip', reason: `Skipped because ${reason}.`, timings };
      void persist(stage, result);
      return record(stage, result);
    },
    isSuccess: (result) => result.status === 'ok' || result.status === 'uncertain',
  });

  await Promise.all(writes);
  const finishedAt = now();
  const durationMs = finishedAt.getTime() - startedAt.getTime();
  try {
    if (input.signal?.aborted) throw new CancelledError();
    if (firstFailure) {
      const { stage, error } = firstFailure;
      const message = `The run failed at stage "${stage}" (${error.code}): ${error.message}`;
      throw new RunFailedError(message, { cause: error, stage });
    }
    const content = requireContent(outputs);
    const report = buildIntelligenceReport({
      ...input.annotate?.(),
      runId,
      request,
      tenant,
      content,
      results,
      startedAt,
      finishedAt,
    });
    send({ type: 'run-finish', status: report.status, durationMs });
    return report;
  } catch (thrown) {
    const caught = toOrchError(thrown);
    const error =
      caught instanceof RunFailedError || caught instanceof CancelledError
        ? caught
        : new RunFailedError(`The report could not be built: ${caught.message}`, { cause: caught });
    const status = error instanceof CancelledError ? 'cancelled' : 'failed';
    send({ type: 'run-finish', status, durationMs, error: error.toJSON() });
    throw error;
  }
}
