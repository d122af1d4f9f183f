import { z } from 'zod';
import { breakerStateSchema } from './breaker-state.js';

/** One change of a circuit breaker's state. */
export const breakerTransitionSchema = z.object({
  key: z.string().min(1),
  from: breakerStateSchema,
  to: breakerStateSchema,
  /** Wall-clock epoch ms. */
  atMs: z.number().int().min(0),
});

export type BreakerTransition = z.infer<typeof breakerTransitionSchema>;

/** What recovery did so far, JSON-serialisable (for run summaries and reports). */
export const recoveryStatsSchema = z.object({
  /** Times an operation was invoked (first attempts and retries). */
  attempts: z.number().int().min(0),
  /** Retries scheduled after a retryable failure. */
  retries: z.number().int().min(0),
  /** Attempts aborted by the call timeout. */
  timeouts: z.number().int().min(0),
  /** Sum of the scheduled backoff / Retry-After waits, in ms. */
  totalWaitMs: z.number().min(0),
  /** Calls refused by an open circuit breaker without being made. */
  rejections: z.number().int().min(0),
  /** Moves to the next candidate of a fallback chain. */
  fallbacks: z.number().int().min(0),
  /** Required calls that finally failed. */
  escalations: z.number().int().min(0),
  breakerTransitions: z.array(breakerTransitionSchema),
});

export type RecoveryStats = z.infer<typeof recoveryStatsSchema>;
