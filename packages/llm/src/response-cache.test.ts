import { describe, expect, it } from 'vitest';
import { createMemoryResponseCache } from './memory-response-cache.js';
import { type ResponseCacheKeyParts, responseCacheKey } from './response-cache.js';

const parts: ResponseCacheKeyParts = {
  model: 'gpt-4o-mini',
  promptVersion: 'claims@3',
  schemaName: 'claims',
  system: 'Extract claims.',
  user: 'Taxes rose 4% last year.',
  structuredOutput: 'json_schema',
};

describe('responseCacheKey', () => {
  it('is a stable sha256 hex digest, independent of key order', () => {
    const key = responseCacheKey(parts);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(parts).reverse()) as ResponseCacheKeyParts;
    expect(responseCacheKey(reordered)).toBe(key);
  });

  it('changes when any part changes', () => {
    const key = responseCacheKey(parts);
    const variants: Partial<ResponseCacheKeyParts>[] = [
      { model: 'gpt-4o' },
      { promptVersion: 'claims@4' },
      { schemaName: 'claims2' },
      { system: 'Extract claims!' },
      { user: 'Taxes rose 5% last year.' },
      { structuredOutput: 'json_object' },
    ];
    const keys = variants.map((variant) => responseCacheKey({ ...parts, ...variant }));
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
  });

  it('keeps apart values that only concatenate alike', () => {
    expect(responseCacheKey({ ...parts, system: 'ab', user: 'c' })).not.toBe(
      responseCacheKey({ ...parts, system: 'a', user: 'bc' }),
    );
  });
});

describe('createMemoryResponseCache', () => {
  it('returns copies, so a caller cannot change what is stored', async () => {
    const cache = createMemoryResponseCache();
    const value = { data: { items: ['a'] }, model: 'm', createdAt: 't' };
    await cache.set('k', value);
    value.data.items.push('changed');
    const first = await cache.get('k');
    expect(first?.data).toEqual({ items: ['a'] });
    (first!.data as { items: string[] }).items.push('again');
    expect((await cache.get('k'))?.data).toEqual({ items: ['a'] });
    expect(await cache.get('other')).toBeUndefined();
  });
});
