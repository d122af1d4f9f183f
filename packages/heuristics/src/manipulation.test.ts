import { manipulationIndicatorSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_NEWS, NEUTRAL_SCIENCE } from './internal/fixtures/texts.js';
import { detectManipulationIndicators } from './manipulation.js';

const SPEECH = `Act now, before it's too late. This plan is a threat to your family and your jobs. They don't care about people like us. The corrupt, reckless elites have rigged the system. Politicians always lie to you.`;

describe('detectManipulationIndicators', () => {
  it('finds urgency, fear appeals, us-vs-them, loaded language and absolutes', () => {
    const indicators = detectManipulationIndicators(SPEECH);
    const types = new Set(indicators.map((indicator) => indicator.type));
    expect(types).toEqual(
      new Set(['urgency', 'fear-appeal', 'us-vs-them', 'loaded-language', 'absolute-language']),
    );
    for (const indicator of indicators) {
      expect(manipulationIndicatorSchema.parse(indicator)).toEqual(indicator);
      expect(SPEECH).toContain(indicator.quote);
      expect(indicator.explanation.length).toBeGreaterThan(10);
    }
    expect(indicators.find((indicator) => indicator.type === 'urgency')?.quote).toBe(
      "Act now, before it's too late.",
    );
  });

  it('finds nothing in neutral reporting', () => {
    expect(detectManipulationIndicators(NEUTRAL_NEWS)).toEqual([]);
    expect(detectManipulationIndicators(NEUTRAL_SCIENCE)).toEqual([]);
  });

  it('returns an empty list for empty input', () => {
    expect(detectManipulationIndicators('')).toEqual([]);
  });
});
