import { estimateCost, type PriceTable } from '@orch/budget';
import type { StageId } from '@orch/core';
import type { StagePlan } from '@orch/planner';

/** What `orch analyze --estimate` prints: the plan's model stages, tokens, cost and time. */
export interface RunEstimate {
  depth: string;
  wordCount: number;
  mode: 'llm' | 'offline';
  capUsd: number;
  /** Cost of the priced stages; a lower bound when `unpricedModels` is not empty. */
  costUsd: number;
  unpricedModels: string[];
  /** Expected wall time (the critical path) and the sum of stage times, in ms. */
  durationMs: number;
  sequentialMs: number;
  stages: {
    stage: StageId;
    model?: string;
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
  }[];
}

/** The estimate of a planned run; `modelFor` is undefined offline (no stage calls a model). */
export function estimateRun(
  plan: StagePlan,
  wordCount: number,
  capUsd: number,
  priceTable: PriceTable,
  modelFor: ((stage: StageId) => string) | undefined,
): RunEstimate {
  const modelStages = modelFor
    ? plan.stages.filter((stage) => stage.estimatedInputTokens + stage.estimatedOutputTokens > 0)
    : [];
  const calls = modelStages.map((stage) => ({
    stage: stage.id,
    model: (modelFor as (stage: StageId) => string)(stage.id),
    inputTokens: stage.estimatedInputTokens,
    outputTokens: stage.estimatedOutputTokens,
  }));
  const cost = estimateCost(calls, priceTable);
  return {
    depth: plan.depth,
    wordCount,
    mode: modelFor ? 'llm' : 'offline',
    capUsd,
    costUsd: cost.usd,
    unpricedModels: cost.unknownModels,
    durationMs: plan.estimate.durationMs,
    sequentialMs: plan.estimate.sequentialMs,
    stages: calls.map((call) => ({ ...call, costUsd: cost.perStageUsd[call.stage] ?? 0 })),
  };
}

function usd(value: number): string {
  return `$${value.toFixed(value > 0 && value < 0.01 ? 4 : 2)}`;
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

/** The estimate as lines of text. */
export function formatEstimate(estimate: RunEstimate): string {
  const lines = [
    `Estimate: ${estimate.depth} analysis of ${estimate.wordCount} words, ${estimate.mode === 'llm' ? 'with a model' : 'offline (no model calls, no cost)'}.`,
  ];
  if (estimate.mode === 'llm') {
    lines.push('', 'stage              model            tokens in   tokens out       cost');
    for (const stage of estimate.stages) {
      lines.push(
        `${stage.stage.padEnd(18)} ${(stage.model ?? '').padEnd(16)} ${String(stage.inputTokens).padStart(9)}   ${String(stage.outputTokens).padStart(10)}   ${usd(stage.costUsd).padStart(8)}`,
      );
    }
    lines.push(
      '',
      `Cost about ${usd(estimate.costUsd)} of the ${usd(estimate.capUsd)} run cap.${estimate.costUsd > estimate.capUsd ? ' That is over the cap: raise it with --budget, or use a smaller depth or a cheaper model.' : ''}`,
    );
    if (estimate.unpricedModels.length > 0) {
      lines.push(
        `No price is known for ${estimate.unpricedModels.join(', ')}: those stages are not in the cost. Add prices under "budget.prices" in the config file.`,
      );
    }
  }
  if (estimate.mode === 'llm') {
    lines.push(
      `Time about ${seconds(estimate.durationMs)} (critical path; ${seconds(estimate.sequentialMs)} if the stages ran one by one).`,
    );
  }
  return `${lines.join('\n')}\n`;
}
