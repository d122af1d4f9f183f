import { z } from 'zod';

/** How one call is retried and timed out. Every field is in milliseconds except `maxAttempts`. */
export interface RecoveryPolicy {
  /** Each attempt is aborted (its signal fires) after this long. */
  timeoutMs: number;
  /** Attempts in total, the first one included (1 means no retry). */
  maxAttempts: number;
  /** Scale of the first backoff wait; later waits grow exponentially with decorrelated jitter. */
  initialDelayMs: number;
  /** Longest backoff wait. A Retry-After above it is still honoured, up to `maxRetryAfterMs`. */
  maxDelayMs: number;
  /** Longest Retry-After that is honoured; a failure asking for a longer wait is not retried. */
  maxRetryAfterMs: number;
}

/** The predecessor's defaults: 3 attempts, 0.5 s exponential backoff with jitter, 30 s call timeout. */
export const DEFAULT_RECOVERY_POLICY: Readonly<RecoveryPolicy> = Object.freeze({
  timeoutMs: 30_000,
  maxAttempts: 3,
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
});

/** Longest delay a Node.js timer accepts (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/** Validates a partial RecoveryPolicy (an override). */
export const recoveryPolicySchema = z
  .object({
    timeoutMs: z.number().int().min(1).max(MAX_TIMER_MS),
    maxAttempts: z.number().int().min(1).max(100),
    initialDelayMs: z.number().min(0).max(MAX_TIMER_MS),
    maxDelayMs: z.number().min(0).max(MAX_TIMER_MS),
    maxRetryAfterMs: z.number().min(0).max(MAX_TIMER_MS),
  })
  .partial()
  .strict();
