import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@orch/core';
import { type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFileResponseCache } from './file-response-cache.js';
import { createLlmClient } from './llm-client.js';
import { type LlmConfig, resolveLlmConfig } from './llm-config.js';
import { createMemoryResponseCache } from './memory-response-cache.js';
import { type ResponseCache, responseCacheKey } from './response-cache.js';

const schema = z.object({ summary: z.string().min(1), mood: z.string().optional() });

const request = {
  stage: 'summarize',
  schema,
  schemaName: 'summary',
  promptVersion: 'summary@1',
  system: 'Summarise the text.',
  user: 'The council approved the budget.',
} as const;

let fake: FakeOpenAI;
let directory: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  fake.setFaults([]);
  fake.setHandlers({ summary: { summary: 'Budget approved.', mood: null } });
  directory = await mkdtemp(join(tmpdir(), 'orch-llm-cache-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function config(): LlmConfig {
  const resolved = resolveLlmConfig({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url },
  });
  if (resolved === null) throw new Error('expected a config');
  return resolved;
}

function keyOf(overrides: Partial<typeof request> = {}): string {
  const merged = { ...request, ...overrides };
  return responseCacheKey({
    model: 'gpt-4o-mini',
    promptVersion: merged.promptVersion,
    schemaName: merged.schemaName,
    system: merged.system,
    user: merged.user,
    structuredOutput: 'json_schema',
  });
}

describe('response cache in generate', () => {
  it('answers an identical second request from the cache without any HTTP request', async () => {
    const client = createLlmClient(config(), { cache: createMemoryResponseCache() });
    const first = await client.generate(request);
    expect(first.cached).toBe(false);
    expect(fake.requests).toHaveLength(1);

    const second = await client.generate(request);
    expect(fake.requests).toHaveLength(1);
    expect(second).toEqual({
      data: { summary: 'Budget approved.' },
      model: 'gpt-4o-mini',
      usage: { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0, reasoningTokens: 0 },
      cached: true,
      repaired: false,
      requestCount: 0,
    });
  });

  it('asks beforeSend once before a request is really sent, never for a cache hit', async () => {
    const client = createLlmClient(config(), { cache: createMemoryResponseCache() });
    const calls: { model: string; promptTokens: number }[] = [];
    const beforeSend = async (call: { model: string; promptTokens: number }) => {
      calls.push(call);
    };
    await client.generate({ ...request, beforeSend });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.model).toBe('gpt-4o-mini');
    expect(calls[0]?.promptTokens).toBeGreaterThan(5);
    await client.generate({ ...request, beforeSend });
    expect(calls).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('sends nothing when beforeSend refuses (e.g. the budget is exhausted)', async () => {
    const client = createLlmClient(config());
    const refusal = new Error('over budget');
    await expect(
      client.generate({ ...request, beforeSend: async () => Promise.reject(refusal) }),
    ).rejects.toBe(refusal);
    expect(fake.requests).toHaveLength(0);
  });

  it('misses when the prompt version, model, input or mode changes', async () => {
    const cache = createMemoryResponseCache();
    const client = createLlmClient(config(), { cache });
    await client.generate(request);
    await client.generate({ ...request, promptVersion: 'summary@2' });
    expect(fake.requests).toHaveLength(2);
    await client.generate({ ...request, model: 'gpt-4o' });
    expect(fake.requests).toHaveLength(3);
    await client.generate({ ...request, user: 'Another text.' });
    expect(fake.requests).toHaveLength(4);
    fake.setHandlers({ '*': { summary: 'Budget approved.' } });
    await createLlmClient({ ...config(), structuredOutput: 'json_object' }, { cache }).generate(
      request,
    );
    expect(fake.requests).toHaveLength(5);
  });

  it('keeps replies on disk for the next client', async () => {
    await createLlmClient(config(), { cache: createFileResponseCache(directory) }).generate(
      request,
    );
    const later = createLlmClient(config(), { cache: createFileResponseCache(directory) });
    const result = await later.generate(request);
    expect(result.cached).toBe(true);
    expect(result.data).toEqual({ summary: 'Budget approved.' });
    expect(fake.requests).toHaveLength(1);
  });

  it('ignores a cached entry that no longer satisfies the schema, and replaces it', async () => {
    const cache = createMemoryResponseCache();
    await cache.set(keyOf(), { data: { summary: '' }, model: 'gpt-4o-mini', createdAt: 'x' });
    const client = createLlmClient(config(), { cache });
    const result = await client.generate(request);
    expect(result.cached).toBe(false);
    expect(fake.requests).toHaveLength(1);
    expect((await cache.get(keyOf()))?.data).toEqual({ summary: 'Budget approved.' });
  });

  it('caches a repaired reply', async () => {
    fake.setFaults([{ kind: 'schema-violation', match: 'summary', times: 1 }]);
    const client = createLlmClient(config(), { cache: createMemoryResponseCache() });
    expect((await client.generate(request)).repaired).toBe(true);
    expect((await client.generate(request)).cached).toBe(true);
    expect(fake.requests).toHaveLength(2);
  });

  it('does not cache a failed call', async () => {
    fake.setFaults([{ kind: 'schema-violation', match: 'summary', times: 2 }]);
    const client = createLlmClient(config(), { cache: createMemoryResponseCache() });
    await expect(client.generate(request)).rejects.toMatchObject({ code: 'LLM_OUTPUT_INVALID' });
    const result = await client.generate(request);
    expect(result.cached).toBe(false);
    expect(fake.requests).toHaveLength(3);
  });

  it('still answers when the cache fails, and says so in the log', async () => {
    const warnings: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (message) => warnings.push(message),
      error: () => {},
    };
    const broken: ResponseCache = {
      get: async () => {
        throw new Error('disk gone');
      },
      set: async () => {
        throw new Error('disk gone');
      },
    };
    const result = await createLlmClient(config(), { cache: broken, logger }).generate(request);
    expect(result.data.summary).toBe('Budget approved.');
    expect(warnings).toHaveLength(2);
    expect(warnings.join(' ')).toContain('response cache');
  });
});
