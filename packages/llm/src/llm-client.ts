import { getMaxListeners, setMaxListeners } from 'node:events';
import {
  CancelledError,
  ConfigError,
  InputError,
  type Logger,
  type StageId,
  silentLogger,
  ValidationError,
} from '@orch/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { type ChatBody, type ChatReply, exchangeChat } from './internal/chat-exchange.js';
import { endpointLabel, maxTokensParameter } from './internal/endpoint.js';
import { type JsonSchema, jsonSchemaOf } from './internal/json-schema.js';
import { openAiClientFor } from './internal/openai-client.js';
import { parseJsonReply } from './internal/parse-json-reply.js';
import { repairMessage, systemWithSchema } from './internal/repair-message.js';
import { toStrictJsonSchema } from './internal/strict-json-schema.js';
import { stripNulls } from './internal/strip-nulls.js';
import { type RequestScope, toProviderError } from './internal/to-provider-error.js';
import type { LlmConfig } from './llm-config.js';
import { type ResponseCache, responseCacheKey } from './response-cache.js';
import { countTokens } from './tokens.js';
import { addUsage, emptyUsage, type Usage } from './usage.js';

/** OpenAI's rule for json_schema names. */
const SCHEMA_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Requests that may share one AbortSignal before Node warns about a listener leak. */
const SIGNAL_LISTENER_LIMIT = 100;

export interface LlmClientOptions {
  /** Reuse validated replies: identical requests then cost nothing and send nothing. */
  cache?: ResponseCache;
  /** The fetch the openai client uses (proxies, tests); default the global fetch. */
  fetch?: typeof fetch;
  /** Abort a request that has not answered after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
  /** Receives warnings about repair rounds and cache failures. */
  logger?: Logger;
}

/** One structured-output request. */
export interface LlmRequest<T> {
  stage: StageId;
  /** The reply must satisfy this schema; its top level must be an object. */
  schema: z.ZodType<T>;
  /** The json_schema name (letters, digits, `_`, `-`; at most 64). */
  schemaName: string;
  /** Part of the cache key: bump it whenever the prompt changes. */
  promptVersion: string;
  system: string;
  user: string;
  /** Wins over the stage model of the config and the default model. */
  model?: string;
  /** Wins over the stage's maxOutputTokens of the config. */
  maxOutputTokens?: number;
  /** Aborts the HTTP request; the call then rejects with CancelledError. */
  signal?: AbortSignal;
  /** Stream the reply (usage still captured from the final chunk). */
  stream?: boolean;
  /**
   * Called once when the reply is not in the cache, right before the first request is sent,
   * with the prompt's token count: the place to reserve budget. If it rejects, nothing is sent
   * and `generate` rejects with its error. Never called for a cache hit.
   */
  beforeSend?: (call: { model: string; promptTokens: number }) => Promise<void>;
}

/** A schema-valid reply and what it cost. */
export interface LlmResult<T> {
  data: T;
  /** The model the endpoint reports having used (the requested one when it reports none). */
  model: string;
  /** Tokens used, summed over the first reply and the repair round; zero on a cache hit. */
  usage: Usage;
  cached: boolean;
  /** True when the first reply failed and the repair round produced the valid one. */
  repaired: boolean;
  /** HTTP requests sent: 0 (cache hit), 1, or 2 (with a repair round). */
  requestCount: number;
}

export interface LlmClient {
  readonly config: LlmConfig;
  /** The model a stage uses: its config override, else the default model. */
  modelFor(stage: StageId): string;
  /**
   * Asks the model for a reply that satisfies `request.schema`. A reply that is not JSON or
   * breaks the schema gets one repair round. Never retries provider errors: that belongs to
   * @orch/recovery.
   */
  generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>>;
}

type Outcome<T> =
  | { ok: true; data: T; value: unknown }
  | { ok: false; kind: 'malformed' | 'invalid'; problem: string; issues?: z.core.$ZodIssue[] };

interface PreparedSchema {
  jsonSchema: JsonSchema;
  strictSchema?: JsonSchema;
}

/** Creates a client for the endpoint of `config` over the official openai package (maxRetries 0). */
export function createLlmClient(config: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  const openai = openAiClientFor(config, 'model', options);
  const logger = options.logger ?? silentLogger;
  const endpoint = endpointLabel(config.baseUrl);
  const tokensParameter = maxTokensParameter(config.baseUrl);
  const prepared = new WeakMap<z.ZodType, PreparedSchema>();

  const modelFor = (stage: StageId): string => config.stages[stage]?.model ?? config.model;

  const prepare = (schema: z.ZodType, schemaName: string): PreparedSchema => {
    let entry = prepared.get(schema);
    if (entry === undefined) {
      entry = { jsonSchema: jsonSchemaOf(schema, schemaName) };
      prepared.set(schema, entry);
    }
    if (config.structuredOutput === 'json_schema' && entry.strictSchema === undefined) {
      entry.strictSchema = toStrictJsonSchema(entry.jsonSchema);
    }
    return entry;
  };

  async function generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    const { stage, schema, schemaName, signal } = request;
    if (signal?.aborted === true) {
      throw new CancelledError(`The ${stage} request was cancelled before it was sent.`, {
        cause: signal.reason,
      });
    }
    if (!SCHEMA_NAME_PATTERN.test(schemaName)) {
      throw new ConfigError(
        'LLM_SCHEMA_NAME_INVALID',
        `The schema name "${schemaName}" is not allowed. Use 1 to 64 letters, digits, "_" or "-".`,
      );
    }
    const model = request.model ?? modelFor(stage);
    const maxOutputTokens = request.maxOutputTokens ?? config.stages[stage]?.maxOutputTokens;
    const mode = config.structuredOutput;
    const { jsonSchema, strictSchema } = prepare(schema, schemaName);
    const system =
      mode === 'json_object'
        ? systemWithSchema(request.system, JSON.stringify(jsonSchema))
        : request.system;

    const inputTokens = countTokens(system) + countTokens(request.user);
    if (inputTokens > config.maxInputTokensPerRequest) {
      throw new InputError(
        'LLM_INPUT_TOO_LARGE',
        `The ${stage} prompt has ${inputTokens} tokens, more than maxInputTokensPerRequest (${config.maxInputTokensPerRequest}). Split the input into chunks, or raise maxInputTokensPerRequest if ${model} has a larger context window.`,
        { details: { stage, inputTokens, limit: config.maxInputTokensPerRequest } },
      );
    }

    const validate = (value: unknown): Outcome<T> => {
      const stripped = stripNulls(value, jsonSchema);
      const parsed = schema.safeParse(stripped);
      if (parsed.success) return { ok: true, data: parsed.data, value: stripped };
      return {
        ok: false,
        kind: 'invalid',
        problem: z.prettifyError(parsed.error),
        issues: parsed.error.issues,
      };
    };

    const { cache } = options;
    const cacheKey =
      cache === undefined
        ? undefined
        : responseCacheKey({
            model,
            promptVersion: request.promptVersion,
            schemaName,
            system: request.system,
            user: request.user,
            structuredOutput: mode,
          });
    if (cache !== undefined && cacheKey !== undefined) {
      const hit = await readCache(cache, cacheKey, logger);
      if (hit !== undefined) {
        const outcome = validate(hit.data);
        if (outcome.ok) {
          return {
            data: outcome.data,
            model: hit.model,
            usage: emptyUsage(),
            cached: true,
            repaired: false,
            requestCount: 0,
          };
        }
        logger.debug('Ignoring a cached response that no longer satisfies its schema.', {
          stage,
          schemaName,
        });
      }
    }

    await request.beforeSend?.({ model, promptTokens: inputTokens });
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      { role: 'user', content: request.user },
    ];
    const body = (conversation: ChatCompletionMessageParam[]): ChatBody => ({
      model,
      messages: conversation,
      response_format:
        mode === 'json_schema'
          ? {
              type: 'json_schema',
              json_schema: { name: schemaName, strict: true, schema: strictSchema ?? jsonSchema },
            }
          : { type: 'json_object' },
      ...(maxOutputTokens === undefined ? {} : { [tokensParameter]: maxOutputTokens }),
    });
    // One run signal serves every request in flight (map-reduce sends many at once): each
    // adds an abort listener, which is not a leak, so Node's warning at 10 is raised.
    if (signal !== undefined && getMaxListeners(signal) < SIGNAL_LISTENER_LIMIT) {
      setMaxListeners(SIGNAL_LISTENER_LIMIT, signal);
    }
    const scope: RequestScope = { model, endpoint, signal };
    const send = async (conversation: ChatCompletionMessageParam[]): Promise<ChatReply> => {
      try {
        return await exchangeChat(openai, body(conversation), request.stream === true, signal);
      } catch (error) {
        throw toProviderError(error, scope);
      }
    };

    let usage = emptyUsage();
    let requestCount = 0;
    const failure = (code: string, message: string, retryable: boolean, problems: unknown) =>
      new ValidationError(code, message, {
        retryable,
        details: { stage, schemaName, model, usage, requestCount, problems },
      });

    const interpret = (reply: ChatReply): Outcome<T> => {
      if (reply.refusal !== undefined) {
        throw failure(
          'LLM_OUTPUT_REFUSED',
          `${model} refused the ${stage} request: "${reply.refusal}". Review the input or the instructions; retrying will not help.`,
          false,
          reply.refusal,
        );
      }
      const parsed = parseJsonReply(reply.content);
      const outcome: Outcome<T> = parsed.ok
        ? validate(parsed.value)
        : { ok: false, kind: 'malformed', problem: parsed.problem };
      if (!outcome.ok && reply.finishReason === 'length') {
        throw failure(
          'LLM_OUTPUT_TRUNCATED',
          `The ${stage} reply of ${model} was cut off at the output token limit${maxOutputTokens === undefined ? '' : ` (${maxOutputTokens})`}. Raise maxOutputTokens for the ${stage} stage.`,
          false,
          outcome.problem,
        );
      }
      return outcome;
    };

    const first = await send(messages);
    requestCount += 1;
    usage = addUsage(usage, first.usage);
    let outcome = interpret(first);
    let reply = first;
    let repaired = false;
    if (!outcome.ok) {
      logger.warn(`The ${stage} reply failed its schema; asking ${model} to repair it.`, {
        stage,
        schemaName,
        kind: outcome.kind,
      });
      const second = await send([
        ...messages,
        { role: 'assistant', content: first.content },
        { role: 'user', content: repairMessage(outcome.kind, outcome.problem) },
      ]);
      requestCount += 1;
      usage = addUsage(usage, second.usage);
      outcome = interpret(second);
      reply = second;
      repaired = outcome.ok;
    }
    if (!outcome.ok) {
      if (outcome.kind === 'malformed') {
        throw failure(
          'LLM_OUTPUT_MALFORMED',
          `${model} did not return valid JSON for ${stage}, even after a repair round (${outcome.problem}). Retry, or use a model that supports structured output.`,
          true,
          outcome.problem,
        );
      }
      throw failure(
        'LLM_OUTPUT_INVALID',
        `The ${stage} reply of ${model} does not match the "${schemaName}" schema, even after a repair round:\n${outcome.problem}\nUse a stronger model for this stage or simplify the schema.`,
        false,
        outcome.issues?.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      );
    }

    const answeredBy = reply.model ?? model;
    if (cache !== undefined && cacheKey !== undefined) {
      await writeCache(
        cache,
        cacheKey,
        { data: outcome.value, model: answeredBy, createdAt: new Date().toISOString() },
        logger,
      );
    }
    return { data: outcome.data, model: answeredBy, usage, cached: false, repaired, requestCount };
  }

  return { config, modelFor, generate };
}

async function readCache(
  cache: ResponseCache,
  key: string,
  logger: Logger,
): Promise<Awaited<ReturnType<ResponseCache['get']>>> {
  try {
    return await cache.get(key);
  } catch (error) {
    logger.warn('The response cache could not be read; asking the model instead.', {
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

async function writeCache(
  cache: ResponseCache,
  key: string,
  value: Parameters<ResponseCache['set']>[1],
  logger: Logger,
): Promise<void> {
  try {
    await cache.set(key, value);
  } catch (error) {
    logger.warn('The response cache could not be written; the reply is returned uncached.', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
