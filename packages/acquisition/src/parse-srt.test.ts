import { describe, expect, it } from 'vitest';
import { parseSrt } from './parse-srt.js';

describe('parseSrt', () => {
  it('reads index lines, comma milliseconds, multi-line cues and a BOM with CRLF endings', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:04,250\r\nGood evening, and welcome\r\nto the council meeting.\r\n\r\n' +
      '2\r\n00:00:04,500 --> 00:00:07,000\r\n<i>Tonight</i> we discuss &amp; vote.\r\n\r\n' +
      '3\r\n01:02:03,004 --> 01:02:05,000 X1:100 X2:200 Y1:10 Y2:20\r\n{\\an8}Thank you.\r\n';
    expect(parseSrt(srt)).toEqual([
      {
        startSeconds: 1,
        endSeconds: 4.25,
        text: 'Good evening, and welcome to the council meeting.',
      },
      { startSeconds: 4.5, endSeconds: 7, text: 'Tonight we discuss & vote.' },
      { startSeconds: 3723.004, endSeconds: 3725, text: 'Thank you.' },
    ]);
  });

  it('separates cues that have no blank line between them and keeps numeric text lines', () => {
    const srt = [
      '1',
      '00:00:00,000 --> 00:00:02,000',
      'The answer is',
      '42',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      'Next cue.',
    ].join('\n');
    expect(parseSrt(srt).map((cue) => cue.text)).toEqual(['The answer is 42', 'Next cue.']);
  });

  it('collapses the rolling duplicate lines of auto-generated captions', () => {
    const srt = [
      '1\n00:00:00,000 --> 00:00:02,000\nso today we are going',
      '2\n00:00:02,000 --> 00:00:02,010\nso today we are going',
      '3\n00:00:02,010 --> 00:00:04,000\nso today we are going\nto talk about energy',
      '4\n00:00:04,000 --> 00:00:04,010\nto talk about energy',
      '5\n00:00:04,010 --> 00:00:06,000\nto talk about energy\nin the city',
    ].join('\n\n');
    const cues = parseSrt(srt);
    expect(cues.map((cue) => cue.text)).toEqual([
      'so today we are going',
      'to talk about energy',
      'in the city',
    ]);
    expect(cues.map((cue) => cue.startSeconds)).toEqual([0, 2.01, 4.01]);
  });

  it('keeps a real repetition in ordinary one-line cues', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nNo.\n\n2\n00:00:02,000 --> 00:00:03,000\nNo.\n';
    expect(parseSrt(srt).map((cue) => cue.text)).toEqual(['No.', 'No.']);
  });

  it('skips blocks with malformed timings and returns no cues for text without timings', () => {
    const srt =
      '1\n00:00:xx,000 --> 00:00:02,000\nBroken\n\n2\n00:00:03,000 --> 00:00:04,000\nFine\n';
    expect(parseSrt(srt).map((cue) => cue.text)).toEqual(['Fine']);
    expect(parseSrt('Just some prose.\n\nNo subtitles here.')).toEqual([]);
  });
});
