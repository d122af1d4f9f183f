import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, InputError } from '@orch/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
  it('refuses web URLs with URL_NOT_SUPPORTED and never fetches', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const error = await rejectionOf(
      loadSource({ type: 'url', url: 'https://example.com/article' }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('URL_NOT_SUPPORTED');
    expect(error.message).toBe(
      'Web sources are not supported yet: "https://example.com/article". Save the page or transcript to a file and run orch analyze <file>.',
    );
    expect(fetchSpy).not.toHaveBeenCalled();
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
