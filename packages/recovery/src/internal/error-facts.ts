import { OrchError } from '@orch/core';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The HTTP status of a failure: `details.status` of an OrchError, or a `status` property. */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof OrchError) return finiteNumber(error.details?.status);
  return finiteNumber(record(error)?.status);
}

/** How long the failure asked to wait (Retry-After), in ms, when it said so. */
export function retryAfterOf(error: unknown): number | undefined {
  const fromDetails =
    error instanceof OrchError ? finiteNumber(error.details?.retryAfterMs) : undefined;
  const value = fromDetails ?? finiteNumber(record(error)?.retryAfterMs);
  return value === undefined ? undefined : Math.max(0, value);
}

/** The stable code of a failure, for events: an OrchError code, a Node.js error code, or a name. */
export function codeOf(error: unknown): string {
  if (error instanceof OrchError) return error.code;
  const code = record(error)?.code;
  if (typeof code === 'string' && code.length > 0) return code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}

/** A short message of a failure, for events. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Codes of Node.js / undici network failures that are worth another attempt. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** True for a network failure (connection reset, refused, timed out) anywhere in the cause chain. */
export function isNetworkFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const code = record(current)?.code;
    if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    current = record(current)?.cause;
  }
  return false;
}

/** 408, 409, 429 and 5xx are worth another attempt; every other status is not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
