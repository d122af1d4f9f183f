import { requireNumber, roundScore } from './internal/numbers.js';

export const TRUST_BANDS = [
  'high',
  'trusted',
  'neutral',
  'questionable',
  'untrusted',
  'unknown',
] as const;
export type TrustBand = (typeof TRUST_BANDS)[number];

export interface SpeakerTrustInput {
  /** Claims by the speaker that checked out (supported). */
  readonly truths: number;
  /** Claims by the speaker that did not (refuted). */
  readonly lies: number;
}

export interface SpeakerTrust {
  /** truths / (truths + lies); null when there is no record yet. */
  readonly score: number | null;
  readonly band: TrustBand;
}

/**
 * Trust in a speaker from their record: truths / (truths + lies), banded at >= 0.8 high,
 * >= 0.6 trusted, >= 0.4 neutral, >= 0.2 questionable, else untrusted; no record -> unknown.
 */
export function speakerTrust(input: SpeakerTrustInput): SpeakerTrust {
  const truths = requireNumber(input.truths, 'truths', { minimum: 0 });
  const lies = requireNumber(input.lies, 'lies', { minimum: 0 });
  const total = truths + lies;
  if (total === 0) return { score: null, band: 'unknown' };
  const score = roundScore(truths / total);
  let band: TrustBand = 'untrusted';
  if (score >= 0.8) band = 'high';
  else if (score >= 0.6) band = 'trusted';
  else if (score >= 0.4) band = 'neutral';
  else if (score >= 0.2) band = 'questionable';
  return { score, band };
}
