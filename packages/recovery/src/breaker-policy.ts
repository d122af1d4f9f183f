import { z } from 'zod';

/** When the circuit breaker of one provider + model opens, half-opens and closes again. */
export interface BreakerPolicy {
  /** Opens after this many failures in a row. */
  consecutiveFailures: number;
  /** Opens when the share of failed calls in the window reaches this (0..1)... */
  failureRate: number;
  /** ...once the window holds at least this many calls. */
  minimumCalls: number;
  /** How many of the most recent calls the failure rate is computed over. */
  windowCalls: number;
  /** How long an open breaker refuses calls before it lets trial calls through. */
  halfOpenAfterMs: number;
  /** Successful trial calls needed to close a half-open breaker; any failing trial reopens it. */
  closeAfterSuccesses: number;
}

/**
 * The predecessor's thresholds: open after 5 consecutive failures or a failure rate of 0.5 over
 * at least 10 of the last 100 calls; half-open after 60 s; close after 3 successful trials.
 */
export const DEFAULT_BREAKER_POLICY: Readonly<BreakerPolicy> = Object.freeze({
  consecutiveFailures: 5,
  failureRate: 0.5,
  minimumCalls: 10,
  windowCalls: 100,
  halfOpenAfterMs: 60_000,
  closeAfterSuccesses: 3,
});

/** Validates a partial BreakerPolicy (an override). */
export const breakerPolicySchema = z
  .object({
    consecutiveFailures: z.number().int().min(1),
    failureRate: z.number().gt(0).max(1),
    minimumCalls: z.number().int().min(1),
    windowCalls: z.number().int().min(1).max(10_000),
    halfOpenAfterMs: z.number().min(0).max(2_147_483_647),
    closeAfterSuccesses: z.number().int().min(1),
  })
  .partial()
  .strict();
