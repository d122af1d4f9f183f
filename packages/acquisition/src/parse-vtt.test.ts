import { describe, expect, it } from 'vitest';
import { parseVtt } from './parse-vtt.js';

describe('parseVtt', () => {
  it('handles the header, NOTE/STYLE/REGION blocks, cue ids and cue settings', () => {
    const vtt = [
      'WEBVTT - City energy talk',
      'Kind: captions',
      'Language: en',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      'NOTE This is a comment',
      'spanning two lines',
      '',
      'intro-1',
      '00:00:01.000 --> 00:00:03.500 align:start position:10% line:0',
      'Welcome everyone.',
      '',
      'NOTE another comment',
      '',
      '2',
      '00:03.500 --> 00:05.000',
      'Minutes and seconds only.',
    ].join('\n');
    expect(parseVtt(vtt)).toEqual([
      { startSeconds: 1, endSeconds: 3.5, text: 'Welcome everyone.' },
      { startSeconds: 3.5, endSeconds: 5, text: 'Minutes and seconds only.' },
    ]);
  });

  it('takes speakers from voice tags and strips other tags and entities', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:04.000',
      '<v.loud Mayor Ana Ruiz>We will cut emissions</v>',
      '<c.yellow>by half</c> &amp; save &lt;money&gt;&nbsp;too.',
      '',
      '00:00:04.000 --> 00:00:06.000',
      '<v Ben>Really?<00:00:05.000> <i>How?</i>',
      '',
      '00:00:06.000 --> 00:00:08.000',
      '<v Ana Ruiz>With heat pumps.</v> <v Ben>I see.</v>',
    ].join('\n');
    expect(parseVtt(vtt)).toEqual([
      {
        startSeconds: 0,
        endSeconds: 4,
        text: 'We will cut emissions by half & save <money> too.',
        speaker: 'Mayor Ana Ruiz',
      },
      { startSeconds: 4, endSeconds: 6, text: 'Really? How?', speaker: 'Ben' },
      { startSeconds: 6, endSeconds: 8, text: 'With heat pumps.', speaker: 'Ana Ruiz' },
      { startSeconds: 6, endSeconds: 8, text: 'I see.', speaker: 'Ben' },
    ]);
  });

  it('keeps the speaker for cues without a voice tag until another voice starts', () => {
    const vtt = [
      'WEBVTT',
      '',
      '1',
      '00:00:00.000 --> 00:00:02.000',
      '<v Moderator>Good evening.',
      '',
      '2',
      '00:00:02.000 --> 00:00:04.000',
      'Our first speaker is Rosa.',
      '',
      '3',
      '00:00:04.000 --> 00:00:06.000',
      '<v Rosa Delgado>Thank you.',
      '',
      '4',
      '00:00:06.000 --> 00:00:08.000',
      'Let me start.',
    ].join('\n');
    expect(parseVtt(vtt).map((cue) => cue.speaker)).toEqual([
      'Moderator',
      'Moderator',
      'Rosa Delgado',
      'Rosa Delgado',
    ]);
  });

  it('gives no speaker to cues of a file without voice tags', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\n00:02.000 --> 00:03.000\nTwo.\n';
    expect(parseVtt(vtt).every((cue) => cue.speaker === undefined)).toBe(true);
  });

  it('collapses YouTube rolling captions with inline word timings', () => {
    const vtt = [
      'WEBVTT',
      'Kind: captions',
      'Language: en',
      '',
      '00:00:00.160 --> 00:00:02.070 align:start position:0%',
      'hello<00:00:00.480><c> and</c><00:00:00.800><c> welcome</c>',
      '',
      '00:00:02.070 --> 00:00:02.080 align:start position:0%',
      'hello and welcome',
      ' ',
      '',
      '00:00:02.080 --> 00:00:04.000 align:start position:0%',
      'hello and welcome',
      'to<00:00:02.400><c> the</c><00:00:02.700><c> show</c>',
    ].join('\n');
    expect(parseVtt(vtt).map((cue) => cue.text)).toEqual(['hello and welcome', 'to the show']);
  });

  it('accepts a BOM and CRLF line endings and returns no cues for a header-only file', () => {
    const vtt = '\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nHi.\r\n';
    expect(parseVtt(vtt)).toEqual([{ startSeconds: 1, endSeconds: 2, text: 'Hi.' }]);
    expect(parseVtt('WEBVTT\n\nNOTE nothing here\n')).toEqual([]);
  });
});
