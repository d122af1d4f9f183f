import { InputError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { parseAge } from './parse-age.js';

describe('parseAge', () => {
  it.each([
    ['30d', 30 * 24 * 60 * 60 * 1000],
    ['12h', 12 * 60 * 60 * 1000],
    ['90m', 90 * 60 * 1000],
    ['2w', 14 * 24 * 60 * 60 * 1000],
    ['45s', 45_000],
    [' 7D ', 7 * 24 * 60 * 60 * 1000],
    ['0d', 0],
  ])('parses %j', (text, expected) => {
    expect(parseAge(text)).toBe(expected);
  });

  it.each(['', '30', 'd', '1.5d', '-2d', '3y', '10 days', '2w3d'])(
    'rejects %j with INVALID_AGE',
    (text) => {
      let caught: unknown;
      try {
        parseAge(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect(caught).toMatchObject({ code: 'INVALID_AGE', category: 'input' });
      expect((caught as Error).message).toContain('for example 30d');
    },
  );
});
