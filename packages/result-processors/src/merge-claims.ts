import type { Claim } from '@orch/core';
import { keepBest } from './internal/keep-best.js';
import { normaliseText } from './internal/normalise-text.js';

/**
 * Merges claim lists: one entry per normalised claim text, the most check-worthy one kept
 * (with its own id, so fact checks that reference it still match), sorted by
 * check-worthiness descending.
 */
export function mergeClaims(...lists: readonly (readonly Claim[])[]): Claim[] {
  return keepBest(
    lists.flat(),
    (claim) => normaliseText(claim.text),
    (claim) => claim.checkWorthiness,
  );
}
