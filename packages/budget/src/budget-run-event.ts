import { isStageId, type RunEventBody } from '@orch/core';
import type { BudgetEvent } from './budget-event.js';

/**
 * The core `budget` RunEvent (without runId and at) for a BudgetEvent, so delivery surfaces can
 * show it; undefined for the events core has no kind for (`released`, `price-unknown`). The
 * stage is kept only when it is a core StageId.
 */
export function toBudgetRunEvent(event: BudgetEvent): RunEventBody | undefined {
  switch (event.type) {
    case 'reserved':
    case 'reconciled':
    case 'exhausted':
      return {
        type: 'budget',
        kind: event.type,
        ...(isStageId(event.stage) ? { stage: event.stage } : {}),
        spentUsd: event.spentUsd,
        capUsd: event.capUsd,
      };
    case 'threshold':
      return {
        type: 'budget',
        kind: 'threshold',
        spentUsd: event.spentUsd,
        capUsd: event.capUsd,
        thresholdPercent: event.thresholdPercent,
      };
    default:
      return undefined;
  }
}
