import { OrchError } from '@orch/core';
import { isNetworkFailure, isRetryableStatus, statusOf } from './internal/error-facts.js';

/** Categories whose failures never get better by trying again. */
const NEVER_RETRIED = new Set(['cancelled', 'budget', 'input', 'config', 'plan']);

/** Categories whose failures may succeed on another model or provider. */
const FALLBACK_CATEGORIES = new Set(['provider', 'timeout', 'validation']);

/**
 * The default retry classification.
 *
 * - An `OrchError` is retried when its `retryable` flag says so (ProviderError sets it for 408,
 *   409, 429 other than quota, 5xx and network failures; LLM_OUTPUT_MALFORMED is retryable,
 *   LLM_OUTPUT_INVALID after the repair round is not), except that categories `cancelled`,
 *   `budget`, `input`, `config` and `plan` and a `details.status` of any other 4xx never are.
 * - Anything else is retried when it carries a retryable HTTP `status` (408, 409, 429, 5xx)
 *   or is a network failure (ECONNRESET, ETIMEDOUT, undici socket errors, "fetch failed").
 * - An AbortError (cancellation) is never retried.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof OrchError) {
    if (NEVER_RETRIED.has(error.category)) return false;
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500 && !isRetryableStatus(status)) {
      return false;
    }
    return error.retryable;
  }
  if (error instanceof Error && error.name === 'AbortError') return false;
  const status = statusOf(error);
  if (status !== undefined) return isRetryableStatus(status);
  return isNetworkFailure(error);
}

/**
 * The default fallback rule of `executeWithFallback`: move on to the next candidate after a
 * provider failure (rate limit, outage, auth, quota, rejected request, open breaker), a timeout
 * or output that stayed invalid, since another model or provider may succeed; stop on
 * cancellation, budget, input, config and internal errors, which no other model can fix.
 */
export function shouldFallBack(error: unknown): boolean {
  if (error instanceof OrchError) return FALLBACK_CATEGORIES.has(error.category);
  return isRetryableError(error);
}
