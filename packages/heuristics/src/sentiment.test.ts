import { sentimentOutputSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import {
  NEGATIVE_REVIEW,
  NEUTRAL_NEWS,
  OPINION,
  POSITIVE_REVIEW,
} from './internal/fixtures/texts.js';
import { analyzeSentiment } from './sentiment.js';

describe('analyzeSentiment', () => {
  it('labels clearly positive text positive with a positive score', () => {
    const result = analyzeSentiment(POSITIVE_REVIEW);
    expect(result.label).toBe('positive');
    expect(result.score).toBeGreaterThan(0.2);
    expect(result.positiveShare).toBeGreaterThan(result.negativeShare);
    expect(result.emotions.find((emotion) => emotion.name === 'joy')?.score ?? 0).toBeGreaterThan(
      0,
    );
    expect(sentimentOutputSchema.parse(result)).toEqual(result);
  });

  it('labels clearly negative text negative with a negative score', () => {
    const result = analyzeSentiment(NEGATIVE_REVIEW);
    expect(result.label).toBe('negative');
    expect(result.score).toBeLessThan(-0.2);
    expect(result.negativeShare).toBeGreaterThan(result.positiveShare);
    const names = result.emotions.map((emotion) => emotion.name);
    expect(names).toEqual(expect.arrayContaining(['anger', 'sadness']));
  });

  it('labels a factual news item neutral', () => {
    const result = analyzeSentiment(NEUTRAL_NEWS);
    expect(result.label).toBe('neutral');
    expect(Math.abs(result.score)).toBeLessThan(0.2);
    expect(result.method).toBe('heuristic');
  });

  it('does not count negated emotion words ("not happy")', () => {
    const negated = analyzeSentiment('The residents were not happy with the decision.');
    expect(negated.emotions.find((emotion) => emotion.name === 'joy')).toBeUndefined();
  });

  it('quotes rhetorical devices exactly: rhetorical questions, loaded words, anaphora, us-vs-them', () => {
    const text = `${OPINION} We will not back down. We will not be silenced. We will not give up. They don't care about people like us. This is the worst decision in the history of the city. The reckless, corrupt plan is a disgrace.`;
    const result = analyzeSentiment(text);
    const devices = new Set(result.rhetoric.map((item) => item.device));
    expect(devices).toEqual(
      new Set([
        'rhetorical-question',
        'repetition',
        'us-vs-them',
        'superlative',
        'loaded-language',
      ]),
    );
    for (const item of result.rhetoric) expect(text).toContain(item.quote);
    const question = result.rhetoric.find((item) => item.device === 'rhetorical-question');
    expect(question?.quote).toBe("Isn't it obvious that the council has failed us?");
    // a genuine information question is not rhetorical
    expect(result.rhetoric.some((item) => item.quote === 'What do you think?')).toBe(false);
    const anaphora = result.rhetoric.find((item) => item.device === 'repetition');
    expect(anaphora?.quote).toBe(
      'We will not back down. We will not be silenced. We will not give up.',
    );
  });

  it('finds no rhetorical devices in a neutral news item', () => {
    expect(analyzeSentiment(NEUTRAL_NEWS).rhetoric).toEqual([]);
  });

  it('returns a neutral, empty result for empty input', () => {
    expect(analyzeSentiment('')).toEqual({
      method: 'heuristic',
      label: 'neutral',
      score: 0,
      positiveShare: 0,
      negativeShare: 0,
      emotions: [],
      rhetoric: [],
    });
  });
});
