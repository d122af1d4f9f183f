import { describe, expect, it } from 'vitest';
import { costOf, worstCaseCost } from './cost-of.js';
import type { ModelPrice } from './model-price.js';

const PRICE: ModelPrice = {
  inputPerMillionUsd: 2,
  cachedInputPerMillionUsd: 0.5,
  outputPerMillionUsd: 8,
  reasoningPerMillionUsd: 12,
};

const none = { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0, reasoningTokens: 0 };

describe('costOf', () => {
  it('charges each usage type at its own rate', () => {
    expect(costOf({ ...none, promptTokens: 1_000_000 }, PRICE)).toBeCloseTo(2, 10);
    expect(
      costOf({ ...none, promptTokens: 1_000_000, cachedPromptTokens: 1_000_000 }, PRICE),
    ).toBeCloseTo(0.5, 10);
    expect(costOf({ ...none, completionTokens: 1_000_000 }, PRICE)).toBeCloseTo(8, 10);
    expect(
      costOf({ ...none, completionTokens: 1_000_000, reasoningTokens: 1_000_000 }, PRICE),
    ).toBeCloseTo(12, 10);
  });

  it('splits a mixed call: uncached + cached input, plain + reasoning output', () => {
    const usage = {
      promptTokens: 10_000,
      cachedPromptTokens: 4_000,
      completionTokens: 3_000,
      reasoningTokens: 1_000,
    };
    // 6000 x 2 + 4000 x 0.5 + 2000 x 8 + 1000 x 12 = 12000 + 2000 + 16000 + 12000 = 42000 / 1e6
    expect(costOf(usage, PRICE)).toBeCloseTo(0.042, 12);
  });

  it('prices cached input like input and reasoning like output when the table has no rate for them', () => {
    const plain: ModelPrice = { inputPerMillionUsd: 1, outputPerMillionUsd: 4 };
    const usage = {
      promptTokens: 1_000,
      cachedPromptTokens: 1_000,
      completionTokens: 500,
      reasoningTokens: 500,
    };
    expect(costOf(usage, plain)).toBeCloseTo((1_000 * 1 + 500 * 4) / 1e6, 12);
  });

  it('never charges negative tokens when counts overlap inconsistently', () => {
    const usage = {
      promptTokens: 100,
      cachedPromptTokens: 500,
      completionTokens: 10,
      reasoningTokens: 50,
    };
    expect(costOf(usage, PRICE)).toBeCloseTo((100 * 0.5 + 10 * 12) / 1e6, 12);
  });
});

describe('worstCaseCost', () => {
  it('charges all input uncached and all output at the dearer of output and reasoning', () => {
    expect(worstCaseCost(1_000, 500, PRICE)).toBeCloseTo((1_000 * 2 + 500 * 12) / 1e6, 12);
    const cheapReasoning = { ...PRICE, reasoningPerMillionUsd: 1 };
    expect(worstCaseCost(1_000, 500, cheapReasoning)).toBeCloseTo((1_000 * 2 + 500 * 8) / 1e6, 12);
  });

  it('is never below the real cost of a call that stays within its limits', () => {
    const usage = {
      promptTokens: 900,
      cachedPromptTokens: 300,
      completionTokens: 500,
      reasoningTokens: 200,
    };
    expect(worstCaseCost(900, 500, PRICE)).toBeGreaterThanOrEqual(costOf(usage, PRICE));
  });
});
