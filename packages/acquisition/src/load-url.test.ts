import { type Content, InputError } from '@orch/core';
import { buildPdf, type ContentServer, startContentServer } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectExactOffsets, rejectionOf } from './internal/test-expectations.js';
import type { MediaSourceLoader } from './load-options.js';
import { loadUrl } from './load-url.js';
import type { HostLookup } from './url-guard.js';

const NOW = () => new Date('2024-06-01T12:00:00.000Z');
const LOOPBACK = { allowHosts: ['127.0.0.1'], now: NOW };
let server: ContentServer;

beforeAll(async () => {
  server = await startContentServer({
    routes: {
      '/moved-article': { redirect: '/article.html', status: 301 },
      '/talk.wav': {
        body: new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0]),
        contentType: 'audio/wav',
      },
      '/stream': { body: 'not really video', contentType: 'video/mp4' },
      '/audio-feed': { body: 'x'.repeat(1024), repeat: 1024, contentType: 'audio/mpeg' },
      '/logo.png': { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' },
      '/fake.html': {
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
        contentType: 'text/html',
      },
      '/download': {
        body: buildPdf({ pages: [['Octet stream PDF text.']] }),
        contentType: 'application/octet-stream',
      },
      '/subtitles/episode.srt': {
        body: '1\n00:00:02,000 --> 00:00:03,000\nServed as octet-stream.\n',
        contentType: 'application/octet-stream',
      },
      '/captions.vtt': {
        body: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nPlain text type.\n',
        contentType: 'text/plain',
      },
      '/archive.bin': { body: new Uint8Array([1, 2, 3]) },
      '/captions.json3': { body: '{"events":[]}', contentType: 'application/json' },
      '/empty.html': { body: '', contentType: 'text/html' },
      '/scanned.pdf': { body: buildPdf({ pages: [[]] }), contentType: 'application/pdf' },
      '/latin1.txt': {
        body: new Uint8Array([
          ...Buffer.from('Caf', 'latin1'),
          0xe9,
          ...Buffer.from(' menu.', 'latin1'),
        ]),
        contentType: 'text/plain; charset=iso-8859-1',
      },
    },
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.reset();
});

describe('loadUrl: documents', () => {
  it('extracts the main text of an article with its metadata and drops the boilerplate', async () => {
    const content = await loadUrl(server.url('/article.html'), LOOPBACK);
    expect(content.kind).toBe('article');
    expect(content.metadata).toMatchObject({
      source: { type: 'url', location: server.url('/article.html') },
      mediaType: 'text/html',
      title: 'Reservoir levels recover after a dry winter',
      author: 'Dana Reyes',
      publishedAt: '2024-03-05T09:30:00Z',
      siteName: 'Riverside Courier',
      language: 'en',
      acquiredAt: '2024-06-01T12:00:00.000Z',
    });
    expect(content.text).toContain('The Riverside reservoir held 82 percent of its capacity');
    expect(content.text).toContain('The council will debate the proposal at its April meeting');
    for (const boilerplate of [
      'Subscribe to the newsletter',
      'Bakery wins',
      'All rights reserved',
      'Sign in',
    ]) {
      expect(content.text).not.toContain(boilerplate);
    }
    expectExactOffsets(content);
  });

  it('reports the final URL after redirects as the source', async () => {
    const content = await loadUrl(server.url('/moved-article'), LOOPBACK);
    expect(content.metadata.source.location).toBe(server.url('/article.html'));
  });

  it('reads the text of a PDF by URL with its metadata', async () => {
    const content = await loadUrl(server.url('/report.pdf'), LOOPBACK);
    expect(content.kind).toBe('document');
    expect(content.metadata).toMatchObject({
      source: { type: 'url', location: server.url('/report.pdf') },
      mediaType: 'application/pdf',
      title: 'Quarterly Water Report',
      author: 'Dana Reyes',
      publishedAt: '2024-03-05T09:00:00.000Z',
    });
    expect(content.segments.map((segment) => segment.text)).toEqual([
      'The Riverside reservoir held 82 percent of its capacity at the end of March, up from 61 percent in January.',
      'Household consumption fell by 4 percent over the winter.',
      'The hosepipe ban ends on 1 May if levels stay above 75 percent.',
    ]);
    expectExactOffsets(content);
  });

  it('recognises a PDF served as application/octet-stream by its signature', async () => {
    const content = await loadUrl(server.url('/download'), LOOPBACK);
    expect(content.metadata.mediaType).toBe('application/pdf');
    expect(content.text).toBe('Octet stream PDF text.');
  });

  it('PDF_NO_TEXT for a PDF without a text layer', async () => {
    const error = await rejectionOf(loadUrl(server.url('/scanned.pdf'), LOOPBACK));
    expect(error.code).toBe('PDF_NO_TEXT');
    expect(error.message).toContain('OCR');
  });

  it('reads Markdown and plain text by URL', async () => {
    const markdown = await loadUrl(server.url('/notes.md'), LOOPBACK);
    expect(markdown.kind).toBe('article');
    expect(markdown.metadata).toMatchObject({
      mediaType: 'text/markdown',
      title: 'Council meeting notes',
      author: 'Priya Natarajan',
    });
    expect(markdown.text).toContain('Cost estimate: 2.4 million');
    const text = await loadUrl(server.url('/notes.txt'), LOOPBACK);
    expect(text.kind).toBe('document');
    expect(text.metadata).toMatchObject({
      mediaType: 'text/plain',
      title: 'Council meeting notes',
    });
    expect(text.segments.map((segment) => segment.text)).toContain(
      'The vote was postponed to May.',
    );
  });

  it('decodes text in the charset the server declares', async () => {
    const content = await loadUrl(server.url('/latin1.txt'), LOOPBACK);
    expect(content.text).toBe('Café menu.');
  });
});

describe('loadUrl: subtitles keep their timestamps', () => {
  it('reads SRT by URL', async () => {
    const content = await loadUrl(server.url('/talk.srt'), LOOPBACK);
    expect(content.kind).toBe('transcript');
    expect(content.metadata).toMatchObject({
      mediaType: 'application/x-subrip',
      durationSeconds: 66,
    });
    expect(
      content.segments.map(({ startSeconds, endSeconds }) => [startSeconds, endSeconds]),
    ).toEqual([
      [1, 4.5],
      [5, 9.25],
      [62, 66],
    ]);
    expectExactOffsets(content);
  });

  it('reads WebVTT by URL with speakers and language', async () => {
    const content = await loadUrl(server.url('/talk.vtt'), LOOPBACK);
    expect(content.metadata).toMatchObject({ mediaType: 'text/vtt', language: 'en' });
    expect(content.segments[2]).toMatchObject({
      startSeconds: 62,
      endSeconds: 66,
      speaker: 'Dana Reyes',
      text: 'When will the ban be lifted?',
    });
  });

  it('reads subtitles served as octet-stream or text/plain by their extension', async () => {
    const srt = await loadUrl(server.url('/subtitles/episode.srt'), LOOPBACK);
    expect(srt.segments[0]).toMatchObject({ startSeconds: 2, text: 'Served as octet-stream.' });
    const vtt = await loadUrl(server.url('/captions.vtt'), LOOPBACK);
    expect(vtt.kind).toBe('transcript');
    expect(vtt.segments[0]).toMatchObject({ startSeconds: 1, text: 'Plain text type.' });
  });
});

describe('loadUrl: refusals', () => {
  it('URL_CONTENT_TYPE_NOT_SUPPORTED for images and unknown binary downloads', async () => {
    const image = await rejectionOf(loadUrl(server.url('/logo.png'), LOOPBACK));
    expect(image.code).toBe('URL_CONTENT_TYPE_NOT_SUPPORTED');
    expect(image.message).toContain('image/png');
    const binary = await rejectionOf(loadUrl(server.url('/archive.bin'), LOOPBACK));
    expect(binary.code).toBe('URL_CONTENT_TYPE_NOT_SUPPORTED');
    expect(binary.message).toContain('the extension .bin');
  });

  it('refuses binary bytes served with a text content type', async () => {
    const error = await rejectionOf(loadUrl(server.url('/fake.html'), LOOPBACK));
    expect(error.code).toBe('URL_CONTENT_TYPE_NOT_SUPPORTED');
    expect(error.message).toContain('its content is a PNG image');
  });

  it('refuses json3 captions with a pointer to the video URL', async () => {
    const error = await rejectionOf(loadUrl(server.url('/captions.json3'), LOOPBACK));
    expect(error.code).toBe('URL_CONTENT_TYPE_NOT_SUPPORTED');
    expect(error.message).toContain('json3 captions');
  });

  it('URL_EMPTY_CONTENT for an empty page', async () => {
    const error = await rejectionOf(loadUrl(server.url('/empty.html'), LOOPBACK));
    expect(error.code).toBe('URL_EMPTY_CONTENT');
  });

  it('refuses the loopback server without allowHosts', async () => {
    const error = await rejectionOf(loadUrl(server.url('/article.html'), { now: NOW }));
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the maxBytes limit for web content', async () => {
    const error = await rejectionOf(
      loadUrl(server.url('/article.html'), { ...LOOPBACK, maxBytes: 200 }),
    );
    expect(error.code).toBe('URL_RESPONSE_TOO_LARGE');
  });
});

describe('loadUrl: audio and video go to the media loader', () => {
  function mediaLoader(): MediaSourceLoader & { calls: URL[] } {
    const calls: URL[] = [];
    return {
      calls,
      async loadUrl(url) {
        calls.push(url);
        return { marker: url.href } as unknown as Content;
      },
      async loadFile(path): Promise<never> {
        throw new Error(`not a URL: ${path}`);
      },
    };
  }

  it('hands an audio/* or video/* response to options.media without reading its body', async () => {
    const media = mediaLoader();
    // 1 MB of audio, but maxBytes is far smaller: the body must not be downloaded.
    const result = await loadUrl(server.url('/audio-feed'), { ...LOOPBACK, media, maxBytes: 1000 });
    expect(result).toEqual({ marker: server.url('/audio-feed') });
    await loadUrl(server.url('/stream'), { ...LOOPBACK, media });
    expect(media.calls.map((url) => url.pathname)).toEqual(['/audio-feed', '/stream']);
  });

  it('hands a media file URL (.wav) to options.media without requesting it', async () => {
    const media = mediaLoader();
    await loadUrl(server.url('/talk.wav'), { ...LOOPBACK, media });
    expect(media.calls.map((url) => url.href)).toEqual([server.url('/talk.wav')]);
    expect(server.requests).toHaveLength(0);
  });

  it('MEDIA_NOT_CONFIGURED for audio/video without a media loader', async () => {
    const error = await rejectionOf(loadUrl(server.url('/stream'), LOOPBACK));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('MEDIA_NOT_CONFIGURED');
    expect(error.message).toContain('video/mp4 content');
    expect(error.message).toContain('media option');
    const wav = await rejectionOf(loadUrl(server.url('/talk.wav'), LOOPBACK));
    expect(wav.code).toBe('MEDIA_NOT_CONFIGURED');
    expect(wav.message).toContain('a .wav audio/video file');
  });

  it('sends video platform URLs and media file URLs to the loader without fetching them', async () => {
    const lookup: HostLookup = vi.fn(async () => [
      { address: '142.250.185.78', family: 4 as const },
    ]);
    const media = mediaLoader();
    await loadUrl('https://www.youtube.com/watch?v=abc123', { media, lookup });
    await loadUrl('https://youtu.be/abc123', { media, lookup });
    await loadUrl('https://cdn.example/episode.MP3', { media, lookup });
    expect(media.calls.map((url) => url.href)).toEqual([
      'https://www.youtube.com/watch?v=abc123',
      'https://youtu.be/abc123',
      'https://cdn.example/episode.MP3',
    ]);
    const missing = await rejectionOf(loadUrl('https://vimeo.com/12345', { lookup }));
    expect(missing.code).toBe('MEDIA_NOT_CONFIGURED');
    expect(missing.message).toContain('video platform vimeo.com');
  });

  it('applies the URL guard before handing a media URL over', async () => {
    const media = mediaLoader();
    const error = await rejectionOf(loadUrl('http://192.168.1.20/recording.mp4', { media }));
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(media.calls).toHaveLength(0);
  });
});
