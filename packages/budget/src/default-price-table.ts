import type { ModelPrice, PriceTable } from './model-price.js';

function price(
  inputPerMillionUsd: number,
  cachedInputPerMillionUsd: number | undefined,
  outputPerMillionUsd: number,
): ModelPrice {
  return Object.freeze(
    cachedInputPerMillionUsd === undefined
      ? { inputPerMillionUsd, outputPerMillionUsd }
      : { inputPerMillionUsd, cachedInputPerMillionUsd, outputPerMillionUsd },
  );
}

/**
 * Standard-tier list prices of common OpenAI models in USD per million tokens (input, cached
 * input, output), taken from https://openai.com/api/pricing/ as published in August 2025.
 * OpenAI bills reasoning tokens as output tokens, so no model sets a separate reasoning price.
 * Embedding models have no output price. Prices change: override them in the config file.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = Object.freeze({
  'gpt-5': price(1.25, 0.125, 10),
  'gpt-5-mini': price(0.25, 0.025, 2),
  'gpt-5-nano': price(0.05, 0.005, 0.4),
  'gpt-4.1': price(2, 0.5, 8),
  'gpt-4.1-mini': price(0.4, 0.1, 1.6),
  'gpt-4.1-nano': price(0.1, 0.025, 0.4),
  'gpt-4o': price(2.5, 1.25, 10),
  // The first gpt-4o snapshot kept its launch price; other snapshots match `gpt-4o`.
  'gpt-4o-2024-05-13': price(5, undefined, 15),
  'gpt-4o-mini': price(0.15, 0.075, 0.6),
  o3: price(2, 0.5, 8),
  'o3-mini': price(1.1, 0.55, 4.4),
  'o4-mini': price(1.1, 0.275, 4.4),
  o1: price(15, 7.5, 60),
  'text-embedding-3-small': price(0.02, undefined, 0),
  'text-embedding-3-large': price(0.13, undefined, 0),
});
