import type { BriefingFacts } from './briefing-facts.js';

function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((total, value) => total + value, 0) / values.length;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * overall: the mean of the available evidence confidences, each source counted once: the mean
 * fact-check confidence, the mean fallacy confidence and the quality-gate score. With neither
 * fact checks nor fallacies it is the quality score alone; with none of the three it is 0.
 * dataCompleteness: the share of planned analysis stages (not acquire, transcribe,
 * quality-gate, briefing, memory-write) that produced output; 0 when none was planned.
 */
export function briefingConfidence(facts: BriefingFacts): {
  overall: number;
  dataCompleteness: number;
} {
  const sources = [
    mean((facts.checks ?? []).map((check) => check.confidence)),
    mean((facts.fallacies ?? []).map((fallacy) => fallacy.confidence)),
    facts.outputs['quality-gate']?.score,
  ].filter((value): value is number => value !== undefined);
  const overall = mean(sources) ?? 0;
  const planned = facts.analysisStages.length;
  const dataCompleteness = planned === 0 ? 0 : (planned - facts.missingStages.length) / planned;
  return { overall: round(overall), dataCompleteness: round(dataCompleteness) };
}
