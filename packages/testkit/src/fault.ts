import type { ChatRequest } from './chat-request.js';

/** Every kind of fault the fake server can inject. */
export const FAULT_KINDS = [
  'rate-limit',
  'server-error',
  'hang',
  'malformed-json',
  'schema-violation',
  'unauthorized',
] as const;

/**
 * - `rate-limit`: 429 with `retry-after` and `retry-after-ms` headers, type `rate_limit_error`.
 * - `server-error`: 500, type `server_error`.
 * - `hang`: never answers; the socket stays open until the client aborts or `close()`.
 * - `malformed-json`: 200 whose message content is truncated, unparseable JSON.
 * - `schema-violation`: 200 whose message content is valid JSON that breaks the schema.
 * - `unauthorized`: 401, type `invalid_request_error`, code `invalid_api_key`.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A scripted failure. The first fault that matches and has `times` left answers a request. */
export interface Fault {
  kind: FaultKind;
  /**
   * Which requests: a `json_schema` name (or `'transcription'` for
   * `/v1/audio/transcriptions`), or a predicate over chat requests; default every chat and
   * transcription request.
   */
  match?: string | ((request: ChatRequest) => boolean);
  /** How many matching requests fail (default Infinity). */
  times?: number;
  /** Seconds announced by `rate-limit` (default 1). */
  retryAfterSeconds?: number;
}
