import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('returns exact offsets: every sentence is the slice of the input between start and end', () => {
    const text = `  Dr. Jane Doe said on March 3, 2024 that costs rose 12% to $4.5 million.  "Is it true?" he asked.\n\nThe U.S. economy grew by 3.1 percent last year!  Prices fell.`;
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toBe(sentence.text.trim());
    }
    expect(sentences.map((sentence) => sentence.index)).toEqual(sentences.map((_, index) => index));
  });

  it('does not split at abbreviations or decimals', () => {
    const sentences = splitSentences(
      'Dr. Jane Doe arrived at 9 a.m. on Tuesday. The U.S. economy grew by 3.1 percent.',
    );
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Dr. Jane Doe arrived at 9 a.m. on Tuesday.',
      'The U.S. economy grew by 3.1 percent.',
    ]);
  });

  it('keeps a headline without a full stop apart from the first sentence of the body', () => {
    const text =
      '# Council approves budget\n*By Ana Ruiz*\n\nThe council approved the budget. It takes effect in July.';
    const texts = splitSentences(text).map((sentence) => sentence.text);
    expect(texts).toEqual([
      '# Council approves budget',
      '*By Ana Ruiz*',
      'The council approved the budget.',
      'It takes effect in July.',
    ]);
  });

  it('returns an empty list for empty or blank input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n  ')).toEqual([]);
  });
});
