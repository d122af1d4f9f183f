import { describe, expect, it } from 'vitest';
import { chooseSubtitles, mediaIdentity, type YtDlpInfo } from './yt-dlp.js';

const track = (...extensions: string[]) =>
  extensions.map((ext) => ({ ext, url: `https://x/${ext}` }));

describe('chooseSubtitles', () => {
  it('prefers manual subtitles over automatic captions, and json3 over vtt over srt', () => {
    const info: YtDlpInfo = {
      subtitles: { en: track('srt', 'vtt'), fr: track('json3') },
      automatic_captions: { en: track('json3', 'vtt') },
    };
    expect(chooseSubtitles(info, 'en')).toEqual({
      automatic: false,
      language: 'en',
      format: 'vtt',
    });
  });

  it('falls back to automatic captions, preferring the original-language track', () => {
    const info: YtDlpInfo = {
      subtitles: { live_chat: track('json') },
      automatic_captions: {
        'en-US': track('vtt'),
        'en-orig': track('json3', 'vtt'),
        de: track('json3'),
      },
    };
    expect(chooseSubtitles(info, 'en')).toEqual({
      automatic: true,
      language: 'en-orig',
      format: 'json3',
    });
  });

  it('accepts a regional variant and ignores tracks in formats it cannot read', () => {
    expect(
      chooseSubtitles({ subtitles: { 'en-GB': track('srt'), en: track('ttml') } }, 'en'),
    ).toEqual({ automatic: false, language: 'en-GB', format: 'srt' });
    expect(chooseSubtitles({ subtitles: { en: track('ttml', 'srv3') } }, 'en')).toBeUndefined();
    expect(chooseSubtitles({ subtitles: { de: track('vtt') } }, 'en')).toBeUndefined();
    expect(chooseSubtitles({}, 'en')).toBeUndefined();
  });
});

describe('mediaIdentity', () => {
  const url = new URL('https://www.youtube.com/watch?v=abc123&t=42');

  it('names platform media by extractor and id, whatever the URL form', () => {
    expect(mediaIdentity({ extractor: 'youtube', id: 'abc123' }, url)).toBe('youtube:abc123');
    expect(
      mediaIdentity({ extractor: 'youtube', id: 'abc123' }, new URL('https://youtu.be/abc123')),
    ).toBe('youtube:abc123');
  });

  it('names generic media by page URL, since generic ids are only file names', () => {
    expect(
      mediaIdentity(
        { extractor: 'generic', id: 'talk', webpage_url: 'https://a.example/talk.mp3' },
        url,
      ),
    ).toBe('url:https://a.example/talk.mp3#talk');
  });
});
