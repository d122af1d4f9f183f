import { describe, expect, it } from 'vitest';
import { qualityDimensions } from './quality-dimensions.js';

const none = { verified: 0, disputed: 0, fallacyCount: 0, biasIndicators: 0, sentimentScore: 0 };

describe('qualityDimensions', () => {
  it('computes each dimension from its formula', () => {
    // factual 0.3 + 0.5 x 3/4 = 0.675; logical 0.6 - 0.2 = 0.4; bias 0.7 - 0.1 - 0.2 x 0.5 = 0.5
    const result = qualityDimensions({
      verified: 3,
      disputed: 1,
      fallacyCount: 2,
      biasIndicators: 1,
      sentimentScore: -0.5,
    });
    expect(result).toEqual({
      factualAccuracy: 0.675,
      logicalConsistency: 0.4,
      bias: 0.5,
      overall: 0.525,
      trend: 'stable',
    });
  });

  it('uses 0.3 factual accuracy when nothing was checked', () => {
    const result = qualityDimensions(none);
    expect(result.factualAccuracy).toBe(0.3);
    expect(result.logicalConsistency).toBe(0.6);
    expect(result.bias).toBe(0.7);
    expect(result.overall).toBeCloseTo(1.6 / 3, 6);
  });

  it('caps the fallacy and indicator penalties and clamps bias at 0', () => {
    const result = qualityDimensions({
      verified: 0,
      disputed: 3,
      fallacyCount: 9,
      biasIndicators: 8,
      sentimentScore: 1,
    });
    expect(result.logicalConsistency).toBe(0.2);
    expect(result.bias).toBe(0);
    expect(result.factualAccuracy).toBe(0.3);
    expect(result.trend).toBe('declining');
  });

  it('is stable from an overall of exactly 0.5 and declining just below', () => {
    // 0.3 + 0.5 + 0.7 = 1.5 -> 0.5
    expect(qualityDimensions({ ...none, fallacyCount: 1 })).toMatchObject({
      overall: 0.5,
      trend: 'stable',
    });
    // bias 0.68 -> 1.48 / 3
    expect(qualityDimensions({ ...none, fallacyCount: 1, sentimentScore: 0.1 }).trend).toBe(
      'declining',
    );
  });

  it('tops out at an overall of 0.7 with these three dimensions', () => {
    const best = qualityDimensions({ ...none, verified: 10 });
    expect(best).toEqual({
      factualAccuracy: 0.8,
      logicalConsistency: 0.6,
      bias: 0.7,
      overall: 0.7,
      trend: 'stable',
    });
  });

  it('rejects a sentiment score outside [-1, 1]', () => {
    expect(() => qualityDimensions({ ...none, sentimentScore: 2 })).toThrow(/sentimentScore/);
  });
});
