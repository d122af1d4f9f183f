import { CancelledError, OrchError } from '@orch/core';
import { type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { AuthenticationError, RateLimitError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createLlmClient, type LlmClientOptions } from './llm-client.js';
import { type LlmConfig, resolveLlmConfig } from './llm-config.js';
import { ProviderError } from './provider-error.js';

const schema = z.object({ answer: z.string() });

const request = {
  stage: 'claims',
  schema,
  schemaName: 'answer',
  promptVersion: 'answer@1',
  system: 'Answer briefly.',
  user: 'Is the sky blue?',
} as const;

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ handlers: { answer: { answer: 'yes' } } });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  fake.setFaults([]);
});

function configFor(baseUrl: string): LlmConfig {
  const config = resolveLlmConfig({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseUrl } });
  if (config === null) throw new Error('expected a config');
  return config;
}

function clientFor(options: LlmClientOptions = {}) {
  return createLlmClient(configFor(fake.url), options);
}

async function rejection(promise: Promise<unknown>): Promise<OrchError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OrchError);
  return error as OrchError;
}

/** A fetch that answers every request with one HTTP error, as an endpoint would. */
function failingFetch(status: number, body: Record<string, unknown> = {}): typeof fetch {
  return async () =>
    new Response(
      JSON.stringify({ error: { message: `failure ${status}`, type: 'error', ...body } }),
      { status, headers: { 'content-type': 'application/json' } },
    );
}

describe('provider errors', () => {
  it('maps 429 to a retryable PROVIDER_RATE_LIMITED with retryAfterMs, after one request', async () => {
    fake.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 3 }]);
    const error = await rejection(clientFor().generate(request));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: 'PROVIDER_RATE_LIMITED',
      category: 'provider',
      retryable: true,
      status: 429,
      retryAfterMs: 3000,
    });
    expect(error.details).toMatchObject({ retryAfterMs: 3000, status: 429, model: 'gpt-4o-mini' });
    expect(error.cause).toBeInstanceOf(RateLimitError);
    expect(fake.requests).toHaveLength(1);
  });

  it('maps 500 to a retryable PROVIDER_UNAVAILABLE and never retries by itself', async () => {
    fake.setFaults([{ kind: 'server-error', times: 1 }]);
    const error = await rejection(clientFor().generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true, status: 500 });
    expect(fake.requests).toHaveLength(1);
  });

  it('maps 401 to PROVIDER_AUTH_FAILED, not retryable, pointing at OPENAI_API_KEY', async () => {
    fake.setFaults([{ kind: 'unauthorized' }]);
    const error = await rejection(clientFor().generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_AUTH_FAILED', retryable: false, status: 401 });
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.message).not.toContain('sk-test');
    expect(error.cause).toBeInstanceOf(AuthenticationError);
  });

  it('maps errors of a streamed request the same way', async () => {
    fake.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 2 }]);
    const error = await rejection(clientFor().generate({ ...request, stream: true }));
    expect(error).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', retryAfterMs: 2000 });
  });

  it('turns an abort through the signal into CancelledError while the request hangs', async () => {
    fake.setFaults([{ kind: 'hang' }]);
    const controller = new AbortController();
    const pending = rejection(clientFor().generate({ ...request, signal: controller.signal }));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort(new Error('the run was stopped'));
    const error = await pending;
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.code).toBe('RUN_CANCELLED');
    expect((error.cause as Error).message).toBe('the run was stopped');
  });

  it('aborts a hanging stream through the signal too', async () => {
    fake.setFaults([{ kind: 'hang' }]);
    const controller = new AbortController();
    const pending = rejection(
      clientFor().generate({ ...request, stream: true, signal: controller.signal }),
    );
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    controller.abort();
    expect(await pending).toBeInstanceOf(CancelledError);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(clientFor().generate({ ...request, signal: controller.signal }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(fake.requests).toHaveLength(0);
  });

  it('maps the client timeout to a retryable PROVIDER_TIMEOUT of category timeout', async () => {
    fake.setFaults([{ kind: 'hang' }]);
    // Long enough for the request to reach the server even on a loaded machine.
    const error = await rejection(clientFor({ timeoutMs: 1000 }).generate(request));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'PROVIDER_TIMEOUT', category: 'timeout', retryable: true });
    await expect.poll(() => fake.requests.length).toBe(1);
  });

  it('maps a refused connection to PROVIDER_UNAVAILABLE', async () => {
    const closed = await startFakeOpenAI();
    const url = closed.url;
    await closed.close();
    const error = await rejection(createLlmClient(configFor(url)).generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(error.message).toContain(new URL(url).host);
  });

  it.each([
    [400, 'PROVIDER_BAD_REQUEST', false, 'provider'],
    [404, 'PROVIDER_BAD_REQUEST', false, 'provider'],
    [422, 'PROVIDER_BAD_REQUEST', false, 'provider'],
    [403, 'PROVIDER_AUTH_FAILED', false, 'provider'],
    [408, 'PROVIDER_TIMEOUT', true, 'timeout'],
    [409, 'PROVIDER_CONFLICT', true, 'provider'],
    [503, 'PROVIDER_UNAVAILABLE', true, 'provider'],
  ] as const)('maps HTTP %i to %s', async (status, code, retryable, category) => {
    const error = await rejection(clientFor({ fetch: failingFetch(status) }).generate(request));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, retryable, category, status });
  });

  it('maps 429 insufficient_quota to a non-retryable PROVIDER_QUOTA_EXCEEDED', async () => {
    const fetch = failingFetch(429, { code: 'insufficient_quota', type: 'insufficient_quota' });
    const error = await rejection(clientFor({ fetch }).generate(request));
    expect(error).toMatchObject({ code: 'PROVIDER_QUOTA_EXCEEDED', retryable: false });
  });
});
