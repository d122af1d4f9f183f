import { requireNumber } from './internal/numbers.js';

export interface EvidenceVerdict {
  /** `unverifiable` for the predecessor's "uncertain", `misleading` for "needs context". */
  readonly verdict: 'unverifiable' | 'misleading';
  readonly confidence: number;
  /** The predecessor's label, kept for display. */
  readonly label: 'uncertain' | 'needs context';
}

/**
 * A provisional verdict when only the amount of evidence is known (no model judged the claim):
 * 0 items -> uncertain 0.3; 1-2 -> uncertain 0.4; 3 or more -> needs context 0.6.
 * "uncertain" maps to the core verdict `unverifiable`, "needs context" to `misleading`.
 */
export function verdictFromEvidence(evidenceCount: number): EvidenceVerdict {
  const count = requireNumber(evidenceCount, 'evidenceCount', { minimum: 0, integer: true });
  if (count === 0) return { verdict: 'unverifiable', confidence: 0.3, label: 'uncertain' };
  if (count <= 2) return { verdict: 'unverifiable', confidence: 0.4, label: 'uncertain' };
  return { verdict: 'misleading', confidence: 0.6, label: 'needs context' };
}
