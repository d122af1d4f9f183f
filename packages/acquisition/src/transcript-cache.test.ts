import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CachedTranscript, createTranscriptCache } from './transcript-cache.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-transcript-cache-test-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const transcript: CachedTranscript = {
  cues: [
    { startSeconds: 0, endSeconds: 2.5, text: 'Good evening.', speaker: 'Anchor' },
    { startSeconds: 2.5, endSeconds: 5, text: 'The bridge reopens on Monday.' },
  ],
  language: 'en',
  durationSeconds: 5.2,
  origin: 'transcription',
};

describe('createTranscriptCache', () => {
  it('returns what was stored under a key, and nothing for other keys', async () => {
    const cache = createTranscriptCache(join(directory, 'nested', 'cache'));
    expect(await cache.get('youtube:abc123')).toBeUndefined();
    await cache.set('youtube:abc123', transcript);
    expect(await cache.get('youtube:abc123')).toEqual(transcript);
    expect(await cache.get('youtube:abc124')).toBeUndefined();
    // A second cache over the same directory sees the entry: it survives the process.
    expect(
      await createTranscriptCache(join(directory, 'nested', 'cache')).get('youtube:abc123'),
    ).toEqual(transcript);
  });

  it('treats a corrupt entry as a miss and overwrites it on the next write', async () => {
    const cache = createTranscriptCache(directory);
    await cache.set('sha256:feed', transcript);
    const [file] = await readdir(directory);
    expect(file).toMatch(/^[a-f0-9]{64}\.json$/);
    await writeFile(join(directory, file ?? ''), '{"version": 1, "key": "sha256:fe');
    expect(await cache.get('sha256:feed')).toBeUndefined();
    await cache.set('sha256:feed', { ...transcript, origin: 'subtitles' });
    expect((await cache.get('sha256:feed'))?.origin).toBe('subtitles');
    expect(await readdir(directory)).toHaveLength(1);
  });

  it('throws TRANSCRIPT_CACHE_WRITE_FAILED when the directory cannot be created', async () => {
    const blocker = join(directory, 'blocker');
    await writeFile(blocker, 'a file where the cache directory should be');
    const cache = createTranscriptCache(join(blocker, 'cache'));
    await expect(cache.set('youtube:abc123', transcript)).rejects.toMatchObject({
      code: 'TRANSCRIPT_CACHE_WRITE_FAILED',
      category: 'storage',
    });
  });
});
