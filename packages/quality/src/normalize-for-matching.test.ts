import { InputError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from './normalize-for-matching.js';

describe('normalizeForMatching', () => {
  it('unifies curly quotes, dashes and ellipses and collapses whitespace', () => {
    expect(
      normalizeForMatching('  \u201CWe\u2019ll\u00A0win\u201D\u2014she said\u2026\n\tthen  left '),
    ).toBe('"We\'ll win"-she said... then left');
  });

  it('applies NFKC and keeps case', () => {
    expect(normalizeForMatching('The \uFB01nal Caf\u0065\u0301 ＡＢＣ')).toBe('The final Café ABC');
  });

  it('drops zero-width characters and soft hyphens', () => {
    expect(normalizeForMatching('co\u00ADoper\u200Bate')).toBe('cooperate');
  });

  it('is idempotent', () => {
    const once = normalizeForMatching('\u00AB Hello \u00BB \u2013 world \u2026');
    expect(normalizeForMatching(once)).toBe(once);
  });

  it('throws QUALITY_TEXT_NOT_STRING for a non-string', () => {
    expect(() => normalizeForMatching(42 as unknown as string)).toThrow(InputError);
    expect(() => normalizeForMatching(undefined as unknown as string)).toThrow(
      expect.objectContaining({ code: 'QUALITY_TEXT_NOT_STRING' }),
    );
  });
});
