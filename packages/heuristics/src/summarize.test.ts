import { summaryOutputSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_NEWS } from './internal/fixtures/texts.js';
import { summarizeExtractive, summarizeText } from './summarize.js';

const CENTRAL =
  'The new bridge connects the harbor district with the river market and the train station.';
const TEXT = [
  'The harbor district grew quickly after the shipyard reopened.',
  CENTRAL,
  'Commuters from the train station now reach the river market in ten minutes.',
  'The bridge carries buses, bicycles and pedestrians across the river.',
  'My grandmother preferred knitting scarves during the long winter evenings.',
  'Traders at the river market say the bridge has brought more customers from the harbor district.',
].join(' ');

describe('summarizeExtractive', () => {
  it('picks the sentence most connected to the rest (TextRank) and skips the off-topic one', () => {
    const { summary, sentences } = summarizeExtractive(TEXT, { maxSentences: 1 });
    expect(summary).toBe(CENTRAL);
    expect(sentences).toHaveLength(1);
    expect(TEXT.slice(sentences[0]!.start, sentences[0]!.end)).toBe(CENTRAL);
    const three = summarizeExtractive(TEXT, { maxSentences: 3 });
    expect(three.summary).not.toContain('grandmother');
  });

  it('returns sentences in source order', () => {
    const { sentences } = summarizeExtractive(TEXT, { maxSentences: 3 });
    const indexes = sentences.map((sentence) => sentence.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(sentences).toHaveLength(3);
  });

  it('returns an empty summary for empty input', () => {
    expect(summarizeExtractive('')).toEqual({ summary: '', sentences: [] });
  });
});

describe('summarizeText', () => {
  it('builds a schema-valid summary with distinct key points, topics, keywords and entities', () => {
    const result = summarizeText(NEUTRAL_NEWS, { maxSentences: 2, maxKeyPoints: 4 });
    expect(summaryOutputSchema.parse(result)).toEqual(result);
    expect(result.method).toBe('heuristic');
    expect(result.keyPoints.length).toBeGreaterThan(1);
    expect(result.keyPoints.length).toBeLessThanOrEqual(4);
    expect(new Set(result.keyPoints).size).toBe(result.keyPoints.length);
    for (const point of result.keyPoints) expect(NEUTRAL_NEWS).toContain(point);
    expect(result.topics.length).toBeGreaterThan(0);
    expect(result.keywords.length).toBeGreaterThan(0);
    expect(result.entities.some((entity) => entity.text === 'Samuel Ahn')).toBe(true);
  });

  it('returns empty fields for empty input without throwing', () => {
    expect(summarizeText('')).toEqual({
      method: 'heuristic',
      summary: '',
      keyPoints: [],
      topics: [],
      keywords: [],
      entities: [],
    });
  });
});
