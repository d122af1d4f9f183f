import type { ThreatAssessment } from '@orch/core';
import { countOf, formatNumber, requireNumber } from './internal/numbers.js';

export interface ThreatLevelInput {
  /** The deception score, 0 to 1. */
  readonly deceptionScore: number;
  /** How many fallacies were found (every instance, not distinct types). */
  readonly fallacyCount: number;
}

/** Deception above this, or more fallacies than `HIGH_FALLACIES`, is a high threat. */
export const THREAT_HIGH_DECEPTION = 0.7;
export const THREAT_HIGH_FALLACIES = 5;
/** Deception above this, or more fallacies than `MEDIUM_FALLACIES`, is a medium threat. */
export const THREAT_MEDIUM_DECEPTION = 0.4;
export const THREAT_MEDIUM_FALLACIES = 2;

function fallacies(count: number): string {
  return countOf(count, 'fallacy', 'fallacies');
}

/**
 * The predecessor's threat rule: high if deception > 0.7 or fallacies > 5; medium if
 * deception > 0.4 or fallacies > 2; else low. `reason` names the rule that fired, with numbers.
 */
export function assessThreatLevel(input: ThreatLevelInput): ThreatAssessment {
  const score = requireNumber(input.deceptionScore, 'deceptionScore', { minimum: 0, maximum: 1 });
  const count = requireNumber(input.fallacyCount, 'fallacyCount', { minimum: 0, integer: true });

  const rules = [
    { level: 'high', deception: THREAT_HIGH_DECEPTION, fallacyLimit: THREAT_HIGH_FALLACIES },
    { level: 'medium', deception: THREAT_MEDIUM_DECEPTION, fallacyLimit: THREAT_MEDIUM_FALLACIES },
  ] as const;
  for (const rule of rules) {
    const fired: string[] = [];
    if (score > rule.deception) {
      fired.push(
        `deception score ${formatNumber(score, rule.deception)} is above ${rule.deception}`,
      );
    }
    if (count > rule.fallacyLimit) {
      fired.push(`${fallacies(count)} found, more than ${rule.fallacyLimit}`);
    }
    if (fired.length > 0) return { level: rule.level, reason: fired.join(' and ') };
  }
  return {
    level: 'low',
    reason: `deception score ${formatNumber(score, THREAT_MEDIUM_DECEPTION)} is at most ${THREAT_MEDIUM_DECEPTION} and ${fallacies(count)} found, at most ${THREAT_MEDIUM_FALLACIES}`,
  };
}
