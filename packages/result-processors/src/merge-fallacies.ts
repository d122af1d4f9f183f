import type { Fallacy } from '@orch/core';
import { keepBest } from './internal/keep-best.js';
import { normaliseText } from './internal/normalise-text.js';

/**
 * Merges fallacy lists (e.g. heuristic cues and a model's findings): one entry per type and
 * normalised quote, the most confident one kept, sorted by confidence descending.
 */
export function mergeFallacies(...lists: readonly (readonly Fallacy[])[]): Fallacy[] {
  return keepBest(
    lists.flat(),
    (fallacy) => `${fallacy.type}\u0000${normaliseText(fallacy.quote)}`,
    (fallacy) => fallacy.confidence,
  );
}
