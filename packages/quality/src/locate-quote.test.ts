import { describe, expect, it } from 'vitest';
import { makeArticle, makeTranscript } from './internal/content-fixture.js';
import { locateQuote } from './locate-quote.js';

describe('locateQuote', () => {
  it('finds a straight-quoted quote in curly-quoted source and maps offsets back exactly', () => {
    const content = makeArticle(
      'The mayor said: \u201CWe\u2019ll  fix\nthe roads\u201D on Monday.',
    );
    const match = locateQuote('"We\'ll fix the roads"', content);
    expect(match.found).toBe(true);
    expect(match.caseInsensitive).toBe(false);
    const { start, end } = match.span!;
    expect(content.text.slice(start, end)).toBe('\u201CWe\u2019ll  fix\nthe roads\u201D');
  });

  it('matches across a no-break space and a line break in the source', () => {
    const content = makeArticle('Prices rose by 16\u00A0percent\nin March, the office said.');
    const match = locateQuote('rose by 16 percent in March', content);
    expect(match.found).toBe(true);
    expect(content.text.slice(match.span!.start, match.span!.end)).toBe(
      'rose by 16\u00A0percent\nin March',
    );
  });

  it('maps offsets back through characters that normalise to several (ellipsis, ligature)', () => {
    const content = makeArticle('Intro. Wait\u2026 the \uFB01nal vote was 7\u20132. End.');
    const match = locateQuote('Wait... the final vote was 7-2', content);
    expect(content.text.slice(match.span!.start, match.span!.end)).toBe(
      'Wait\u2026 the \uFB01nal vote was 7\u20132',
    );
  });

  it('strips one pair of wrapping quotation marks the model added', () => {
    const content = makeArticle('He called it a disgrace to the nation.');
    const match = locateQuote('\u201Ca disgrace to the nation\u201D', content);
    expect(content.text.slice(match.span!.start, match.span!.end)).toBe('a disgrace to the nation');
  });

  it('falls back to case-insensitive only when the exact form is absent, and says so', () => {
    const content = makeArticle('Nobody Believes The Polls anymore. nobody believes the polls.');
    const exact = locateQuote('nobody believes the polls', content);
    expect(exact.caseInsensitive).toBe(false);
    expect(exact.span!.start).toBe(content.text.lastIndexOf('nobody'));

    const fallback = locateQuote('NOBODY BELIEVES THE POLLS ANYMORE', content);
    expect(fallback.found).toBe(true);
    expect(fallback.caseInsensitive).toBe(true);
    expect(fallback.span!.start).toBe(0);
  });

  it('reports the first occurrence of a repeated short quote and counts occurrences', () => {
    const content = makeArticle('Yes we can. They said yes we can. Yes we can!');
    const match = locateQuote('Yes we can', content);
    expect(match.found).toBe(true);
    expect(match.span).toEqual({ start: 0, end: 10 });
    expect(match.occurrences).toBe(2);
  });

  it('does not find a paraphrase, an altered word or an empty quote', () => {
    const content = makeArticle('The council approved the budget on Monday.');
    expect(locateQuote('The council passed the budget on Monday', content)).toEqual({
      found: false,
    });
    expect(locateQuote('approved the budget ... Monday', content).found).toBe(false);
    expect(locateQuote('   ', content).found).toBe(false);
  });

  it('gives the start time of the transcript cue that contains the quote', () => {
    const content = makeTranscript([
      { text: 'Welcome back to the show.', startSeconds: 0 },
      { text: 'Our guest says the vaccine changes your DNA,', startSeconds: 12.5 },
      { text: 'which every study contradicts.', startSeconds: 17 },
    ]);
    const match = locateQuote('the vaccine changes your DNA', content);
    expect(match.startSeconds).toBe(12.5);
    const spanning = locateQuote('your DNA, which every study', content);
    expect(spanning.startSeconds).toBe(12.5);
    expect(content.text.slice(spanning.span!.start, spanning.span!.end)).toBe(
      'your DNA,\nwhich every study',
    );
  });

  it('gives no startSeconds for an article without timings', () => {
    const match = locateQuote('budget', makeArticle('The budget passed.'));
    expect(match.found).toBe(true);
    expect(match.startSeconds).toBeUndefined();
  });

  it('throws input errors for programmer misuse', () => {
    const content = makeArticle('Text.');
    expect(() => locateQuote(null as unknown as string, content)).toThrow(
      expect.objectContaining({ code: 'QUALITY_TEXT_NOT_STRING' }),
    );
    expect(() => locateQuote('Text', { text: 5 } as never)).toThrow(
      expect.objectContaining({ code: 'QUALITY_CONTENT_INVALID' }),
    );
  });
});
