import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICE_TABLE } from './default-price-table.js';
import { type PriceTable, parsePriceTable, withPriceOverrides } from './model-price.js';
import { priceOf } from './price-of.js';

const TABLE: PriceTable = {
  'gpt-4o-mini': { inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 },
  'gpt-4o': { inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 },
  'gpt-4o-2024-05-13': { inputPerMillionUsd: 5, outputPerMillionUsd: 15 },
  'openrouter/special': { inputPerMillionUsd: 9, outputPerMillionUsd: 9 },
};

describe('priceOf', () => {
  it('finds exact ids, provider-prefixed ids and dated snapshots', () => {
    expect(priceOf(TABLE, 'gpt-4o-mini')?.inputPerMillionUsd).toBe(0.15);
    expect(priceOf(TABLE, 'openai/gpt-4o-mini')?.inputPerMillionUsd).toBe(0.15);
    expect(priceOf(TABLE, 'gpt-4o-mini-2024-07-18')?.inputPerMillionUsd).toBe(0.15);
    expect(priceOf(TABLE, 'openai/gpt-4o-mini-2024-07-18')?.inputPerMillionUsd).toBe(0.15);
    expect(priceOf(TABLE, 'openrouter/special')?.inputPerMillionUsd).toBe(9);
  });

  it('prefers an exact snapshot price over the base model', () => {
    expect(priceOf(TABLE, 'gpt-4o-2024-05-13')?.inputPerMillionUsd).toBe(5);
    expect(priceOf(TABLE, 'gpt-4o-2024-08-06')?.inputPerMillionUsd).toBe(2.5);
  });

  it('returns undefined for unknown models instead of a free price', () => {
    expect(priceOf(TABLE, 'llama3:8b')).toBeUndefined();
    expect(priceOf(TABLE, 'gpt-4o-mini-turbo')).toBeUndefined();
    expect(priceOf(TABLE, 'toString')).toBeUndefined();
    expect(priceOf(TABLE, '')).toBeUndefined();
  });
});

describe('DEFAULT_PRICE_TABLE', () => {
  it('prices the common OpenAI models, with cached input cheaper than input', () => {
    for (const model of [
      'gpt-4o-mini',
      'gpt-4o',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'o4-mini',
    ]) {
      const price = priceOf(DEFAULT_PRICE_TABLE, model);
      expect(price, model).toBeDefined();
      expect(price?.cachedInputPerMillionUsd).toBeLessThan(price?.inputPerMillionUsd ?? 0);
      expect(price?.outputPerMillionUsd).toBeGreaterThan(price?.inputPerMillionUsd ?? 0);
    }
    expect(priceOf(DEFAULT_PRICE_TABLE, 'gpt-4o-mini')).toEqual({
      inputPerMillionUsd: 0.15,
      cachedInputPerMillionUsd: 0.075,
      outputPerMillionUsd: 0.6,
    });
  });

  it('is valid by its own schema', () => {
    expect(parsePriceTable(DEFAULT_PRICE_TABLE)).toEqual(DEFAULT_PRICE_TABLE);
  });
});

describe('parsePriceTable and withPriceOverrides', () => {
  it('lets a config file add models and replace prices', () => {
    const overrides = parsePriceTable({
      'gpt-4o-mini': { inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.4 },
      'llama3:8b': { inputPerMillionUsd: 0, outputPerMillionUsd: 0 },
    });
    const table = withPriceOverrides(DEFAULT_PRICE_TABLE, overrides);
    expect(priceOf(table, 'gpt-4o-mini')?.inputPerMillionUsd).toBe(0.1);
    expect(priceOf(table, 'llama3:8b')).toEqual({ inputPerMillionUsd: 0, outputPerMillionUsd: 0 });
    expect(priceOf(table, 'gpt-4.1')).toEqual(DEFAULT_PRICE_TABLE['gpt-4.1']);
    expect(priceOf(DEFAULT_PRICE_TABLE, 'gpt-4o-mini')?.inputPerMillionUsd).toBe(0.15);
  });

  it('rejects negative prices, missing rates and unknown keys with PRICE_TABLE_INVALID naming the entry', () => {
    expect(() =>
      parsePriceTable({ bad: { inputPerMillionUsd: -1, outputPerMillionUsd: 1 } }),
    ).toThrow(
      expect.objectContaining({
        code: 'PRICE_TABLE_INVALID',
        message: expect.stringContaining('bad.inputPerMillionUsd'),
      }),
    );
    expect(() => parsePriceTable({ bad: { inputPerMillionUsd: 1 } })).toThrow(
      expect.objectContaining({ code: 'PRICE_TABLE_INVALID', category: 'config' }),
    );
    expect(() =>
      parsePriceTable({ bad: { inputPerMillionUsd: 1, outputPerMillionUsd: 1, input: 3 } }),
    ).toThrow(expect.objectContaining({ code: 'PRICE_TABLE_INVALID' }));
  });
});
