import { OrchError } from '@orch/core';

/** The codes a ProviderError carries. */
export const PROVIDER_ERROR_CODES = [
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_QUOTA_EXCEEDED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_TIMEOUT',
  'PROVIDER_AUTH_FAILED',
  'PROVIDER_BAD_REQUEST',
  'PROVIDER_CONFLICT',
] as const;

export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export interface ProviderErrorOptions {
  retryable: boolean;
  /** `'timeout'` for PROVIDER_TIMEOUT, `'provider'` otherwise (the default). */
  category?: 'provider' | 'timeout';
  /** HTTP status of the failed response, when there was one. */
  status?: number;
  /** How long the endpoint asked to wait before retrying (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
  details?: Record<string, unknown>;
}

/**
 * The model endpoint failed: rate limit, outage, timeout, bad key, rejected request.
 * `details.status` and `details.retryAfterMs` repeat `status` and `retryAfterMs` for code that
 * reads errors in their serialised form.
 */
export class ProviderError extends OrchError {
  override readonly code: ProviderErrorCode;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ProviderErrorCode, message: string, options: ProviderErrorOptions) {
    const details: Record<string, unknown> = { ...options.details };
    if (options.status !== undefined) details.status = options.status;
    if (options.retryAfterMs !== undefined) details.retryAfterMs = options.retryAfterMs;
    super(code, message, {
      category: options.category ?? 'provider',
      retryable: options.retryable,
      cause: options.cause,
      details,
    });
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
