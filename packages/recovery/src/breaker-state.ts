import { z } from 'zod';

/** The states a circuit breaker reports. */
export const BREAKER_STATES = ['closed', 'open', 'half-open'] as const;

export const breakerStateSchema = z.enum(BREAKER_STATES);

/**
 * `closed`: calls run. `open`: calls are refused with CIRCUIT_OPEN. `half-open`: the open
 * period is over and trial calls run; enough successes close it, one failure reopens it.
 */
export type BreakerState = z.infer<typeof breakerStateSchema>;
