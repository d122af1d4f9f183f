import type { StageOutputMap } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { makeArticle, makeTranscript } from './internal/content-fixture.js';
import { withGroundedSpans } from './with-grounded-spans.js';

const TRANSCRIPT = makeTranscript([
  { text: 'Good evening.', startSeconds: 0 },
  { text: 'Crime fell 12 percent in our city last year.', startSeconds: 4.2 },
  { text: 'My opponent wants open borders and chaos.', startSeconds: 9.8 },
]);

describe('withGroundedSpans', () => {
  it('gives fallacies the span and transcript time of their quote', () => {
    const output: StageOutputMap['fallacies'] = {
      method: 'llm',
      fallacies: [
        {
          type: 'straw-man',
          quote: 'wants open borders and chaos',
          explanation: 'Misrepresents.',
          confidence: 0.7,
          startSeconds: 99,
        },
        { type: 'red-herring', quote: 'an invented quote', explanation: 'x', confidence: 0.2 },
      ],
    };
    const placed = withGroundedSpans('fallacies', output, TRANSCRIPT);
    const [first, second] = placed.fallacies;
    expect(first!.startSeconds).toBe(9.8);
    expect(TRANSCRIPT.text.slice(first!.span!.start, first!.span!.end)).toBe(
      'wants open borders and chaos',
    );
    expect(second).toEqual(output.fallacies[1]);
    expect(output.fallacies[0]!.span).toBeUndefined();
  });

  it('places verbatim claims at their words and paraphrased claims at their sentence', () => {
    const output: StageOutputMap['claims'] = {
      method: 'llm',
      claims: [
        { id: 'c1', text: 'Crime fell 12 percent', kinds: ['statistic'], checkWorthiness: 0.9 },
        {
          id: 'c2',
          text: 'City crime dropped... fell by 12% last year',
          kinds: ['statistic'],
          checkWorthiness: 0.9,
        },
        { id: 'c3', text: 'Crime fell 30 percent', kinds: ['statistic'], checkWorthiness: 0.9 },
      ],
    };
    const [verbatim, paraphrase, wrong] = withGroundedSpans('claims', output, TRANSCRIPT).claims;
    expect(TRANSCRIPT.text.slice(verbatim!.span!.start, verbatim!.span!.end)).toBe(
      'Crime fell 12 percent',
    );
    expect(verbatim!.startSeconds).toBe(4.2);
    expect(TRANSCRIPT.text.slice(paraphrase!.span!.start, paraphrase!.span!.end)).toBe(
      'Crime fell 12 percent in our city last year.',
    );
    expect(wrong!.span).toBeUndefined();
  });

  it('drops a model-invented startSeconds once an article quote is placed', () => {
    const content = makeArticle('Intro.\n\nThey always lie to you.');
    const output: StageOutputMap['fallacies'] = {
      method: 'llm',
      fallacies: [
        {
          type: 'ad-hominem',
          quote: 'They always lie',
          explanation: 'x',
          confidence: 0.5,
          startSeconds: 12,
        },
      ],
    };
    const [fallacy] = withGroundedSpans('fallacies', output, content).fallacies;
    expect(fallacy!.span).toEqual({ start: 8, end: 23 });
    expect(fallacy).not.toHaveProperty('startSeconds');
  });

  it('returns other stages unchanged', () => {
    const sentiment: StageOutputMap['sentiment'] = {
      method: 'heuristic',
      label: 'neutral',
      score: 0,
      positiveShare: 0,
      negativeShare: 0,
      emotions: [],
      rhetoric: [],
    };
    expect(withGroundedSpans('sentiment', sentiment, TRANSCRIPT)).toBe(sentiment);
  });
});
