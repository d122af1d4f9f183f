import { clamp, mean, requireNumber, roundScore } from './internal/numbers.js';

export interface ConfidenceInterval {
  readonly mean: number;
  /** mean - margin, clamped to [0, 1]. */
  readonly low: number;
  /** mean + margin, clamped to [0, 1]. */
  readonly high: number;
  readonly margin: number;
  /** The confidence level the margin stands for (0.9, 0.68 or 0.5). */
  readonly level: number;
}

/**
 * The predecessor's interval over scores from 0 to 1: with two or more values, margin =
 * max(0.05, population standard deviation / sqrt(n)) at level 0.9; one value: margin 0.1 at
 * level 0.68; no values: mean 0, margin 0.2 at level 0.5.
 */
export function confidenceInterval(values: readonly number[]): ConfidenceInterval {
  values.forEach((value, index) => {
    requireNumber(value, `values[${index}]`);
  });
  const average = mean(values) ?? 0;
  let margin: number;
  let level: number;
  if (values.length === 0) {
    margin = 0.2;
    level = 0.5;
  } else if (values.length === 1) {
    margin = 0.1;
    level = 0.68;
  } else {
    const variance = mean(values.map((value) => (value - average) ** 2)) ?? 0;
    margin = Math.max(0.05, Math.sqrt(variance) / Math.sqrt(values.length));
    level = 0.9;
  }
  return {
    mean: roundScore(average),
    low: roundScore(clamp(average - margin, 0, 1)),
    high: roundScore(clamp(average + margin, 0, 1)),
    margin: roundScore(margin),
    level,
  };
}
