import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError, StorageError } from '@orch/core';
import { type CachedResponse, cachedResponseSchema, type ResponseCache } from './response-cache.js';

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/**
 * A response cache with one JSON file per key under `<directory>/<first 2 hex>/<key>.json`,
 * written atomically (temporary file + rename). Entries that are not valid JSON or not a
 * CachedResponse are treated as misses and replaced on the next write.
 *
 * Keys must be the 64-hex keys of responseCacheKey (`InputError` `LLM_CACHE_KEY_INVALID`);
 * read and write failures other than a missing entry throw StorageError
 * `LLM_CACHE_READ_FAILED` / `LLM_CACHE_WRITE_FAILED`.
 */
export function createFileResponseCache(directory: string): ResponseCache {
  const pathOf = (key: string): string => {
    if (!KEY_PATTERN.test(key)) {
      throw new InputError(
        'LLM_CACHE_KEY_INVALID',
        `"${key}" is not a response cache key. Compute keys with responseCacheKey (64 lowercase hex characters).`,
      );
    }
    return join(directory, key.slice(0, 2), `${key}.json`);
  };

  return {
    async get(key) {
      const path = pathOf(key);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw new StorageError(
          'LLM_CACHE_READ_FAILED',
          `Could not read the cached response ${path}: ${reasonOf(error)}. Check the permissions of ${directory} or delete the file.`,
          { cause: error, details: { path } },
        );
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return undefined;
      }
      const parsed = cachedResponseSchema.safeParse(value);
      return parsed.success ? (parsed.data as CachedResponse) : undefined;
    },

    async set(key, value) {
      const path = pathOf(key);
      const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(temporary, `${JSON.stringify(value)}\n`, 'utf8');
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new StorageError(
          'LLM_CACHE_WRITE_FAILED',
          `Could not write the cached response ${path}: ${reasonOf(error)}. Check that ${directory} is writable and the disk is not full.`,
          { cause: error, details: { path } },
        );
      }
    },
  };
}

function isMissing(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'ENOENT' || error.code === 'ENOTDIR')
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
