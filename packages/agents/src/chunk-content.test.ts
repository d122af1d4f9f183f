import { InputError } from '@orch/core';
import { countTokens } from '@orch/llm';
import { describe, expect, it } from 'vitest';
import { chunkContent } from './chunk-content.js';
import { articleContent } from './internal/test-support.js';

const paragraphs = Array.from(
  { length: 120 },
  (_, index) =>
    `Paragraph ${index}: the harbour committee met on day ${index} and approved ${index * 3} new moorings. Residents asked for more benches.`,
);

describe('chunkContent', () => {
  it('returns chunks whose offsets reproduce their text exactly, in order, within the limit', () => {
    const content = articleContent(paragraphs);
    const chunks = chunkContent(content, 300);
    expect(chunks.length).toBeGreaterThan(5);
    let previousEnd = 0;
    for (const chunk of chunks) {
      expect(content.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.start).toBeGreaterThanOrEqual(previousEnd);
      expect(content.text.slice(previousEnd, chunk.start).trim()).toBe('');
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(300);
      previousEnd = chunk.end;
    }
    expect(content.text.slice(previousEnd).trim()).toBe('');
  });

  it('cuts on segment boundaries', () => {
    const content = articleContent(paragraphs);
    const starts = new Set(content.segments.map((segment) => segment.start));
    const ends = new Set(content.segments.map((segment) => segment.end));
    for (const chunk of chunkContent(content, 300)) {
      expect(starts.has(chunk.start)).toBe(true);
      expect(ends.has(chunk.end)).toBe(true);
    }
  });

  it('splits text without segments at paragraph breaks and an oversized paragraph at sentence ends', () => {
    const long = paragraphs.slice(0, 40).join(' ');
    const content = { ...articleContent([long, 'A short closing line.']), segments: [] };
    const chunks = chunkContent(content, 200);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(content.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(200);
    }
    expect(chunks.slice(0, -1).every((chunk) => /[.!?]$/.test(chunk.text))).toBe(true);
    expect(chunks.at(-1)?.text.endsWith('A short closing line.')).toBe(true);
  });

  it('returns one chunk for short content and none for blank content', () => {
    const content = articleContent(['One line only.']);
    expect(chunkContent(content, 6000)).toEqual([{ text: 'One line only.', start: 0, end: 14 }]);
    expect(chunkContent(articleContent(['   ']), 100)).toEqual([]);
  });

  it('rejects a limit that is not a positive integer', () => {
    const content = articleContent(['One line only.']);
    expect(() => chunkContent(content, 0)).toThrow(InputError);
    expect(() => chunkContent(content, 1.5)).toThrow(/positive integer/);
  });
});
