import {
  decorrelatedJitterGenerator,
  ExponentialBackoff,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import type { RecoveryPolicy } from '../recovery-policy.js';
import { retryAfterOf } from './error-facts.js';

type RetryContext = IRetryBackoffContext<unknown>;

/**
 * Exponential backoff with decorrelated jitter (cockatiel's generator) whose every wait is
 * raised to the Retry-After of the failure that caused it, up to `maxRetryAfterMs`.
 */
export function createRetryAfterBackoff(policy: RecoveryPolicy): IBackoffFactory<RetryContext> {
  const exponential = new ExponentialBackoff({
    generator: decorrelatedJitterGenerator,
    initialDelay: policy.initialDelayMs,
    maxDelay: policy.maxDelayMs,
  });
  const step = (backoff: IBackoff<unknown>, context: RetryContext): IBackoff<RetryContext> => {
    const asked = 'error' in context.result ? retryAfterOf(context.result.error) : undefined;
    const honoured = Math.min(asked ?? 0, policy.maxRetryAfterMs);
    return {
      duration: Math.round(Math.max(backoff.duration, honoured)),
      next: (nextContext) => step(backoff.next(nextContext), nextContext),
    };
  };
  return { next: (context) => step(exponential.next(), context) };
}
