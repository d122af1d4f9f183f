import { clamp, requireNumber, roundScore } from './internal/numbers.js';

export const QUALITY_TRENDS = ['improving', 'stable', 'declining'] as const;
export type QualityTrend = (typeof QUALITY_TRENDS)[number];

export interface QualityDimensionsInput {
  /** Fact checks with a supporting verdict. */
  readonly verified: number;
  /** Fact checks with a refuted or misleading verdict. */
  readonly disputed: number;
  readonly fallacyCount: number;
  /** Bias indicators (e.g. from the perspectives stage). */
  readonly biasIndicators: number;
  /** Sentiment score from -1 to 1; strong sentiment either way counts as skew. */
  readonly sentimentScore: number;
}

export interface QualityDimensions {
  readonly factualAccuracy: number;
  readonly logicalConsistency: number;
  readonly bias: number;
  /** The mean of the three dimensions. */
  readonly overall: number;
  readonly trend: QualityTrend;
}

/**
 * Content quality along three dimensions (each 0 to 1, higher is better):
 * factual accuracy 0.3 + 0.5 x verified / (verified + disputed) (0.3 with no checks);
 * logical consistency 0.6 - min(0.4, 0.1 x fallacies);
 * bias 0.7 - min(0.5, 0.1 x indicators) - 0.2 x |sentiment|, clamped to [0, 1].
 * Trend from the overall mean: >= 0.75 improving, >= 0.5 stable, else declining.
 */
export function qualityDimensions(input: QualityDimensionsInput): QualityDimensions {
  const verified = requireNumber(input.verified, 'verified', { minimum: 0 });
  const disputed = requireNumber(input.disputed, 'disputed', { minimum: 0 });
  const fallacyCount = requireNumber(input.fallacyCount, 'fallacyCount', { minimum: 0 });
  const indicators = requireNumber(input.biasIndicators, 'biasIndicators', { minimum: 0 });
  const sentiment = requireNumber(input.sentimentScore, 'sentimentScore', {
    minimum: -1,
    maximum: 1,
  });

  const checked = verified + disputed;
  const factualAccuracy = roundScore(checked > 0 ? 0.3 + (0.5 * verified) / checked : 0.3);
  const logicalConsistency = roundScore(0.6 - Math.min(0.4, 0.1 * fallacyCount));
  const bias = roundScore(
    clamp(0.7 - Math.min(0.5, 0.1 * indicators) - 0.2 * Math.abs(sentiment), 0, 1),
  );
  const overall = roundScore((factualAccuracy + logicalConsistency + bias) / 3);
  let trend: QualityTrend = 'declining';
  if (overall >= 0.75) trend = 'improving';
  else if (overall >= 0.5) trend = 'stable';
  return { factualAccuracy, logicalConsistency, bias, overall, trend };
}
