import { ConfigError } from '@orch/core';
import { z } from 'zod';

/** List prices of one model in USD per million tokens, per usage type. */
export interface ModelPrice {
  /** Uncached prompt tokens. */
  inputPerMillionUsd: number;
  /** Prompt tokens served from the prompt cache. Default: `inputPerMillionUsd`. */
  cachedInputPerMillionUsd?: number | undefined;
  /** Completion tokens that are not reasoning tokens. */
  outputPerMillionUsd: number;
  /** Reasoning tokens of a reasoning model. Default: `outputPerMillionUsd`. */
  reasoningPerMillionUsd?: number | undefined;
}

/** Prices by model id (`gpt-4o-mini`, or a provider-prefixed id such as `openai/gpt-4o-mini`). */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

const perMillionUsd = z.number().finite().min(0);

/** The schema of one model's prices, as written in the orch config file. */
export const modelPriceSchema = z.strictObject({
  inputPerMillionUsd: perMillionUsd,
  cachedInputPerMillionUsd: perMillionUsd.optional(),
  outputPerMillionUsd: perMillionUsd,
  reasoningPerMillionUsd: perMillionUsd.optional(),
});

/** The schema of a price table (model id -> prices), as written in the orch config file. */
export const priceTableSchema = z.record(z.string().min(1), modelPriceSchema);

/**
 * Validates a price table read from a config file. Throws ConfigError `PRICE_TABLE_INVALID`
 * naming the first bad entry.
 */
export function parsePriceTable(value: unknown): PriceTable {
  const parsed = priceTableSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the table';
  throw new ConfigError(
    'PRICE_TABLE_INVALID',
    `The price table is invalid at ${where}: ${issue?.message ?? 'unknown problem'}. Give each ` +
      'model { inputPerMillionUsd, outputPerMillionUsd } as non-negative numbers (USD per million ' +
      'tokens), optionally cachedInputPerMillionUsd and reasoningPerMillionUsd.',
    { cause: parsed.error, details: { path: issue?.path.map(String) ?? [] } },
  );
}

/** `base` with the models of `overrides` added or replaced (a config file's prices win). */
export function withPriceOverrides(base: PriceTable, overrides: PriceTable): PriceTable {
  return Object.freeze({ ...base, ...overrides });
}
