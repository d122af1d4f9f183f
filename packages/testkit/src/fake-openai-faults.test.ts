import { ConfigError } from '@orch/core';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAI, type FakeOpenAIOptions, startFakeOpenAI } from './fake-openai.js';
import type { Fault } from './fault.js';

const claimsSchema = z.object({
  claims: z.array(z.object({ text: z.string().min(1), checkWorthy: z.boolean() })).min(1),
  language: z.string().min(2),
});

const opened: FakeOpenAI[] = [];

async function start(
  options?: FakeOpenAIOptions,
  maxRetries = 0,
): Promise<{ fake: FakeOpenAI; client: OpenAI }> {
  const fake = await startFakeOpenAI(options);
  opened.push(fake);
  return { fake, client: new OpenAI({ apiKey: 'test', baseURL: fake.url, maxRetries }) };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fake) => fake.close()));
});

function askClaims(client: OpenAI, options?: OpenAI.RequestOptions) {
  return client.chat.completions.create(
    {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'List the claims.' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'claims',
          schema: z.toJSONSchema(claimsSchema) as Record<string, unknown>,
        },
      },
    },
    options,
  );
}

function askText(client: OpenAI) {
  return client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Hello' }],
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('startFakeOpenAI: faults', () => {
  it('rate-limit answers 429 with retry-after headers that the client sees as RateLimitError', async () => {
    const { client } = await start({ faults: [{ kind: 'rate-limit', retryAfterSeconds: 7 }] });
    const error = await failure(askClaims(client));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.type).toBe('rate_limit_error');
    expect(rateLimit.headers.get('retry-after')).toBe('7');
    expect(rateLimit.headers.get('retry-after-ms')).toBe('7000');
  });

  it('a rate limit with times: 1 is retried by the client after retry-after and then succeeds', async () => {
    const { fake, client } = await start(
      { faults: [{ kind: 'rate-limit', times: 1, retryAfterSeconds: 0.01 }] },
      2,
    );
    const completion = await askClaims(client);
    expect(
      claimsSchema.safeParse(JSON.parse(completion.choices[0]?.message.content ?? '')).success,
    ).toBe(true);
    expect(fake.requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual([
      '0',
      '1',
    ]);
  });

  it('server-error answers 500 (InternalServerError) and unauthorized 401 (AuthenticationError)', async () => {
    const { fake, client } = await start({ faults: [{ kind: 'server-error' }] });
    const serverError = await failure(askClaims(client));
    expect(serverError).toBeInstanceOf(OpenAI.InternalServerError);
    expect((serverError as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(500);

    fake.setFaults([{ kind: 'unauthorized' }]);
    const unauthorized = await failure(askClaims(client));
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    const authentication = unauthorized as InstanceType<typeof OpenAI.AuthenticationError>;
    expect(authentication.status).toBe(401);
    expect(authentication.code).toBe('invalid_api_key');
    expect(authentication.type).toBe('invalid_request_error');
  });

  it('hang never answers: an AbortSignal or the client timeout ends the request', async () => {
    const { fake, client } = await start({ faults: [{ kind: 'hang' }] });
    const controller = new AbortController();
    const aborted = failure(askClaims(client, { signal: controller.signal }));
    await expect.poll(() => fake.requests.length).toBe(1);
    controller.abort();
    expect(await aborted).toBeInstanceOf(OpenAI.APIUserAbortError);

    // Long enough for the request to reach the server even on a loaded machine.
    const timedOut = await failure(askClaims(client, { timeout: 1000 }));
    expect(timedOut).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    await expect.poll(() => fake.requests.length).toBe(2);
  });

  it('close() resolves while a hung request is in flight, and the client sees a connection error', async () => {
    const fake = await startFakeOpenAI({ faults: [{ kind: 'hang' }] });
    const client = new OpenAI({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 });
    const hung = failure(askText(client));
    await expect.poll(() => fake.requests.length).toBe(1);
    await fake.close();
    expect(await hung).toBeInstanceOf(OpenAI.APIConnectionError);
    await fake.close();
  });

  it('malformed-json answers 200 with content that is not valid JSON', async () => {
    const { client } = await start({ faults: [{ kind: 'malformed-json' }] });
    const completion = await askClaims(client);
    const content = completion.choices[0]?.message.content ?? '';
    expect(content.length).toBeGreaterThan(0);
    expect(() => JSON.parse(content)).toThrow(SyntaxError);
  });

  it('schema-violation answers 200 with valid JSON that the schema rejects', async () => {
    const { client } = await start({ faults: [{ kind: 'schema-violation' }] });
    const completion = await askClaims(client);
    const content = JSON.parse(completion.choices[0]?.message.content ?? '') as unknown;
    expect(claimsSchema.safeParse(content).success).toBe(false);
  });

  it('streams malformed content when the request streams', async () => {
    const { client } = await start({ faults: [{ kind: 'malformed-json', match: 'claims' }] });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'List the claims.' }],
      stream: true,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'claims',
          schema: z.toJSONSchema(claimsSchema) as Record<string, unknown>,
        },
      },
    });
    let content = '';
    for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
    expect(() => JSON.parse(content)).toThrow(SyntaxError);
  });

  it('consumes `times` per matching request, then answers normally', async () => {
    const { fake, client } = await start({ faults: [{ kind: 'server-error', times: 2 }] });
    expect(await failure(askClaims(client))).toBeInstanceOf(OpenAI.InternalServerError);
    expect(await failure(askText(client))).toBeInstanceOf(OpenAI.InternalServerError);
    const completion = await askClaims(client);
    expect(completion.choices[0]?.finish_reason).toBe('stop');

    fake.reset();
    expect(await failure(askClaims(client))).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('applies a fault only to the requests it matches, by schema name or predicate', async () => {
    const faults: Fault[] = [
      { kind: 'unauthorized', match: (request) => request.model === 'forbidden-model' },
      { kind: 'rate-limit', match: 'claims', times: 1 },
    ];
    const { client } = await start({ faults });
    expect((await askText(client)).choices[0]?.finish_reason).toBe('stop');
    expect(await failure(askClaims(client))).toBeInstanceOf(OpenAI.RateLimitError);
    expect((await askClaims(client)).choices[0]?.finish_reason).toBe('stop');
    const forbidden = await failure(
      client.chat.completions.create({
        model: 'forbidden-model',
        messages: [{ role: 'user', content: 'Hello' }],
      }),
    );
    expect(forbidden).toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('uses the first matching fault with uses left', async () => {
    const { client } = await start({
      faults: [
        { kind: 'server-error', times: 1 },
        { kind: 'rate-limit', times: 1 },
      ],
    });
    expect(await failure(askText(client))).toBeInstanceOf(OpenAI.InternalServerError);
    expect(await failure(askText(client))).toBeInstanceOf(OpenAI.RateLimitError);
    expect((await askText(client)).choices[0]?.finish_reason).toBe('stop');
  });

  it('does not count faulted requests in the handler call index', async () => {
    const { client } = await start({
      faults: [{ kind: 'server-error', times: 1 }],
      handlers: { '*': (_request, { callIndex }) => `attempt ${callIndex}` },
    });
    await failure(askText(client));
    expect((await askText(client)).choices[0]?.message.content).toBe('attempt 0');
  });

  it('rejects invalid options with a ConfigError', async () => {
    const invalid: unknown[] = [
      { faults: [{ kind: 'explode' }] },
      { faults: [{ kind: 'hang', times: -1 }] },
      { latencyMs: -5 },
      { handlers: { summary: undefined } },
    ];
    for (const options of invalid) {
      const error = await failure(startFakeOpenAI(options as FakeOpenAIOptions));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).code).toBe('FAKE_OPENAI_INVALID_OPTIONS');
    }
    const { fake } = await start();
    expect(() => fake.setFaults([{ kind: 'rate-limit', retryAfterSeconds: Number.NaN }])).toThrow(
      ConfigError,
    );
  });
});
