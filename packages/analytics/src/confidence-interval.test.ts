import { describe, expect, it } from 'vitest';
import { confidenceInterval } from './confidence-interval.js';

describe('confidenceInterval', () => {
  it('uses pstdev / sqrt(n) at level 0.9 for several values', () => {
    // mean 0.4; pstdev sqrt(0.08 / 3) = 0.163299; / sqrt(3) = 0.094281
    const interval = confidenceInterval([0.2, 0.4, 0.6]);
    expect(interval.mean).toBe(0.4);
    expect(interval.margin).toBeCloseTo(0.094281, 6);
    expect(interval.low).toBeCloseTo(0.305719, 6);
    expect(interval.high).toBeCloseTo(0.494281, 6);
    expect(interval.level).toBe(0.9);
  });

  it('never lets the margin fall below 0.05', () => {
    expect(confidenceInterval([0.5, 0.5, 0.5])).toEqual({
      mean: 0.5,
      low: 0.45,
      high: 0.55,
      margin: 0.05,
      level: 0.9,
    });
  });

  it('uses margin 0.1 at level 0.68 for one value, clamping to [0, 1]', () => {
    expect(confidenceInterval([0.95])).toEqual({
      mean: 0.95,
      low: 0.85,
      high: 1,
      margin: 0.1,
      level: 0.68,
    });
  });

  it('uses mean 0 and margin 0.2 at level 0.5 for no values', () => {
    expect(confidenceInterval([])).toEqual({ mean: 0, low: 0, high: 0.2, margin: 0.2, level: 0.5 });
  });

  it('rejects values that are not finite numbers', () => {
    expect(() => confidenceInterval([0.2, Number.POSITIVE_INFINITY])).toThrow(/values\[1\]/);
  });
});
