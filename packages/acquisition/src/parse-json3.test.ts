import { describe, expect, it } from 'vitest';
import { parseJson3 } from './parse-json3.js';

describe('parseJson3', () => {
  it('turns manual json3 captions into cues, joining segments and line breaks', () => {
    const json3 = JSON.stringify({
      wireMagic: 'pb3',
      pens: [{}],
      events: [
        { tStartMs: 0, dDurationMs: 60_000, id: 1, wpWinPosId: 1, wsWinStyleId: 1 },
        { tStartMs: 1_000, dDurationMs: 2_500, segs: [{ utf8: 'Good evening,\nand welcome.' }] },
        {
          tStartMs: 3_500,
          dDurationMs: 2_000,
          segs: [{ utf8: 'Fish &amp; chips' }, { utf8: ' are back.' }],
        },
      ],
    });
    expect(parseJson3(json3)).toEqual([
      { startSeconds: 1, endSeconds: 3.5, text: 'Good evening, and welcome.' },
      { startSeconds: 3.5, endSeconds: 5.5, text: 'Fish & chips are back.' },
    ]);
  });

  it('reads automatic captions: word segments joined, newline events skipped, overlaps trimmed', () => {
    const json3 = JSON.stringify({
      events: [
        { tStartMs: 0, dDurationMs: 9_000, id: 1, wWinId: 1 },
        {
          tStartMs: 240,
          dDurationMs: 5_000,
          wWinId: 1,
          segs: [
            { utf8: 'the', acAsrConf: 0 },
            { utf8: ' bridge', tOffsetMs: 300, acAsrConf: 0 },
            { utf8: ' reopens', tOffsetMs: 700, acAsrConf: 0 },
          ],
        },
        { tStartMs: 2_900, dDurationMs: 2_340, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] },
        {
          tStartMs: 2_910,
          dDurationMs: 4_000,
          wWinId: 1,
          segs: [{ utf8: 'on' }, { utf8: ' Monday', tOffsetMs: 400 }],
        },
      ],
    });
    expect(parseJson3(json3)).toEqual([
      { startSeconds: 0.24, endSeconds: 2.91, text: 'the bridge reopens' },
      { startSeconds: 2.91, endSeconds: 6.91, text: 'on Monday' },
    ]);
  });

  it('sorts events by start time and skips events without a start time', () => {
    const json3 = JSON.stringify({
      events: [
        { tStartMs: 5_000, dDurationMs: 1_000, segs: [{ utf8: 'second' }] },
        { dDurationMs: 1_000, segs: [{ utf8: 'no start' }] },
        { tStartMs: 1_000, dDurationMs: 1_000, segs: [{ utf8: 'first' }] },
      ],
    });
    expect(parseJson3(json3).map((cue) => cue.text)).toEqual(['first', 'second']);
  });

  it('gives no cues for captions without text', () => {
    expect(parseJson3('{"events": [{"tStartMs": 0, "dDurationMs": 100}]}')).toEqual([]);
  });

  it('refuses text that is not json3 with INVALID_TRANSCRIPT', () => {
    expect(() => parseJson3('WEBVTT\n\n00:00.000 --> 00:01.000\nhi')).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSCRIPT', category: 'input' }),
    );
    expect(() => parseJson3('{"segments": []}')).toThrow(/no "events" array/);
  });
});
