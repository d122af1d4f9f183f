import { CancelledError, InputError, OrchError, ValidationError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { CallTimeoutError } from './call-timeout-error.js';
import { CircuitOpenError } from './circuit-open-error.js';
import { isRetryableError, shouldFallBack } from './classify-error.js';

function provider(code: string, status: number, retryable: boolean): OrchError {
  return new OrchError(code, 'provider failure', {
    category: 'provider',
    retryable,
    details: { status },
  });
}

function withStatus(status: number): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status });
}

describe('isRetryableError', () => {
  it.each([
    ['rate limit (429)', provider('PROVIDER_RATE_LIMITED', 429, true)],
    ['outage (503)', provider('PROVIDER_UNAVAILABLE', 503, true)],
    ['request timeout (408)', provider('PROVIDER_TIMEOUT', 408, true)],
    ['conflict (409)', provider('PROVIDER_CONFLICT', 409, true)],
    ['malformed output', new ValidationError('LLM_OUTPUT_MALFORMED', 'x', { retryable: true })],
    ['call timeout', new CallTimeoutError({ key: 'k', timeoutMs: 5, attempt: 1 })],
    ['a plain HTTP 502 error', withStatus(502)],
    ['a plain HTTP 429 error', withStatus(429)],
    ['ECONNRESET', Object.assign(new Error('reset'), { code: 'ECONNRESET' })],
    [
      'undici "fetch failed" with a socket cause',
      new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }),
    ],
  ])('retries %s', (_label, error) => {
    expect(isRetryableError(error)).toBe(true);
  });

  it.each([
    ['bad request (400)', provider('PROVIDER_BAD_REQUEST', 400, false)],
    ['auth failure (401)', provider('PROVIDER_AUTH_FAILED', 401, false)],
    ['quota exhausted (429, not retryable)', provider('PROVIDER_QUOTA_EXCEEDED', 429, false)],
    ['a 403 wrongly flagged retryable', provider('PROVIDER_AUTH_FAILED', 403, true)],
    ['budget', new OrchError('BUDGET_EXCEEDED', 'x', { category: 'budget', retryable: true })],
    ['cancellation', new CancelledError()],
    ['bad input', new InputError('FILE_NOT_FOUND', 'x')],
    ['invalid output after repair', new ValidationError('LLM_OUTPUT_INVALID', 'x')],
    ['an open circuit', new CircuitOpenError({ key: 'k', retryAtMs: 0 })],
    ['a plain HTTP 404 error', withStatus(404)],
    ['an AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' })],
    ['a programming error', new TypeError('x is not a function')],
    ['a thrown string', 'boom'],
  ])('does not retry %s', (_label, error) => {
    expect(isRetryableError(error)).toBe(false);
  });
});

describe('shouldFallBack', () => {
  it.each([
    ['auth failure', provider('PROVIDER_AUTH_FAILED', 401, false), true],
    ['bad request', provider('PROVIDER_BAD_REQUEST', 400, false), true],
    ['open circuit', new CircuitOpenError({ key: 'k', retryAtMs: 0 }), true],
    ['call timeout', new CallTimeoutError({ key: 'k', timeoutMs: 5, attempt: 1 }), true],
    ['invalid output', new ValidationError('LLM_OUTPUT_INVALID', 'x'), true],
    ['network failure', Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), true],
    ['budget', new OrchError('BUDGET_EXCEEDED', 'x', { category: 'budget' }), false],
    ['cancellation', new CancelledError(), false],
    ['bad input', new InputError('EMPTY_FILE', 'x'), false],
    ['internal bug', new TypeError('x is not a function'), false],
  ])('%s -> %s', (_label, error, expected) => {
    expect(shouldFallBack(error)).toBe(expected);
  });
});
