import { InputError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { countTokens, truncateToTokens } from './tokens.js';

describe('countTokens', () => {
  it('counts o200k_base tokens', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    expect(countTokens('hello world '.repeat(100))).toBeGreaterThan(150);
  });

  it('counts special-token markers in user text as plain text', () => {
    expect(countTokens('a <|endoftext|> b')).toBeGreaterThan(3);
  });
});

describe('truncateToTokens', () => {
  it('keeps text that fits and cuts text that does not', () => {
    const text = 'The council approved the budget on Monday after a long debate.';
    expect(truncateToTokens(text, 1000)).toBe(text);
    const cut = truncateToTokens(text, 4);
    expect(countTokens(cut)).toBeLessThanOrEqual(4);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut.length).toBeLessThan(text.length);
    expect(truncateToTokens(text, 0)).toBe('');
  });

  it('never leaves half a character', () => {
    const text = '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ǅ 龘龘龘';
    for (let max = 1; max < countTokens(text); max += 1) {
      const cut = truncateToTokens(text, max);
      expect(text.startsWith(cut)).toBe(true);
      expect(cut).not.toContain('\uFFFD');
      expect(countTokens(cut)).toBeLessThanOrEqual(max);
    }
    expect(truncateToTokens(text, 4)).toBe('𝔘');
  });

  it('rejects a limit that is not a non-negative integer', () => {
    expect(() => truncateToTokens('x', -1)).toThrow(InputError);
    expect(() => truncateToTokens('x', 1.5)).toThrow(/non-negative integer/);
  });
});
