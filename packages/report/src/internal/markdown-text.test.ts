import { describe, expect, it } from 'vitest';
import { duration, escapeInline, linkOrText, timestamp } from './markdown-text.js';

describe('escapeInline', () => {
  it('escapes inline markup and table pipes', () => {
    expect(escapeInline('a | b * c _d_ `e` [f](g) <h>')).toBe(
      'a \\| b \\* c \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\>',
    );
  });

  it('keeps text from starting a heading, quote or list', () => {
    expect(escapeInline('# not a heading')).toBe('\\# not a heading');
    expect(escapeInline('> not a quote')).toBe('\\> not a quote');
    expect(escapeInline('- not a list')).toBe('\\- not a list');
    expect(escapeInline('1. not a list')).toBe('1\\. not a list');
  });

  it('joins lines so a quote cannot open a new block', () => {
    expect(escapeInline('first line\n\n## second')).toBe('first line ## second');
  });

  it('leaves plain text and HTML entities readable', () => {
    expect(escapeInline('AT&T rose 4% (a lot).')).toBe('AT&T rose 4% (a lot).');
    expect(escapeInline('&amp; is literal')).toBe('&amp;amp; is literal');
  });
});

describe('linkOrText', () => {
  it('autolinks plain http URLs and escapes anything else', () => {
    expect(linkOrText('https://example.org/a_b?c=1')).toBe('<https://example.org/a_b?c=1>');
    expect(linkOrText('/tmp/my_file.txt')).toBe('/tmp/my\\_file.txt');
  });
});

describe('timestamp and duration', () => {
  it('formats transcript positions as mm:ss or hh:mm:ss', () => {
    expect(timestamp(0)).toBe('00:00');
    expect(timestamp(83.9)).toBe('01:23');
    expect(timestamp(3723)).toBe('01:02:03');
  });

  it('formats durations for people', () => {
    expect(duration(850)).toBe('850 ms');
    expect(duration(4500)).toBe('4.5 s');
    expect(duration(125_000)).toBe('2 min 5 s');
  });
});
