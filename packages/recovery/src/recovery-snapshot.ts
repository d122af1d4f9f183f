import { z } from 'zod';
import { breakerStateSchema } from './breaker-state.js';

/** The saved state of one circuit breaker. */
export const breakerSnapshotSchema = z
  .object({
    state: breakerStateSchema,
    /** For an open breaker: wall-clock time (epoch ms) from which a trial call may run. */
    retryAtMs: z.number().int().min(0).optional(),
    /** Failures in a row counted towards `consecutiveFailures`. */
    consecutiveFailures: z.number().int().min(0),
    /** Outcomes of the most recent calls, oldest first: `s` success, `f` failure. */
    recentOutcomes: z.string().regex(/^[sf]*$/),
    /** For a half-open breaker: successful trial calls so far. */
    trialSuccesses: z.number().int().min(0).optional(),
  })
  .refine((breaker) => breaker.state !== 'open' || breaker.retryAtMs !== undefined, {
    message: 'an open breaker needs retryAtMs',
    path: ['retryAtMs'],
  });

export type BreakerSnapshot = z.infer<typeof breakerSnapshotSchema>;

/**
 * Every circuit breaker of a Recovery, JSON-serialisable, to store in a run checkpoint and pass
 * back as `createRecovery({ snapshot })` so a resumed run does not call a dead provider again.
 * Times are wall-clock epoch milliseconds, so they survive a process restart.
 */
export const recoverySnapshotSchema = z.object({
  version: z.literal(1),
  savedAtMs: z.number().int().min(0),
  breakers: z.record(z.string().min(1), breakerSnapshotSchema),
});

export type RecoverySnapshot = z.infer<typeof recoverySnapshotSchema>;
