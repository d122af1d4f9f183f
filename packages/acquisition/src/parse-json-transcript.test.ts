import { describe, expect, it } from 'vitest';
import { errorOf } from './internal/test-expectations.js';
import { parseJsonTranscript } from './parse-json-transcript.js';

describe('parseJsonTranscript', () => {
  it('reads title, language, segments and speakers; extra fields are ignored', () => {
    const transcript = parseJsonTranscript(
      JSON.stringify({
        title: 'Council session',
        language: 'en-GB',
        segments: [
          { id: 0, start: 0, end: 2.5, text: '  Good   morning. ', speaker: 'Chair' },
          { id: 1, start: 2.5, end: 3, text: '   ' },
          { id: 2, start: 3, end: 6.25, text: 'Thank you.', speaker: 'Member' },
          { id: 3, start: 6.25, end: 7, text: 'Next item.', speaker: 'Chair' },
        ],
      }),
    );
    expect(transcript).toEqual({
      title: 'Council session',
      language: 'en-GB',
      speakers: ['Chair', 'Member'],
      cues: [
        { startSeconds: 0, endSeconds: 2.5, text: 'Good morning.', speaker: 'Chair' },
        { startSeconds: 3, endSeconds: 6.25, text: 'Thank you.', speaker: 'Member' },
        { startSeconds: 6.25, endSeconds: 7, text: 'Next item.', speaker: 'Chair' },
      ],
    });
  });

  it('accepts the minimal form without title, language or speakers', () => {
    expect(parseJsonTranscript('{"segments":[{"start":1,"end":2,"text":"Hi"}]}')).toEqual({
      cues: [{ startSeconds: 1, endSeconds: 2, text: 'Hi' }],
    });
  });

  it.each([
    ['{"segments":[{"start":0,"end":"2","text":"x"}]}', 'segments[0].end'],
    ['{"segments":[{"start":0,"end":1}]}', 'segments[0].text'],
    [
      '{"segments":[{"start":5,"end":1,"text":"x"}]}',
      'segments[0].end: end must not be before start',
    ],
    ['{"segments":[]}', 'segments: must hold at least one segment'],
    ['{"text":"whole transcript"}', 'segments'],
    ['[1,2]', 'the top level'],
    ['{"language":"e","segments":[{"start":0,"end":1,"text":"x"}]}', 'language'],
  ])('names the wrong field of %s', (json, expected) => {
    const error = errorOf(() => parseJsonTranscript(json));
    expect(error.code).toBe('INVALID_TRANSCRIPT');
    expect(error.message).toContain(expected);
    expect(error.message).toContain('"segments": [{"start": seconds');
    expect(error.message).not.toContain('\n');
  });

  it('refuses text that is not JSON and transcripts whose segments are all empty', () => {
    const notJson = errorOf(() => parseJsonTranscript('{segments: oops'));
    expect(notJson.code).toBe('INVALID_TRANSCRIPT');
    expect(notJson.message).toContain('not valid JSON');
    const empty = errorOf(() =>
      parseJsonTranscript('{"segments":[{"start":0,"end":1,"text":"  "}]}'),
    );
    expect(empty.code).toBe('INVALID_TRANSCRIPT');
    expect(empty.message).toContain('every segment has empty text');
  });
});
