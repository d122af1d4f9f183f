import { CancelledError, OrchError, toOrchError } from '@orch/core';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
} from 'openai';
import { ProviderError } from '../provider-error.js';
import { readRetryAfterMs } from './retry-after.js';

export interface RequestScope {
  model: string;
  /** The host the request went to, for messages (never the key). */
  endpoint: string;
  signal: AbortSignal | undefined;
}

/** Turns whatever the openai client threw into an OrchError with a stable code. */
export function toProviderError(error: unknown, scope: RequestScope): OrchError {
  const { model, endpoint, signal } = scope;
  if (signal?.aborted === true || error instanceof APIUserAbortError) {
    const reason: unknown = signal?.reason;
    return new CancelledError(
      `The request to ${model} at ${endpoint} was cancelled before it finished.`,
      { cause: reason instanceof Error ? reason : error },
    );
  }
  if (error instanceof OrchError) return error;
  const base = { cause: error, details: { model, endpoint } };

  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError(
      'PROVIDER_TIMEOUT',
      `${endpoint} did not answer ${model} within the client timeout. Retry, or raise timeoutMs for slow local models.`,
      { ...base, retryable: true, category: 'timeout' },
    );
  }
  if (error instanceof APIConnectionError) {
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `Could not connect to ${endpoint} (${error.message}). Check that the endpoint is running and OPENAI_BASE_URL is right, then retry.`,
      { ...base, retryable: true },
    );
  }
  if (error instanceof APIError) return fromStatus(error, scope, base);
  if (error instanceof OpenAIError) {
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `The reply of ${endpoint} for ${model} broke off (${error.message}). Retry the request.`,
      { ...base, retryable: true },
    );
  }
  return toOrchError(error);
}

function fromStatus(
  error: APIError,
  scope: RequestScope,
  base: { cause: unknown; details: Record<string, unknown> },
): ProviderError {
  const { model, endpoint } = scope;
  const status = error.status;
  const said = error.message;
  const options = { ...base, ...(status === undefined ? {} : { status }) };
  if (status === 401 || status === 403) {
    return new ProviderError(
      'PROVIDER_AUTH_FAILED',
      `${endpoint} refused the credentials (${status}: ${said}). Check OPENAI_API_KEY and that the key may use ${model}.`,
      { ...options, retryable: false },
    );
  }
  if (status === 408) {
    return new ProviderError(
      'PROVIDER_TIMEOUT',
      `${endpoint} timed out answering ${model} (408). Retry the request.`,
      { ...options, retryable: true, category: 'timeout' },
    );
  }
  if (status === 409) {
    return new ProviderError(
      'PROVIDER_CONFLICT',
      `${endpoint} reported a conflict for ${model} (409: ${said}). Retry the request.`,
      { ...options, retryable: true },
    );
  }
  if (status === 429) {
    if (error.code === 'insufficient_quota') {
      return new ProviderError(
        'PROVIDER_QUOTA_EXCEEDED',
        `${endpoint} says the account has no quota left (429 insufficient_quota). Add credit or raise the limit of the account, then run again.`,
        { ...options, retryable: false },
      );
    }
    const retryAfterMs = readRetryAfterMs(error.headers, Date.now());
    return new ProviderError(
      'PROVIDER_RATE_LIMITED',
      `${endpoint} rate-limited the request for ${model} (429${retryAfterMs === undefined ? '' : `, retry after ${retryAfterMs} ms`}). Wait and retry, or lower the concurrency.`,
      { ...options, retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    );
  }
  if (status === undefined || status >= 500) {
    return new ProviderError(
      'PROVIDER_UNAVAILABLE',
      `${endpoint} failed to answer ${model} (${status ?? 'no status'}: ${said}). Retry later.`,
      { ...options, retryable: true },
    );
  }
  return new ProviderError(
    'PROVIDER_BAD_REQUEST',
    `${endpoint} rejected the request for ${model} (${status}: ${said}). Check the model name, the schema and the endpoint's support for structured output.`,
    { ...options, retryable: false },
  );
}
