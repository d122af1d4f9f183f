import { describe, expect, it } from 'vitest';
import { NEUTRAL_NEWS } from './internal/fixtures/texts.js';
import { assessTranscriptQuality } from './transcript-quality.js';

describe('assessTranscriptQuality', () => {
  it('scores 0 for empty text', () => {
    expect(assessTranscriptQuality('')).toEqual({
      score: 0,
      components: { length: 0, wordLength: 0, punctuation: 0, capitalization: 0, vocabulary: 0 },
    });
  });

  it('applies the formula to a short, well-formed text', () => {
    // 12 words (> 10: +0.1), 56 letters / 12 words = 4.67 chars (+0.2),
    // 2 sentence marks for 12 words (+0.2), capitals (+0.1), 11/12 distinct words (+0.2)
    const text = 'Solar panels power the school. The school saves money on energy every month.';
    expect(assessTranscriptQuality(text)).toEqual({
      score: 0.8,
      components: {
        length: 0.1,
        wordLength: 0.2,
        punctuation: 0.2,
        capitalization: 0.1,
        vocabulary: 0.2,
      },
    });
  });

  it('gives no punctuation, capital or word-length points to a raw lower-case transcript', () => {
    // 60 words of "so um yeah we uh" style: 51..100 words -> 0.2; average word length 2 -> 0;
    // no sentence marks -> 0; no capitals -> 0; 5 distinct / 60 words -> 0
    const text = Array.from({ length: 12 }, () => 'so um yeah we uh').join(' ');
    expect(assessTranscriptQuality(text)).toEqual({
      score: 0.2,
      components: { length: 0.2, wordLength: 0, punctuation: 0, capitalization: 0, vocabulary: 0 },
    });
  });

  it('reaches the maximum of 1 for a long, well-formed transcript', () => {
    const result = assessTranscriptQuality(NEUTRAL_NEWS);
    expect(result.components).toEqual({
      length: 0.3,
      wordLength: 0.2,
      punctuation: 0.2,
      capitalization: 0.1,
      vocabulary: 0.2,
    });
    expect(result.score).toBe(1);
  });

  it('gives no vocabulary points when under 30% of the words are distinct', () => {
    const sentences = Array.from(
      { length: 15 },
      (_, index) => `Speaker number ${index + 1} explained budget item ${index + 1} clearly.`,
    );
    // 120 words, 21 distinct (0.175): everything but vocabulary
    const result = assessTranscriptQuality(sentences.join(' '));
    expect(result.components.vocabulary).toBe(0);
    expect(result.score).toBe(0.8);
  });

  it('needs a sentence mark at least every 20 words', () => {
    const words = Array.from({ length: 41 }, (_, index) => `word${index}`);
    const twoMarks = `${words.slice(0, 20).join(' ')}. ${words.slice(20).join(' ')}.`;
    expect(assessTranscriptQuality(twoMarks).components.punctuation).toBe(0);
    const threeMarks = `${words.slice(0, 20).join(' ')}. ${words.slice(20, 40).join(' ')}. ${words[40]}.`;
    expect(assessTranscriptQuality(threeMarks).components.punctuation).toBe(0.2);
  });
});
