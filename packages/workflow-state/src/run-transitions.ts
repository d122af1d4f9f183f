import type { RunStatus } from './run-record.js';
import { StateTransitionError } from './state-transition-error.js';

/**
 * The run state machine: the statuses each status may move to. `failed` and `cancelled` runs
 * may be resumed (back to `running`); `completed` is final.
 */
export const RUN_TRANSITIONS: Readonly<Record<RunStatus, readonly RunStatus[]>> = Object.freeze({
  pending: Object.freeze(['running', 'cancelled'] as const),
  running: Object.freeze(['paused', 'completed', 'failed', 'cancelled'] as const),
  paused: Object.freeze(['running', 'cancelled'] as const),
  completed: Object.freeze([] as const),
  failed: Object.freeze(['running'] as const),
  cancelled: Object.freeze(['running'] as const),
});

/** Whether a run may move from `from` to `to`. */
export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

/** Throws `StateTransitionError` (`ILLEGAL_RUN_TRANSITION`) unless `from -> to` is legal. */
export function assertTransition(from: RunStatus, to: RunStatus, runId?: string): void {
  if (!canTransition(from, to)) {
    throw new StateTransitionError(from, to, RUN_TRANSITIONS[from], runId);
  }
}
