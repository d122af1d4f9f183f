import type { DeceptionOutput, FactCheck, Fallacy, Verdict } from '@orch/core';
import { clamp, countOf, requireNumber, roundScore } from './internal/numbers.js';
import { assessThreatLevel } from './threat-level.js';

export interface DeceptionScoreInput {
  /** Fact checks to weigh; absent or empty when none were made. */
  readonly checks?: readonly FactCheck[] | undefined;
  /** Fallacies (or fallacy cues) found in the content. */
  readonly fallacies?: readonly Fallacy[] | undefined;
  /** Hedges and absolutes: reported beside the score, never added to it. */
  readonly linguisticCues: DeceptionOutput['linguisticCues'];
}

/**
 * How much each verdict counts towards deception. The predecessor's labels map onto the core
 * verdicts: "false" -> refuted, "likely false" -> misleading, uncertain / needs context /
 * insufficient evidence -> unverifiable, true -> supported.
 */
export const VERDICT_DECEPTION_BASE: Readonly<Record<Verdict, number>> = Object.freeze({
  refuted: 1,
  misleading: 0.7,
  unverifiable: 0.4,
  supported: 0,
});

/** Each distinct fallacy type adds this much, up to `FALLACY_CONTRIBUTION_CAP`. */
export const FALLACY_TYPE_WEIGHT = 0.15;
export const FALLACY_CONTRIBUTION_CAP = 0.3;

/** Score thresholds of the risk labels: >= 0.7 high, >= 0.4 moderate, else low. */
export const DECEPTION_HIGH = 0.7;
export const DECEPTION_MODERATE = 0.4;

const TOP_CONTRIBUTORS = 3;

/** clamp(confidence, 0.5, 1) x sourceTrust x clamp(salience, 0.5, 1). */
function weightOf(check: FactCheck, index: number): number {
  const where = `checks[${index}]`;
  const confidence = requireNumber(check.confidence, `${where}.confidence`, {
    minimum: 0,
    maximum: 1,
  });
  // The schema defaults both to 1 ("unknown"); unparsed checks may still lack them.
  const sourceTrust = requireNumber(check.sourceTrust ?? 1, `${where}.sourceTrust`, {
    minimum: 0,
    maximum: 1,
  });
  const salience = requireNumber(check.salience ?? 1, `${where}.salience`, {
    minimum: 0,
    maximum: 1,
  });
  return clamp(confidence, 0.5, 1) * sourceTrust * clamp(salience, 0.5, 1);
}

function labelOf(score: number): DeceptionOutput['label'] {
  if (score >= DECEPTION_HIGH) return 'high';
  if (score >= DECEPTION_MODERATE) return 'moderate';
  return 'low';
}

function basisOf(checksGiven: number, checksUsed: number, distinctTypes: number): string {
  const types = countOf(distinctTypes, 'fallacy type');
  if (checksUsed > 0) {
    const checks = countOf(checksUsed, 'fact check');
    return distinctTypes > 0 ? `${checks} and ${types}` : `${checks}; no fallacy cues were found`;
  }
  const why =
    checksGiven > 0
      ? `the ${countOf(checksGiven, 'fact check')} had no weight because their source trust was 0`
      : 'no fact checks were available';
  return distinctTypes > 0
    ? `fallacy cues only: ${types} (${why})`
    : `nothing to score: no fallacy cues were found and ${why}`;
}

/**
 * The deception score, ported from the predecessor: a weighted mean of fact-check verdicts
 * plus 0.15 per distinct fallacy type (at most 0.3), clamped to [0, 1].
 */
export function scoreDeception(input: DeceptionScoreInput): DeceptionOutput {
  const checks = input.checks ?? [];
  const fallacies = input.fallacies ?? [];

  const weighed = checks.map((check, index) => {
    const weight = weightOf(check, index);
    return { check, weight, weighted: VERDICT_DECEPTION_BASE[check.verdict] * weight };
  });
  let totalWeight = 0;
  let totalWeighted = 0;
  for (const item of weighed) {
    totalWeight += item.weight;
    totalWeighted += item.weighted;
  }
  const factCheckScore =
    totalWeight > 0 ? roundScore(clamp(totalWeighted / totalWeight, 0, 1)) : null;
  const checksUsed = totalWeight > 0 ? weighed.filter((item) => item.weight > 0).length : 0;

  const distinctFallacyTypes = new Set(fallacies.map((fallacy) => fallacy.type)).size;
  const fallacyContribution = roundScore(
    Math.min(FALLACY_TYPE_WEIGHT * distinctFallacyTypes, FALLACY_CONTRIBUTION_CAP),
  );
  const score = roundScore(clamp((factCheckScore ?? 0) + fallacyContribution, 0, 1));

  const topContributors =
    totalWeight > 0
      ? weighed
          .filter((item) => item.weighted > 0)
          .sort((left, right) => right.weighted - left.weighted)
          .slice(0, TOP_CONTRIBUTORS)
          .map((item) => ({
            claim: item.check.claim,
            verdict: item.check.verdict,
            contribution: roundScore(clamp(item.weighted / totalWeight, 0, 1)),
          }))
      : [];

  return {
    method: 'formula',
    score,
    label: labelOf(score),
    components: {
      factCheckScore,
      fallacyContribution,
      factChecksUsed: checksUsed,
      distinctFallacyTypes,
    },
    topContributors,
    linguisticCues: input.linguisticCues,
    threat: assessThreatLevel({ deceptionScore: score, fallacyCount: fallacies.length }),
    basis: basisOf(checks.length, checksUsed, distinctFallacyTypes),
  };
}
