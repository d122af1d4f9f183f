import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, InputError } from '@orch/core';
import { startContentServer } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentFromText } from './content-from-text.js';
import { rejectionOf } from './internal/test-expectations.js';
import { loadSource } from './load-source.js';

const NOW = () => new Date('2024-06-01T12:00:00.000Z');
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-acquisition-source-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadSource', () => {
  it('loads web URLs through the URL guard: the loopback server only when allowed', async () => {
    const server = await startContentServer();
    try {
      const blocked = await rejectionOf(loadSource({ type: 'url', url: server.url('/notes.md') }));
      expect(blocked.code).toBe('URL_BLOCKED_ADDRESS');
      expect(server.requests).toHaveLength(0);
      const content = await loadSource(
        { type: 'url', url: server.url('/notes.md') },
        { allowHosts: ['127.0.0.1'], now: NOW },
      );
      expect(content.metadata).toMatchObject({
        source: { type: 'url', location: server.url('/notes.md') },
        title: 'Council meeting notes',
      });
    } finally {
      await server.close();
    }
  });

  it('hands video platform URLs to the media loader, or refuses them without one', async () => {
    const lookup = async () => [{ address: '142.250.185.78', family: 4 as const }];
    const seen: string[] = [];
    const media = {
      async loadUrl(url: URL) {
        seen.push(url.href);
        return contentFromText('Transcript of the video.', { now: NOW });
      },
      async loadFile(path: string): Promise<never> {
        throw new Error(`not a file source: ${path}`);
      },
    };
    const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
    const content = await loadSource({ type: 'url', url }, { media, lookup });
    expect(content.text).toBe('Transcript of the video.');
    expect(seen).toEqual([url]);
    const error = await rejectionOf(loadSource({ type: 'url', url }, { lookup }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('MEDIA_NOT_CONFIGURED');
  });

  it('hands local audio and video files to the media loader, or refuses them without one', async () => {
    const seen: string[] = [];
    const media = {
      async loadUrl(url: URL): Promise<never> {
        throw new Error(`not a URL source: ${url.href}`);
      },
      async loadFile(path: string) {
        seen.push(path);
        return contentFromText('Transcript of the recording.', { now: NOW });
      },
    };
    const path = join(directory, 'interview.MP3');
    const content = await loadSource({ type: 'file', path }, { media });
    expect(content.text).toBe('Transcript of the recording.');
    expect(seen).toEqual([path]);
    const error = await rejectionOf(loadSource({ type: 'file', path }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('MEDIA_NOT_CONFIGURED');
    expect(error.message).toContain('interview.MP3');
  });

  it('turns inline text into a document with the given title', async () => {
    const content = await loadSource(
      { type: 'text', text: 'The mayor spoke.\n\nShe promised lower rents.', title: 'Speech' },
      { now: NOW },
    );
    expect(content.kind).toBe('document');
    expect(content.text).toBe('The mayor spoke.\n\nShe promised lower rents.');
    expect(content.metadata).toMatchObject({
      source: { type: 'text', location: 'inline text' },
      title: 'Speech',
      acquiredAt: '2024-06-01T12:00:00.000Z',
    });
  });

  it('loads files with the given options', async () => {
    const path = join(directory, 'note.md');
    await writeFile(path, '# Note\n\nShort note.');
    const content = await loadSource({ type: 'file', path }, { now: NOW });
    expect(content.kind).toBe('article');
    expect(content.metadata.source).toEqual({ type: 'file', location: path });
    const tooSmall = await rejectionOf(loadSource({ type: 'file', path }, { maxBytes: 4 }));
    expect(tooSmall.code).toBe('FILE_TOO_LARGE');
  });

  it('throws CancelledError for any source once the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(
      loadSource({ type: 'text', text: 'Some text.' }, { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(CancelledError);
  });
});
