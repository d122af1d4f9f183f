import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatHandlerContext, ChatRequest } from './chat-request.js';
import { type FakeOpenAI, type FakeOpenAIOptions, startFakeOpenAI } from './fake-openai.js';

const summarySchema = z.object({
  summary: z.string().min(1),
  keyPoints: z.array(z.string().min(1)).min(2),
  tone: z.enum(['neutral', 'positive', 'negative']),
  source: z.object({ title: z.string(), year: z.number().int().min(1900) }),
  subtitle: z.string().optional(),
  author: z.string().nullable(),
});

/** The helpers of the openai client need every field required (nullable instead of optional). */
const strictSummarySchema = summarySchema.omit({ subtitle: true });

const opened: FakeOpenAI[] = [];

async function start(options?: FakeOpenAIOptions): Promise<{ fake: FakeOpenAI; client: OpenAI }> {
  const fake = await startFakeOpenAI(options);
  opened.push(fake);
  return { fake, client: new OpenAI({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 }) };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fake) => fake.close()));
});

function schemaFormat(name: string, schema: z.ZodType) {
  return {
    type: 'json_schema' as const,
    json_schema: { name, schema: z.toJSONSchema(schema) as Record<string, unknown>, strict: true },
  };
}

const question = [{ role: 'user' as const, content: 'Summarise the article.' }];

describe('startFakeOpenAI: chat completions', () => {
  it('listens on a loopback port and gives a base URL ending in /v1', async () => {
    const { fake, client } = await start();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('gpt-4o-mini');
  });

  it('answers with the scripted reply of the handler named like the json_schema', async () => {
    const { client } = await start({
      handlers: {
        summary: { summary: 'The council approved the budget.', keyPoints: ['a', 'b'] },
        claims: 'not used',
      },
    });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      response_format: schemaFormat('summary', summarySchema),
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.role).toBe('assistant');
    expect(JSON.parse(completion.choices[0]?.message.content ?? '')).toEqual({
      summary: 'The council approved the budget.',
      keyPoints: ['a', 'b'],
    });
  });

  it('passes the request, schema and a per-schema call index to function handlers', async () => {
    const seen: { request: ChatRequest; context: ChatHandlerContext }[] = [];
    const { client } = await start({
      handlers: {
        summary: (request, context) => {
          seen.push({ request, context });
          return `reply ${context.callIndex}`;
        },
        '*': async () => 'fallback',
      },
    });
    const ask = (name: string) =>
      client.chat.completions.create({
        model: 'gpt-4o',
        messages: question,
        response_format: schemaFormat(name, summarySchema),
      });
    const first = await ask('summary');
    const other = await ask('claims');
    const second = await ask('summary');
    expect(first.choices[0]?.message.content).toBe('reply 0');
    expect(second.choices[0]?.message.content).toBe('reply 1');
    expect(other.choices[0]?.message.content).toBe('fallback');
    expect(seen[0]?.request.messages).toEqual(question);
    expect(seen[0]?.context.schemaName).toBe('summary');
    expect(seen[0]?.context.schema).toEqual(z.toJSONSchema(summarySchema));
  });

  it('answers json_schema requests without a handler with a reply that validates against the schema', async () => {
    const { client } = await start();
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      response_format: schemaFormat('summary', summarySchema),
    });
    const content = JSON.parse(completion.choices[0]?.message.content ?? 'null') as unknown;
    const parsed = summarySchema.safeParse(content);
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.keyPoints).toHaveLength(2);
    expect(parsed.data?.tone).toBe('neutral');
  });

  it('works with the zodResponseFormat parse helper of the openai client', async () => {
    const { client } = await start();
    const completion = await client.chat.completions.parse({
      model: 'gpt-4o-mini',
      messages: question,
      response_format: zodResponseFormat(strictSummarySchema, 'summary'),
    });
    expect(strictSummarySchema.safeParse(completion.choices[0]?.message.parsed).success).toBe(true);
  });

  it('answers json_object requests with {} and plain requests with a short text by default', async () => {
    const { client } = await start();
    const json = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toEqual({});
    const text = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question });
    expect(text.choices[0]?.message.content).toMatch(/\w+/);
  });

  it('reports usage estimated at about four characters per token', async () => {
    const { client } = await start({ handlers: { '*': 'x'.repeat(10) } });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'abcdefgh' },
        { role: 'user', content: [{ type: 'text', text: 'abcdefghi' }] },
      ],
    });
    expect(completion.usage).toEqual({
      prompt_tokens: 5,
      completion_tokens: 3,
      total_tokens: 8,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('streams the content in several chunks, then the finish reason and the usage chunk', async () => {
    const reply = 'The committee published its findings on Tuesday after a long review.';
    const { client } = await start({ handlers: { '*': reply } });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const pieces = chunks.flatMap((chunk) =>
      chunk.choices.map((choice) => choice.delta.content ?? ''),
    );
    expect(pieces.filter((piece) => piece !== '').length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(reply);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    const finishReasons = chunks.flatMap((chunk) =>
      chunk.choices.map((choice) => choice.finish_reason),
    );
    expect(finishReasons.filter((reason) => reason !== null)).toEqual(['stop']);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.completion_tokens).toBe(Math.ceil(reply.length / 4));
    expect(last?.usage?.total_tokens).toBe(
      (last?.usage?.prompt_tokens ?? 0) + Math.ceil(reply.length / 4),
    );
  });

  it('sends no usage chunk when the stream does not ask for it', async () => {
    const { client } = await start({ handlers: { '*': 'short reply' } });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams structured replies that the stream helper parses at the end', async () => {
    const { client } = await start();
    const stream = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: question,
      response_format: zodResponseFormat(strictSummarySchema, 'summary'),
    });
    const completion = await stream.finalChatCompletion();
    expect(strictSummarySchema.safeParse(completion.choices[0]?.message.parsed).success).toBe(true);
  });

  it('records every request in order with its body, headers and schema name', async () => {
    const { fake, client } = await start();
    await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: question,
      response_format: schemaFormat('summary', summarySchema),
    });
    await client.chat.completions.create({ model: 'gpt-4o', messages: question });
    await client.models.list();
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/chat/completions',
      'POST /v1/chat/completions',
      'GET /v1/models',
    ]);
    const [first, second] = fake.requests;
    if (first === undefined || second === undefined) throw new Error('expected two requests');
    expect(first.schemaName).toBe('summary');
    expect(first.headers.authorization).toBe('Bearer test');
    expect((first.body as ChatRequest).messages).toEqual(question);
    expect(second.schemaName).toBeUndefined();
    expect((second.body as ChatRequest).model).toBe('gpt-4o');
    expect(fake.requestsFor('summary')).toEqual([first]);
    expect(fake.requestsFor('claims')).toEqual([]);

    fake.reset();
    expect(fake.requests).toEqual([]);
  });

  it('replaces the handlers with setHandlers and restarts call indexes on reset', async () => {
    const { fake, client } = await start({ handlers: { '*': 'before' } });
    const ask = async () =>
      (await client.chat.completions.create({ model: 'm', messages: question })).choices[0]?.message
        .content;
    expect(await ask()).toBe('before');
    fake.setHandlers({ '*': (_request, { callIndex }) => `call ${callIndex}` });
    expect(await ask()).toBe('call 1');
    fake.reset();
    expect(await ask()).toBe('call 0');
    fake.setHandlers(undefined);
    expect(await ask()).not.toMatch(/^call/);
  });

  it('waits latencyMs before answering and still records the request', async () => {
    const seenModels: string[] = [];
    const { fake, client } = await start({
      latencyMs: (request) => {
        seenModels.push(request.model);
        return 30;
      },
      handlers: { '*': 'late reply' },
    });
    const completion = await client.chat.completions.create({
      model: 'slow-model',
      messages: question,
    });
    expect(completion.choices[0]?.message.content).toBe('late reply');
    expect(seenModels).toEqual(['slow-model']);
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps serving after a client aborts a request during the latency', async () => {
    const { fake, client } = await start({
      latencyMs: (request) => (request.model === 'slow-model' ? 60_000 : 0),
      handlers: { '*': 'ok' },
    });
    const controller = new AbortController();
    const pending = client.chat.completions.create(
      { model: 'slow-model', messages: question },
      { signal: controller.signal },
    );
    await expect.poll(() => fake.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    const next = await client.chat.completions.create({ model: 'fast-model', messages: question });
    expect(next.choices[0]?.message.content).toBe('ok');
    expect(fake.requests.map((request) => (request.body as ChatRequest).model)).toEqual([
      'slow-model',
      'fast-model',
    ]);
  });

  it('answers a scripted handler error as a 500 that names the handler', async () => {
    const { client } = await start({
      handlers: {
        summary: () => {
          throw new Error('fixture missing');
        },
      },
    });
    const error = await client.chat.completions
      .create({
        model: 'm',
        messages: question,
        response_format: schemaFormat('summary', summarySchema),
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as Error).message).toContain('"summary" handler');
    expect((error as Error).message).toContain('fixture missing');
  });

  it('rejects requests that are not Chat Completions requests and unknown routes', async () => {
    const { client } = await start();
    const badBody = await client
      .post('/chat/completions', { body: { messages: question } })
      .catch((caught: unknown) => caught);
    expect(badBody).toBeInstanceOf(OpenAI.BadRequestError);
    const unknown = await client.get('/embeddings').catch((caught: unknown) => caught);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('unknown_url');
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).type).toBe(
      'invalid_request_error',
    );
  });
});
