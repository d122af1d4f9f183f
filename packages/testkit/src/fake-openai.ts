import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ChatHandler, ChatRequest, ReplyValue } from './chat-request.js';
import type { Fault } from './fault.js';
import { handleChat, readResponseFormat } from './internal/chat-route.js';
import { createFaultSchedule } from './internal/fault-schedule.js';
import { isOpen, readBody, sendError, sendJson } from './internal/http.js';
import { listenOnLoopback } from './internal/loopback-server.js';
import { parseMultipart } from './internal/multipart.js';
import type { ServerState } from './internal/server-state.js';
import { handleTranscription } from './internal/transcription-route.js';
import { validateFaults, validateHandlers, validateOptions } from './internal/validate-options.js';
import type { RecordedRequest } from './recorded-request.js';
import type { TranscriptionHandler } from './transcription.js';

/** The models `GET /v1/models` lists. */
const LISTED_MODELS = ['gpt-4o-mini', 'gpt-4o', 'whisper-1'];

export interface FakeOpenAIOptions {
  /**
   * Replies keyed by the `response_format.json_schema` name; `'*'` answers any request without
   * a handler of its own. A function computes the reply, any other value is the reply.
   */
  handlers?: Record<string, ChatHandler | ReplyValue>;
  /**
   * Delay before each response. A number applies to chat and transcription requests, a function
   * is asked per chat request.
   */
  latencyMs?: number | ((request: ChatRequest) => number);
  /** Scripted failures, tried in order. */
  faults?: Fault[];
  /** Computes transcripts; the default states how many bytes of audio arrived. */
  transcription?: TranscriptionHandler;
  /** The loopback address to listen on (default 127.0.0.1). */
  host?: string;
}

export interface FakeOpenAI {
  /** The base URL to give the openai client, ending in /v1. */
  readonly url: string;
  /** Every request received since start or the last reset, in arrival order (a snapshot). */
  readonly requests: readonly RecordedRequest[];
  /** The chat requests whose json_schema name is `schemaName`. */
  requestsFor(schemaName: string): RecordedRequest[];
  /** Replaces all handlers (undefined removes them). */
  setHandlers(handlers: FakeOpenAIOptions['handlers']): void;
  /** Replaces all faults, with fresh `times` counts. */
  setFaults(faults: Fault[]): void;
  /** Clears recorded requests, consumed fault counts and handler call indexes. */
  reset(): void;
  /** Closes the server and destroys open sockets (hung requests included). */
  close(): Promise<void>;
}

/**
 * Starts an OpenAI-compatible HTTP server on loopback (a real socket on a free port) that
 * answers `POST /v1/chat/completions` (plain, streaming, json_object and json_schema),
 * `POST /v1/audio/transcriptions` and `GET /v1/models`.
 *
 * @throws ConfigError `FAKE_OPENAI_INVALID_OPTIONS` for invalid options,
 *   `FAKE_OPENAI_LISTEN_FAILED` when the server cannot listen on `host`.
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  validateOptions(options);
  let sequence = 0;
  const state: ServerState = {
    handlers: { ...options.handlers },
    faults: createFaultSchedule(options.faults ?? []),
    requests: [],
    callCounts: new Map(),
    latencyMs: options.latencyMs,
    transcription: options.transcription,
    nextSequence: () => {
      sequence += 1;
      return sequence;
    },
  };
  const server = createServer((request, response) => {
    handleRequest(state, request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      sendError(response, {
        status: 500,
        type: 'server_error',
        code: 'fake_server_error',
        message: `The fake OpenAI server failed while answering: ${message}. Check the latencyMs and faults functions of your test.`,
      });
    });
  });
  const host = options.host ?? '127.0.0.1';
  const listening = await listenOnLoopback(
    server,
    host,
    'FAKE_OPENAI_LISTEN_FAILED',
    'fake OpenAI server',
  );
  const url = `${listening.origin}/v1`;

  return {
    url,
    get requests() {
      return [...state.requests];
    },
    requestsFor(schemaName) {
      return state.requests.filter((recorded) => recorded.schemaName === schemaName);
    },
    setHandlers(handlers) {
      validateHandlers(handlers);
      state.handlers = { ...handlers };
    },
    setFaults(faults) {
      validateFaults(faults);
      state.faults.replace(faults);
    },
    reset() {
      state.requests.length = 0;
      state.callCounts.clear();
      state.faults.reset();
    },
    close: () => listening.close(),
  };
}

async function handleRequest(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const receivedAt = Date.now();
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
  const raw = await readBody(request);
  if (raw === undefined || !isOpen(response)) return;
  const contentType = String(request.headers['content-type'] ?? '');
  const form = contentType.startsWith('multipart/form-data')
    ? parseMultipart(raw, contentType)
    : undefined;
  const body = form ?? parseJsonBody(raw);
  const recorded: RecordedRequest = {
    method,
    path,
    headers: { ...request.headers },
    body,
    receivedAt,
  };
  const route = `${method} ${path}`;
  if (route === 'POST /v1/chat/completions') {
    const schemaName = readResponseFormat(body)?.schemaName;
    if (schemaName !== undefined) recorded.schemaName = schemaName;
  }
  state.requests.push(recorded);

  switch (route) {
    case 'POST /v1/chat/completions':
      if (typeof body === 'string') {
        sendError(response, {
          status: 400,
          type: 'invalid_request_error',
          code: null,
          message: 'The request body is not valid JSON. Send a JSON Chat Completions request.',
        });
        return;
      }
      await handleChat(state, body, response);
      return;
    case 'POST /v1/audio/transcriptions':
      await handleTranscription(state, form, response);
      return;
    case 'GET /v1/models':
      sendJson(response, 200, {
        object: 'list',
        data: LISTED_MODELS.map((id) => modelObject(id)),
      });
      return;
    default:
      if (method === 'GET' && path.startsWith('/v1/models/')) {
        sendJson(response, 200, modelObject(decodeURIComponent(path.slice('/v1/models/'.length))));
        return;
      }
      sendError(response, {
        status: 404,
        type: 'invalid_request_error',
        code: 'unknown_url',
        message: `Unknown request URL: ${method} ${path}. The fake OpenAI server answers POST /v1/chat/completions, POST /v1/audio/transcriptions and GET /v1/models.`,
      });
  }
}

function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function modelObject(id: string): Record<string, unknown> {
  return { id, object: 'model', created: 1_700_000_000, owned_by: 'orch-testkit' };
}
