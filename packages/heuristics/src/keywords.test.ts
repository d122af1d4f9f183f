import { describe, expect, it } from 'vitest';
import { NEUTRAL_NEWS } from './internal/fixtures/texts.js';
import { extractKeyphrases, extractKeywords } from './keywords.js';

const SOLAR = `The city will install solar panels on school roofs. Solar panels on the roofs of schools will cut energy bills. The schools chose panels from a local supplier, and the supplier will maintain the panels for ten years. Energy bills at the schools fell after the first installation.`;

describe('extractKeywords', () => {
  it('ranks the most frequent content words first, merging plurals by lemma', () => {
    const keywords = extractKeywords(SOLAR);
    const terms = keywords.map((keyword) => keyword.term);
    expect(terms[0]).toBe('panel');
    expect(terms).toContain('school');
    expect(terms).not.toContain('schools');
    expect(terms).not.toContain('panels');
  });

  it('removes stop words and normalises scores to 0..1 with the top keyword at 1', () => {
    const keywords = extractKeywords(NEUTRAL_NEWS);
    expect(keywords[0]?.score).toBe(1);
    for (const keyword of keywords) {
      expect(keyword.score).toBeGreaterThan(0);
      expect(keyword.score).toBeLessThanOrEqual(1);
      expect(['the', 'and', 'of', 'for', 'with', 'will']).not.toContain(keyword.term);
    }
    const scores = keywords.map((keyword) => keyword.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps the spelling of proper nouns and honours the limit', () => {
    const keywords = extractKeywords(NEUTRAL_NEWS, { limit: 20 });
    expect(keywords.length).toBeLessThanOrEqual(20);
    expect(keywords.map((keyword) => keyword.term)).toContain('Ahn');
    expect(extractKeywords(NEUTRAL_NEWS, { limit: 3 })).toHaveLength(3);
  });

  it('returns an empty list for empty input', () => {
    expect(extractKeywords('')).toEqual([]);
  });
});

describe('extractKeyphrases', () => {
  it('returns multi-word noun phrases, most important first', () => {
    const phrases = extractKeyphrases(SOLAR);
    const terms = phrases.map((phrase) => phrase.term);
    expect(terms).toContain('solar panels');
    expect(terms).toContain('energy bills');
    expect(terms.every((term) => term.includes(' '))).toBe(true);
    expect(phrases[0]?.score).toBe(1);
  });

  it('keeps hyphenated compounds whole', () => {
    const terms = extractKeyphrases(
      'The full-time workers asked for a four-day work week. A four-day work week is popular.',
    ).map((phrase) => phrase.term);
    expect(terms).toContain('four-day work week');
    expect(terms).toContain('full-time workers');
  });

  it('returns an empty list for empty input', () => {
    expect(extractKeyphrases('')).toEqual([]);
  });
});
