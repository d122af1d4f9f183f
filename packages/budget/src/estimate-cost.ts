import type { PriceTable } from './model-price.js';
import { priceOf } from './price-of.js';

/** One planned model call (or all the calls of a stage to one model). */
export interface EstimatedCall {
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** The stage making the call; its cost is added to `perStageUsd`. */
  stage?: string | undefined;
}

/** A pre-run cost estimate. */
export interface CostEstimate {
  /** The cost of the calls whose model has a price; a lower bound when `unknownModels` is not empty. */
  usd: number;
  /** USD per stage, for the calls that name one. */
  perStageUsd: Record<string, number>;
  /** Models without a price, each once, in first-seen order. */
  unknownModels: string[];
}

/**
 * Estimates what planned calls will cost (input at the uncached rate, output at the output
 * rate). Map a plan's stages to calls with the model each stage is routed to, e.g.
 * `plan.stages.map((s) => ({ stage: s.id, model, inputTokens: s.estimatedInputTokens,
 * outputTokens: s.estimatedOutputTokens }))`.
 */
export function estimateCost(calls: readonly EstimatedCall[], table: PriceTable): CostEstimate {
  let usd = 0;
  const perStageUsd: Record<string, number> = {};
  const unknownModels: string[] = [];
  for (const call of calls) {
    const price = priceOf(table, call.model);
    if (price === undefined) {
      if (!unknownModels.includes(call.model)) unknownModels.push(call.model);
      continue;
    }
    const cost =
      (call.inputTokens * price.inputPerMillionUsd +
        call.outputTokens * price.outputPerMillionUsd) /
      1_000_000;
    usd += cost;
    if (call.stage !== undefined) perStageUsd[call.stage] = (perStageUsd[call.stage] ?? 0) + cost;
  }
  return { usd, perStageUsd, unknownModels };
}
