import { InputError, STAGE_IDS, stageOutputSchemas, ValidationError } from '@orch/core';
import { type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmClient, type LlmClientOptions } from './llm-client.js';
import { type LlmConfig, resolveLlmConfig } from './llm-config.js';
import { countTokens } from './tokens.js';

const headlineSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  score: z.number().min(0).max(1),
});

const VALID_REPLY = { title: 'Council approves the budget', subtitle: null, score: 0.8 };

interface ChatBodyRecord {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
  };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  max_completion_tokens?: number;
}

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  fake.setHandlers({ headline: VALID_REPLY });
  fake.setFaults([]);
});

function baseConfig(overrides: Partial<LlmConfig> = {}): LlmConfig {
  const config = resolveLlmConfig({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url },
  });
  if (config === null) throw new Error('expected a config');
  return { ...config, ...overrides };
}

function clientFor(overrides: Partial<LlmConfig> = {}, options: LlmClientOptions = {}) {
  return createLlmClient(baseConfig(overrides), options);
}

const request = {
  stage: 'summarize',
  schema: headlineSchema,
  schemaName: 'headline',
  promptVersion: 'headline@1',
  system: 'You write headlines.',
  user: 'The council approved the budget on Monday.',
} as const;

function bodyOf(index: number): ChatBodyRecord {
  const recorded = fake.requests[index];
  if (recorded === undefined) throw new Error(`no request #${index}`);
  return recorded.body as ChatBodyRecord;
}

/** A fetch that passes requests to the fake and lets a test edit the JSON reply. */
function editingFetch(edit: (completion: Record<string, unknown>) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const completion = (await response.json()) as Record<string, unknown>;
    edit(completion);
    return new Response(JSON.stringify(completion), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('createLlmClient().generate', () => {
  it('returns the typed, schema-valid reply with its usage', async () => {
    const result = await clientFor().generate(request);
    const title: string = result.data.title;
    expect(title).toBe('Council approves the budget');
    expect(result.data).toEqual({ title: 'Council approves the budget', score: 0.8 });
    expect(result).toMatchObject({
      model: 'gpt-4o-mini',
      cached: false,
      repaired: false,
      requestCount: 1,
    });
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('sends a strict json_schema where optional fields are required and nullable', async () => {
    await clientFor().generate(request);
    const format = bodyOf(0).response_format;
    expect(format?.type).toBe('json_schema');
    expect(format?.json_schema?.name).toBe('headline');
    expect(format?.json_schema?.strict).toBe(true);
    expect(format?.json_schema?.schema).toMatchObject({
      type: 'object',
      required: ['title', 'subtitle', 'score'],
      additionalProperties: false,
      properties: { subtitle: { type: ['string', 'null'] } },
    });
    expect(bodyOf(0).messages).toEqual([
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ]);
  });

  it('keeps optional fields the model filled in', async () => {
    fake.setHandlers({ headline: { ...VALID_REPLY, subtitle: 'After a long debate' } });
    const result = await clientFor().generate(request);
    expect(result.data.subtitle).toBe('After a long debate');
  });

  it('routes models per stage and lets the request override them', async () => {
    const client = clientFor({ stages: { claims: { model: 'gpt-4o', maxOutputTokens: 321 } } });
    expect(client.modelFor('claims')).toBe('gpt-4o');
    expect(client.modelFor('summarize')).toBe('gpt-4o-mini');
    await client.generate({ ...request, stage: 'claims' });
    await client.generate({ ...request, stage: 'claims', model: 'o3-mini', maxOutputTokens: 99 });
    await client.generate(request);
    expect(bodyOf(0)).toMatchObject({ model: 'gpt-4o', max_tokens: 321 });
    expect(bodyOf(1)).toMatchObject({ model: 'o3-mini', max_tokens: 99 });
    expect(bodyOf(2).model).toBe('gpt-4o-mini');
    expect(bodyOf(2).max_tokens).toBeUndefined();
  });

  it('sends max_completion_tokens to api.openai.com', async () => {
    const toFake: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return fetch(url.replace('https://api.openai.com/v1', fake.url), init);
    };
    const client = createLlmClient({ ...baseConfig(), baseUrl: undefined }, { fetch: toFake });
    await client.generate({ ...request, maxOutputTokens: 500 });
    expect(bodyOf(0).max_completion_tokens).toBe(500);
    expect(bodyOf(0).max_tokens).toBeUndefined();
  });

  it('accepts a reply wrapped in a ```json fence without a repair round', async () => {
    fake.setHandlers({ headline: `\`\`\`json\n${JSON.stringify(VALID_REPLY)}\n\`\`\`` });
    const result = await clientFor().generate(request);
    expect(result.data.score).toBe(0.8);
    expect(result.requestCount).toBe(1);
  });

  it('repairs a schema-violating reply in a second request that shows the validation error', async () => {
    fake.setFaults([{ kind: 'schema-violation', match: 'headline', times: 1 }]);
    const result = await clientFor().generate(request);
    expect(result.data.title).toBe('Council approves the budget');
    expect(result).toMatchObject({ repaired: true, requestCount: 2 });
    expect(fake.requests).toHaveLength(2);

    const second = bodyOf(1).messages;
    expect(second).toHaveLength(4);
    expect(second.slice(0, 2)).toEqual(bodyOf(0).messages);
    const badReply = second[2];
    expect(badReply?.role).toBe('assistant');
    // The client drops the null the model wrote for the optional subtitle before validating.
    const { subtitle, ...rest } = JSON.parse(badReply?.content ?? '') as Record<string, unknown>;
    const parsed = headlineSchema.safeParse(subtitle === null ? rest : { ...rest, subtitle });
    expect(parsed.success).toBe(false);
    const expectedError = parsed.success ? '' : z.prettifyError(parsed.error);
    expect(second[3]?.role).toBe('user');
    expect(second[3]?.content).toContain(expectedError);
    expect(second[3]?.content).toContain('title');
  });

  it('sums the usage of both requests of a repair round', async () => {
    fake.setFaults([{ kind: 'schema-violation', match: 'headline', times: 1 }]);
    const repaired = await clientFor().generate(request);
    fake.reset();
    fake.setFaults([]);
    const direct = await clientFor().generate(request);
    expect(repaired.usage.promptTokens).toBeGreaterThan(2 * direct.usage.promptTokens - 1);
    expect(repaired.usage.completionTokens).toBeGreaterThan(direct.usage.completionTokens);
  });

  it('fails with LLM_OUTPUT_INVALID after exactly two requests when the repair is invalid too', async () => {
    fake.setFaults([{ kind: 'schema-violation', match: 'headline' }]);
    const error = await rejection(clientFor().generate(request));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'LLM_OUTPUT_INVALID', retryable: false });
    expect((error as ValidationError).details).toMatchObject({
      requestCount: 2,
      stage: 'summarize',
    });
    expect((error as ValidationError).message).toContain('title');
    expect(fake.requests).toHaveLength(2);
  });

  it('repairs malformed JSON, telling the model the reply was not JSON', async () => {
    fake.setFaults([{ kind: 'malformed-json', match: 'headline', times: 1 }]);
    const result = await clientFor().generate(request);
    expect(result).toMatchObject({ repaired: true, requestCount: 2 });
    expect(bodyOf(1).messages[3]?.content).toContain('not valid JSON');
  });

  it('fails with the retryable LLM_OUTPUT_MALFORMED when the repair is not JSON either', async () => {
    fake.setFaults([{ kind: 'malformed-json', match: 'headline' }]);
    const error = await rejection(clientFor().generate(request));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'LLM_OUTPUT_MALFORMED', retryable: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not repair a reply cut off at the token limit', async () => {
    fake.setFaults([{ kind: 'malformed-json', match: 'headline' }]);
    const client = clientFor(
      {},
      {
        fetch: editingFetch((completion) => {
          const choices = completion.choices as { finish_reason: string }[];
          for (const choice of choices) choice.finish_reason = 'length';
        }),
      },
    );
    const error = await rejection(client.generate({ ...request, maxOutputTokens: 20 }));
    expect(error).toMatchObject({ code: 'LLM_OUTPUT_TRUNCATED', retryable: false });
    expect((error as ValidationError).message).toContain('maxOutputTokens');
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a refusal without a repair round', async () => {
    const client = clientFor(
      {},
      {
        fetch: editingFetch((completion) => {
          const choices = completion.choices as { message: Record<string, unknown> }[];
          for (const choice of choices) {
            choice.message.content = null;
            choice.message.refusal = 'I cannot help with that.';
          }
        }),
      },
    );
    const error = await rejection(client.generate(request));
    expect(error).toMatchObject({ code: 'LLM_OUTPUT_REFUSED', retryable: false });
    expect((error as ValidationError).message).toContain('I cannot help with that.');
    expect(fake.requests).toHaveLength(1);
  });

  it('captures usage from the final chunk of a streamed reply', async () => {
    const result = await clientFor().generate({ ...request, stream: true });
    expect(result.data.title).toBe('Council approves the budget');
    const body = bodyOf(0);
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    // The fake counts four characters per token, which differs from the tokenizer estimate.
    const promptCharacters = body.messages.reduce(
      (sum, message) => sum + message.content.length,
      0,
    );
    expect(result.usage.promptTokens).toBe(Math.ceil(promptCharacters / 4));
    expect(result.usage.completionTokens).toBe(Math.ceil(JSON.stringify(VALID_REPLY).length / 4));
  });

  it('repairs a streamed reply too', async () => {
    fake.setFaults([{ kind: 'schema-violation', match: 'headline', times: 1 }]);
    const result = await clientFor().generate({ ...request, stream: true });
    expect(result).toMatchObject({ repaired: true, requestCount: 2 });
    expect(bodyOf(1).stream).toBe(true);
  });

  it('reads cached prompt tokens and reasoning tokens from the usage details', async () => {
    const client = clientFor(
      {},
      {
        fetch: editingFetch((completion) => {
          completion.usage = {
            prompt_tokens: 120,
            completion_tokens: 40,
            total_tokens: 160,
            prompt_tokens_details: { cached_tokens: 64 },
            completion_tokens_details: { reasoning_tokens: 25 },
          };
        }),
      },
    );
    const result = await client.generate(request);
    expect(result.usage).toEqual({
      promptTokens: 120,
      completionTokens: 40,
      cachedPromptTokens: 64,
      reasoningTokens: 25,
    });
  });

  it('estimates usage with the tokenizer when the endpoint reports none', async () => {
    const client = clientFor({}, { fetch: editingFetch((completion) => delete completion.usage) });
    const result = await client.generate(request);
    expect(result.usage.promptTokens).toBe(countTokens(request.system) + countTokens(request.user));
    expect(result.usage.completionTokens).toBe(countTokens(JSON.stringify(VALID_REPLY)));
  });

  it('uses json_object with the schema in the system prompt when configured', async () => {
    fake.setHandlers({ '*': VALID_REPLY });
    const result = await clientFor({ structuredOutput: 'json_object' }).generate(request);
    expect(result.data).toEqual({ title: 'Council approves the budget', score: 0.8 });
    const body = bodyOf(0);
    expect(body.response_format).toEqual({ type: 'json_object' });
    const system = body.messages[0]?.content ?? '';
    expect(system.startsWith(request.system)).toBe(true);
    expect(system).toContain('JSON Schema');
    const schemaText = system.slice(system.indexOf('{'));
    expect(JSON.parse(schemaText)).toMatchObject({
      type: 'object',
      required: ['title', 'score'],
      properties: { subtitle: { type: 'string' } },
    });
  });

  it('refuses a prompt above maxInputTokensPerRequest before sending anything', async () => {
    const error = await rejection(
      clientFor({ maxInputTokensPerRequest: 10 }).generate({
        ...request,
        user: 'word '.repeat(50),
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'LLM_INPUT_TOO_LARGE' });
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a schema name the endpoint would refuse', async () => {
    const error = await rejection(clientFor().generate({ ...request, schemaName: 'head line' }));
    expect(error).toMatchObject({ code: 'LLM_SCHEMA_NAME_INVALID' });
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a schema strict mode cannot express, before sending anything', async () => {
    const error = await rejection(
      clientFor().generate({
        ...request,
        schema: z.object({ counts: z.record(z.string(), z.number()) }),
      }),
    );
    expect(error).toMatchObject({ code: 'LLM_SCHEMA_NOT_STRICT_COMPATIBLE' });
    expect(fake.requests).toHaveLength(0);
  });

  it('handles the output schema of every analysis stage of @orch/core in strict mode', async () => {
    fake.setHandlers({});
    const client = clientFor();
    const analysisStages = STAGE_IDS.filter(
      (stage) => stage !== 'acquire' && stage !== 'transcribe',
    );
    for (const stage of analysisStages) {
      // Without a handler the fake answers with a sample of the strict schema it received.
      const schema: z.ZodType = stageOutputSchemas[stage];
      const result = await client.generate({ ...request, stage, schema, schemaName: stage });
      expect(result.requestCount, stage).toBe(1);
      expect(schema.safeParse(result.data).success, stage).toBe(true);
    }
  });
});
