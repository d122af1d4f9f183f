import { InputError } from '@orch/core';

const UNIT_MS = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

/**
 * Parses an age such as `30d`, `12h`, `90m`, `2w` or `45s` into milliseconds. Throws
 * `INVALID_AGE` (InputError) for anything else.
 */
export function parseAge(text: string): number {
  const match = /^(\d+)\s*([smhdw])$/i.exec(text.trim());
  const amount = match?.[1];
  const unit = match?.[2]?.toLowerCase() as keyof typeof UNIT_MS | undefined;
  if (amount === undefined || unit === undefined) {
    throw new InputError(
      'INVALID_AGE',
      `"${text}" is not an age. Write a whole number followed by a unit: s (seconds), m (minutes), h (hours), d (days) or w (weeks), for example 30d, 12h, 90m or 2w.`,
    );
  }
  return Number(amount) * UNIT_MS[unit];
}
