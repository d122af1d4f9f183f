import { describe, expect, it } from 'vitest';
import { makeArticle, makeTranscript } from './internal/content-fixture.js';
import { mapClaimToSentence } from './map-claim-to-sentence.js';

const ARTICLE = makeArticle(
  'Mr. Smith arrived at 9 a.m. on Tuesday. The city council approved a budget of 4 million dollars for renewable energy on Monday. ' +
    'Consumer prices rose 16 percent in March, according to the U.S. statistics office.\n\n' +
    'Dr. Jones said the growth rate of 3.5 percent was e.g. higher than expected. Critics disagreed.',
);

describe('mapClaimToSentence', () => {
  it('maps a verbatim claim to its whole sentence with similarity 1', () => {
    const match = mapClaimToSentence('the city council approved a budget', ARTICLE);
    expect(match?.similarity).toBe(1);
    expect(match?.sentence).toBe(
      'The city council approved a budget of 4 million dollars for renewable energy on Monday.',
    );
    expect(ARTICLE.text.slice(match!.span.start, match!.span.end)).toBe(match!.sentence);
  });

  it('maps a paraphrase with high word overlap', () => {
    const match = mapClaimToSentence(
      'City council approves 4 million dollar budget for renewable energy',
      ARTICLE,
    );
    expect(match).toBeDefined();
    expect(match!.sentence).toContain('The city council approved');
    expect(match!.similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('does not map an invented claim', () => {
    expect(
      mapClaimToSentence('The mayor resigned after a corruption scandal', ARTICLE),
    ).toBeUndefined();
  });

  it('does not map a claim whose number was changed ("9 percent" vs the source\'s "16 percent")', () => {
    expect(mapClaimToSentence('Consumer prices rose 9 percent in March', ARTICLE)).toBeUndefined();
    const right = mapClaimToSentence('Consumer prices rose 16% in March', ARTICLE);
    expect(right?.sentence).toContain('Consumer prices rose 16 percent');
  });

  it('lets a low threshold accept the changed number, showing the number halved the score', () => {
    const loose = mapClaimToSentence('Consumer prices rose 9 percent in March', ARTICLE, {
      minSimilarity: 0.3,
    });
    expect(loose?.sentence).toContain('Consumer prices rose 16 percent');
    expect(loose!.similarity).toBeLessThan(0.5);
  });

  it('keeps abbreviations and decimals inside their sentence', () => {
    const smith = mapClaimToSentence('Smith arrived Tuesday at 9', ARTICLE);
    expect(smith?.sentence).toBe('Mr. Smith arrived at 9 a.m. on Tuesday.');
    const jones = mapClaimToSentence(
      'Jones called 3.5 percent growth higher than expected',
      ARTICLE,
    );
    expect(jones?.sentence).toBe(
      'Dr. Jones said the growth rate of 3.5 percent was e.g. higher than expected.',
    );
    const us = mapClaimToSentence(
      'prices rose 16 percent in March per the statistics office',
      ARTICLE,
    );
    expect(us?.sentence).toBe(
      'Consumer prices rose 16 percent in March, according to the U.S. statistics office.',
    );
  });

  it('joins a transcript sentence that a cue boundary cuts in two', () => {
    const content = makeTranscript([
      { text: 'and the unemployment rate fell', startSeconds: 30 },
      { text: 'to 4 percent last year', startSeconds: 33 },
      { text: 'we will see what happens next', startSeconds: 36 },
    ]);
    const match = mapClaimToSentence('Unemployment fell to 4 percent last year', content);
    expect(match?.sentence).toBe('and the unemployment rate fell\nto 4 percent last year');
  });

  it('rejects a bad threshold', () => {
    expect(() => mapClaimToSentence('x', ARTICLE, { minSimilarity: 2 })).toThrow(
      expect.objectContaining({ code: 'QUALITY_OPTION_INVALID' }),
    );
  });
});
