import { describe, expect, it } from 'vitest';
import { detectPlaceholder } from './detect-placeholder.js';

describe('detectPlaceholder', () => {
  it.each([
    ['Sample Video Title', 'sample video title'],
    ['The transcript goes here', 'goes here'],
    ['[Insert summary of the video]', '[insert'],
    ['<insert claim>', '[insert'],
    ['Lorem ipsum dolor sit amet', 'lorem ipsum'],
    ['Analysis: TODO', 'TODO'],
    ['Speaker: TBD', 'TODO'],
    ['This is placeholder text for the summary.', 'placeholder'],
    ['N/A', 'stub value'],
    ['  n/a ', 'stub value'],
    ['Transcribed from the downloaded media file', 'the downloaded media file'],
    ['Your text here', 'your text here'],
    ['Speaker XXX said something', 'xxx'],
    ['{{video_title}}', '{{template}}'],
    ['The speaker claims that [claim].', '[slot]'],
    ['"[QUOTE 1]"', '[slot]'],
    ['...', 'punctuation only'],
    ['— ? —', 'punctuation only'],
  ])('flags %j', (text, pattern) => {
    expect(detectPlaceholder(text)?.pattern).toBe(pattern);
  });

  it.each([
    'The council approved a budget of 4 million dollars on Monday.',
    'He said "[the mayor] will resign" after the vote.',
    'The speaker cut the quote short [...] before the key sentence.',
    'Todo el mundo lo sabe.',
    'The insert in the newspaper was about local elections.',
    'N/A values were excluded from the survey',
    'Example: the 2020 election',
  ])('does not flag real prose %j', (text) => {
    expect(detectPlaceholder(text)).toBeUndefined();
  });

  it('skips a hit whose context occurs in the source, but not one the source lacks', () => {
    const sourceText =
      'Officials said the figure was\na placeholder budget line until the final numbers arrive in June.';
    const quote = 'the figure was a placeholder budget line until the final numbers arrive';
    expect(detectPlaceholder(quote, { sourceText })).toBeUndefined();
    expect(detectPlaceholder(quote)?.pattern).toBe('placeholder');
    expect(detectPlaceholder('Summary goes here', { sourceText })?.pattern).toBe('goes here');
  });

  it('reports whole-value stubs even when the source contains them', () => {
    expect(
      detectPlaceholder('N/A', { sourceText: 'Figures marked N/A were missing.' })?.pattern,
    ).toBe('stub value');
  });

  it('returns the hit with a few words of context as the excerpt', () => {
    const hit = detectPlaceholder(
      'A long analysis of the debate, in which the title goes here and then the text continues for a while longer.',
    );
    expect(hit?.excerpt).toContain('the title goes here');
    expect(hit!.excerpt.length).toBeLessThan(100);
  });

  it('throws QUALITY_TEXT_NOT_STRING for a non-string', () => {
    expect(() => detectPlaceholder({} as unknown as string)).toThrow(
      expect.objectContaining({ code: 'QUALITY_TEXT_NOT_STRING' }),
    );
  });
});
