import { InputError } from '@orch/core';

/** Limits a value to [minimum, maximum]. */
export function clamp(value: number, minimum: number, maximum: number): number {
  return Math.min(maximum, Math.max(minimum, value));
}

/**
 * Rounds away floating-point noise (0.1 x 3 = 0.30000000000000004) so a score that is 0.7 by
 * the formula compares equal to the 0.7 threshold. Six decimals keep every meaningful digit.
 */
export function roundScore(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/** The arithmetic mean, or undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/**
 * Two decimals for people, with more digits when two decimals would make a value look equal
 * to the threshold it was compared with (0.704 is "above 0.7", not "0.70 above 0.7").
 */
export function formatNumber(value: number, threshold?: number): string {
  const fixed = value.toFixed(2);
  if (threshold !== undefined && Number(fixed) === threshold && value !== threshold) {
    return String(Number(value.toFixed(6)));
  }
  return fixed;
}

/** Throws INVALID_ANALYTICS_INPUT unless `value` is a finite number within the bounds. */
export function requireNumber(
  value: number,
  name: string,
  bounds: { minimum?: number; maximum?: number; integer?: boolean } = {},
): number {
  const { minimum, maximum, integer = false } = bounds;
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (minimum === undefined || value >= minimum) &&
    (maximum === undefined || value <= maximum);
  if (valid) return value;
  const kind = integer ? 'an integer' : 'a finite number';
  let range = '';
  if (minimum !== undefined && maximum !== undefined) range = ` from ${minimum} to ${maximum}`;
  else if (minimum !== undefined) range = ` of at least ${minimum}`;
  else if (maximum !== undefined) range = ` of at most ${maximum}`;
  throw new InputError(
    'INVALID_ANALYTICS_INPUT',
    `${name} must be ${kind}${range}, but it was ${String(value)}. Pass the value computed from the stage output, not a raw string or NaN.`,
    { details: { name, value } },
  );
}

/** "1 fact check" / "3 fact checks". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
