import type { CachedResponse, ResponseCache } from './response-cache.js';

/** A response cache in process memory; entries are copied in and out, so callers cannot alter them. */
export function createMemoryResponseCache(): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  return {
    async get(key) {
      const entry = entries.get(key);
      return entry === undefined ? undefined : structuredClone(entry);
    },
    async set(key, value) {
      entries.set(key, structuredClone(value));
    },
  };
}
