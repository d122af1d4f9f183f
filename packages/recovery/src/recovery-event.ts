import type { BreakerState } from './breaker-state.js';

interface CallFacts {
  /** The breaker key of the call, e.g. "api.openai.com/gpt-4o-mini". */
  key: string;
  /** The stage of the call, when given. */
  stage?: string;
  /** A sentence for logs and progress output. */
  message: string;
}

/** A retryable failure; the next attempt runs after `delayMs`. */
export interface RetryEvent extends CallFacts {
  type: 'retry';
  /** The attempt that failed (1 = the first). */
  attempt: number;
  /** The scheduled wait: max(backoff, Retry-After). */
  delayMs: number;
  /** What the failure asked for, when it said. */
  retryAfterMs?: number;
  /** Code of the failure. */
  code: string;
}

/** An attempt ran over the call timeout; its signal was fired. */
export interface TimeoutEvent extends CallFacts {
  type: 'timeout';
  attempt: number;
  timeoutMs: number;
}

/** The circuit breaker of `key` changed state during a call. */
export interface BreakerEvent extends CallFacts {
  type: 'breaker';
  from: BreakerState;
  to: BreakerState;
  /** Wall-clock epoch ms. */
  atMs: number;
}

/** A call was refused by an open circuit breaker without being made. */
export interface RejectedEvent extends CallFacts {
  type: 'rejected';
  /** Wall-clock epoch ms from which a trial call may run. */
  retryAtMs: number;
}

/** A fallback chain moved from candidate `key` to candidate `to`. */
export interface FallbackEvent extends CallFacts {
  type: 'fallback';
  to: string;
  /** Code of the failure that made `key` give up. */
  code: string;
}

/** A required call finally failed: somebody must act (the run fails or degrades). */
export interface EscalateEvent extends CallFacts {
  type: 'escalate';
  /** Code of the final failure (the one rethrown). */
  code: string;
  /** Every key that was tried, in order. */
  keys: string[];
}

/** Everything recovery reports through `onEvent`. */
export type RecoveryEvent =
  | RetryEvent
  | TimeoutEvent
  | BreakerEvent
  | RejectedEvent
  | FallbackEvent
  | EscalateEvent;
