import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './internal/canonical-json.js';
import type { StructuredOutputMode } from './llm-config-file.js';

/** A validated reply kept for reuse. */
export interface CachedResponse {
  /** The JSON value the model returned (nulls of optional fields already removed). */
  data: unknown;
  /** The model that produced it. */
  model: string;
  /** ISO timestamp of when it was stored. */
  createdAt: string;
}

/** Where replies are kept; any store works (files, memory, Redis) as long as it keeps keys apart. */
export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): Promise<void>;
}

/** Everything that decides a reply: change any of them and the cache misses. */
export interface ResponseCacheKeyParts {
  model: string;
  promptVersion: string;
  schemaName: string;
  system: string;
  user: string;
  structuredOutput: StructuredOutputMode;
}

export const cachedResponseSchema = z.object({
  data: z.unknown(),
  model: z.string().min(1),
  createdAt: z.string(),
});

/** The cache key of a request: sha256 (64 lowercase hex) of the canonical JSON of `parts`. */
export function responseCacheKey(parts: ResponseCacheKeyParts): string {
  const { model, promptVersion, schemaName, system, user, structuredOutput } = parts;
  return createHash('sha256')
    .update(canonicalJson({ model, promptVersion, schemaName, system, user, structuredOutput }))
    .digest('hex');
}
