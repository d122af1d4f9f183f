import { isStageId, type RunEventBody } from '@orch/core';
import type { RecoveryEvent } from '@orch/recovery';

const ACTIONS = {
  retry: 'retry',
  fallback: 'fallback',
  escalate: 'escalate',
} as const;

/**
 * The core `recovery` RunEvent for a RecoveryEvent of a stage's model call; undefined for events
 * without a stage (breaker changes are shared by every stage of a model) and for timeouts and
 * rejections, which the retry or the failure that follows already reports.
 */
export function toRecoveryRunEvent(event: RecoveryEvent): RunEventBody | undefined {
  if (event.stage === undefined || !isStageId(event.stage)) return undefined;
  if (event.type === 'breaker') return undefined;
  if (event.type !== 'retry' && event.type !== 'fallback' && event.type !== 'escalate') {
    return undefined;
  }
  return {
    type: 'recovery',
    stage: event.stage,
    action: ACTIONS[event.type],
    message: event.message,
    ...(event.type === 'retry' ? { attempt: event.attempt, delayMs: event.delayMs } : {}),
  };
}
