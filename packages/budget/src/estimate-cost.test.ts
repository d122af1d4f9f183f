import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimate-cost.js';

const TABLE = {
  cheap: { inputPerMillionUsd: 1, outputPerMillionUsd: 2 },
  dear: { inputPerMillionUsd: 10, outputPerMillionUsd: 30 },
};

describe('estimateCost', () => {
  it('sums the calls of a plan and splits them per stage', () => {
    const estimate = estimateCost(
      [
        { stage: 'summarize', model: 'cheap', inputTokens: 100_000, outputTokens: 10_000 },
        { stage: 'claims', model: 'dear', inputTokens: 10_000, outputTokens: 1_000 },
        { stage: 'claims', model: 'cheap', inputTokens: 1_000_000, outputTokens: 0 },
      ],
      TABLE,
    );
    expect(estimate.usd).toBeCloseTo(0.12 + 0.13 + 1, 10);
    expect(estimate.perStageUsd.summarize).toBeCloseTo(0.12, 10);
    expect(estimate.perStageUsd.claims).toBeCloseTo(1.13, 10);
    expect(estimate.unknownModels).toEqual([]);
  });

  it('lists models without a price once and leaves them out of the sum', () => {
    const estimate = estimateCost(
      [
        { model: 'mystery', inputTokens: 1_000, outputTokens: 1_000 },
        { model: 'cheap', inputTokens: 1_000_000, outputTokens: 0 },
        { model: 'mystery', inputTokens: 5, outputTokens: 5 },
      ],
      TABLE,
    );
    expect(estimate.usd).toBeCloseTo(1, 10);
    expect(estimate.unknownModels).toEqual(['mystery']);
  });
});
