import type { ServerResponse } from 'node:http';
import { isOrchError } from '@orch/core';
import type { ChatHandlerContext, ChatRequest, ReplyValue } from '../chat-request.js';
import { sampleFromJsonSchema } from '../sample-from-json-schema.js';
import {
  buildChunks,
  buildCompletion,
  type CompletionIdentity,
  estimateUsage,
} from './chat-completion.js';
import { faultErrorReply } from './fault-reply.js';
import { isOpen, sendError, sendJson, waitWhileOpen } from './http.js';
import { isRecord } from './json-schema.js';
import { truncateJson } from './malformed-json.js';
import { violateJsonSchema } from './schema-violation.js';
import type { ServerState } from './server-state.js';

/** The reply to a plain-text chat request when no handler is set. */
export const DEFAULT_TEXT_REPLY = 'Reply from the fake OpenAI server of @orch/testkit.';

export interface ResponseFormatInfo {
  kind: 'text' | 'json_object' | 'json_schema';
  schemaName?: string;
  schema?: unknown;
}

/** Reads `response_format`; undefined when it asks for a json_schema without a name. */
export function readResponseFormat(body: unknown): ResponseFormatInfo | undefined {
  const format = isRecord(body) ? body.response_format : undefined;
  if (!isRecord(format)) return { kind: 'text' };
  if (format.type === 'json_object') return { kind: 'json_object' };
  if (format.type !== 'json_schema') return { kind: 'text' };
  const jsonSchema = isRecord(format.json_schema) ? format.json_schema : {};
  if (typeof jsonSchema.name !== 'string' || jsonSchema.name === '') return undefined;
  return { kind: 'json_schema', schemaName: jsonSchema.name, schema: jsonSchema.schema ?? {} };
}

export async function handleChat(
  state: ServerState,
  body: unknown,
  response: ServerResponse,
): Promise<void> {
  if (!isChatRequest(body)) {
    sendError(response, {
      status: 400,
      type: 'invalid_request_error',
      code: null,
      message:
        'The fake OpenAI server needs a JSON body with a string "model" and a "messages" array. Send a Chat Completions request.',
    });
    return;
  }
  const format = readResponseFormat(body);
  if (format === undefined) {
    sendError(response, {
      status: 400,
      type: 'invalid_request_error',
      code: null,
      message:
        "Missing required parameter: 'response_format.json_schema.name'. Give the JSON schema a name.",
    });
    return;
  }
  const { schemaName, schema } = format;
  const fault = state.faults.take({ route: 'chat', request: body, schemaName });
  const counterKey = schemaName ?? '';
  const callIndex = state.callCounts.get(counterKey) ?? 0;
  if (fault === undefined) state.callCounts.set(counterKey, callIndex + 1);

  const latency = typeof state.latencyMs === 'function' ? state.latencyMs(body) : state.latencyMs;
  if (fault?.kind === 'hang') return;
  if (!(await waitWhileOpen(response, latency ?? 0))) return;

  const errorReply = fault === undefined ? undefined : faultErrorReply(fault);
  if (errorReply !== undefined) {
    sendError(response, errorReply);
    return;
  }
  let content: string;
  if (fault?.kind === 'malformed-json') {
    content = truncateJson(
      schema === undefined ? undefined : JSON.stringify(sampleFromJsonSchema(schema)),
    );
  } else if (fault?.kind === 'schema-violation') {
    content = JSON.stringify(violateJsonSchema(schema));
  } else {
    const context: ChatHandlerContext = { callIndex };
    if (schemaName !== undefined) context.schemaName = schemaName;
    if (schema !== undefined) context.schema = schema;
    const reply = await computeReply(state, body, format, context);
    if ('error' in reply) {
      sendError(response, {
        status: 500,
        type: 'server_error',
        code: 'fake_handler_error',
        message: reply.error,
      });
      return;
    }
    content = reply.content;
  }
  const identity: CompletionIdentity = {
    id: `chatcmpl-fake${state.nextSequence()}`,
    created: Math.floor(Date.now() / 1000),
    model: body.model,
  };
  const usage = estimateUsage(body, content);
  if (body.stream === true) {
    const includeUsage = body.stream_options?.include_usage === true;
    writeStream(response, buildChunks(identity, content, usage, includeUsage));
    return;
  }
  sendJson(response, 200, buildCompletion(identity, content, usage), {
    'x-request-id': `req_${identity.id}`,
  });
}

function isChatRequest(body: unknown): body is ChatRequest {
  return isRecord(body) && typeof body.model === 'string' && Array.isArray(body.messages);
}

async function computeReply(
  state: ServerState,
  request: ChatRequest,
  format: ResponseFormatInfo,
  context: ChatHandlerContext,
): Promise<{ content: string } | { error: string }> {
  const { handlers } = state;
  const key =
    format.schemaName !== undefined && Object.hasOwn(handlers, format.schemaName)
      ? format.schemaName
      : Object.hasOwn(handlers, '*')
        ? '*'
        : undefined;
  let value: unknown;
  try {
    if (key === undefined) {
      value =
        format.kind === 'json_schema'
          ? sampleFromJsonSchema(format.schema)
          : format.kind === 'json_object'
            ? {}
            : DEFAULT_TEXT_REPLY;
    } else {
      const handler = handlers[key];
      value = typeof handler === 'function' ? await handler(request, context) : handler;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (key === undefined) {
      const code = isOrchError(error) ? ` (${error.code})` : '';
      return {
        error: `The fake OpenAI server could not build a default reply for schema "${format.schemaName}"${code}: ${message}`,
      };
    }
    return {
      error: `The "${key}" handler of the fake OpenAI server threw: ${message}. Fix the handler in your test.`,
    };
  }
  if (!isReplyValue(value)) {
    return {
      error: `The "${key}" handler of the fake OpenAI server returned ${value === null ? 'null' : typeof value}; return a string, an object or an array.`,
    };
  }
  return { content: typeof value === 'string' ? value : JSON.stringify(value) };
}

function isReplyValue(value: unknown): value is ReplyValue {
  return typeof value === 'string' || (typeof value === 'object' && value !== null);
}

function writeStream(response: ServerResponse, chunks: Record<string, unknown>[]): void {
  if (!isOpen(response)) return;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  response.end('data: [DONE]\n\n');
}
