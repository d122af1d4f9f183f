import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, StorageError } from '@orch/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileResponseCache } from './file-response-cache.js';
import { type CachedResponse, responseCacheKey } from './response-cache.js';

const key = responseCacheKey({
  model: 'gpt-4o-mini',
  promptVersion: 'summary@1',
  schemaName: 'summary',
  system: 'Summarise.',
  user: 'Text.',
  structuredOutput: 'json_schema',
});

const entry: CachedResponse = {
  data: { summary: 'Budget approved.' },
  model: 'gpt-4o-mini-2024-07-18',
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('createFileResponseCache', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'orch-llm-file-cache-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('stores one JSON file per key under its first two hex characters', async () => {
    const cache = createFileResponseCache(directory);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, entry);
    expect(await cache.get(key)).toEqual(entry);
    const path = join(directory, key.slice(0, 2), `${key}.json`);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(entry);
    expect(await readdir(join(directory, key.slice(0, 2)))).toEqual([`${key}.json`]);
  });

  it('treats a corrupt entry as a miss and overwrites it', async () => {
    const cache = createFileResponseCache(directory);
    await cache.set(key, entry);
    const path = join(directory, key.slice(0, 2), `${key}.json`);
    await writeFile(path, '{"data": {"summ');
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(path, JSON.stringify({ data: 1 }));
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, entry);
    expect(await cache.get(key)).toEqual(entry);
  });

  it('refuses keys that are not responseCacheKey keys (no paths outside the directory)', async () => {
    const cache = createFileResponseCache(directory);
    await expect(cache.get('../../etc/passwd')).rejects.toBeInstanceOf(InputError);
    await expect(cache.set('abc', entry)).rejects.toMatchObject({ code: 'LLM_CACHE_KEY_INVALID' });
  });

  it('throws StorageError when the directory cannot be written', async () => {
    const file = join(directory, 'not-a-directory');
    await writeFile(file, 'x');
    const cache = createFileResponseCache(file);
    const error = await cache.set(key, entry).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'LLM_CACHE_WRITE_FAILED' });
    expect(await cache.get(key)).toBeUndefined();
  });
});
