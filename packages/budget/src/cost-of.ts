import type { ModelPrice } from './model-price.js';
import type { Usage } from './usage.js';

const MILLION = 1_000_000;

/**
 * What a call cost in USD: uncached prompt tokens at the input rate, cached prompt tokens at the
 * cached-input rate, completion tokens minus reasoning tokens at the output rate, reasoning
 * tokens at the reasoning rate.
 */
export function costOf(usage: Usage, price: ModelPrice): number {
  const cached = Math.min(usage.cachedPromptTokens, usage.promptTokens);
  const reasoning = Math.min(usage.reasoningTokens, usage.completionTokens);
  return (
    ((usage.promptTokens - cached) * price.inputPerMillionUsd +
      cached * (price.cachedInputPerMillionUsd ?? price.inputPerMillionUsd) +
      (usage.completionTokens - reasoning) * price.outputPerMillionUsd +
      reasoning * (price.reasoningPerMillionUsd ?? price.outputPerMillionUsd)) /
    MILLION
  );
}

/**
 * The most a call can cost before it is sent: every input token uncached, and every possible
 * output token at the dearer of the output and reasoning rates.
 */
export function worstCaseCost(
  inputTokens: number,
  maxOutputTokens: number,
  price: ModelPrice,
): number {
  const outputRate = Math.max(
    price.outputPerMillionUsd,
    price.reasoningPerMillionUsd ?? price.outputPerMillionUsd,
  );
  return (inputTokens * price.inputPerMillionUsd + maxOutputTokens * outputRate) / MILLION;
}
