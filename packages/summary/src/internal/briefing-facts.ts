import type {
  Claim,
  Content,
  FactCheck,
  Fallacy,
  FallacyType,
  StageId,
  StageOutputMap,
  ThreatLevel,
  Verdict,
} from '@orch/core';

/** Planned stages that are plumbing, not analysis: they never count towards completeness. */
export const NON_ANALYSIS_STAGES: ReadonlySet<StageId> = new Set<StageId>([
  'acquire',
  'transcribe',
  'quality-gate',
  'briefing',
  'memory-write',
]);

/** Verdicts in the order a reader needs them: the worst first. */
export const VERDICT_ORDER: readonly Verdict[] = [
  'refuted',
  'misleading',
  'unverifiable',
  'supported',
];

export interface FallacyGroup {
  readonly type: FallacyType;
  /** The most confident instance of the type. */
  readonly example: Fallacy;
  readonly count: number;
}

export interface ThreatFacts {
  readonly level: ThreatLevel;
  /** Where the level came from: the threat stage or the deception formula. */
  readonly source: 'threat' | 'deception';
  readonly reason: string;
}

/** What the briefing rules read, derived once from the stage outputs. */
export interface BriefingFacts {
  readonly content: Content;
  readonly outputs: Readonly<Partial<StageOutputMap>>;
  /** Claims by check-worthiness, most check-worthy first. */
  readonly claims: readonly Claim[] | undefined;
  readonly checks: readonly FactCheck[] | undefined;
  readonly verdictCounts: ReadonlyMap<Verdict, number>;
  readonly fallacies: readonly Fallacy[] | undefined;
  /** Distinct fallacy types, the most frequent (then most confident) first. */
  readonly fallacyGroups: readonly FallacyGroup[];
  readonly threat: ThreatFacts | undefined;
  readonly analysisStages: readonly StageId[];
  readonly missingStages: readonly StageId[];
}

function groupFallacies(fallacies: readonly Fallacy[]): FallacyGroup[] {
  const groups = new Map<FallacyType, { example: Fallacy; count: number; order: number }>();
  for (const fallacy of fallacies) {
    const group = groups.get(fallacy.type);
    if (!group) {
      groups.set(fallacy.type, { example: fallacy, count: 1, order: groups.size });
    } else {
      group.count += 1;
      if (fallacy.confidence > group.example.confidence) group.example = fallacy;
    }
  }
  return [...groups.entries()]
    .sort(
      ([, left], [, right]) =>
        right.count - left.count ||
        right.example.confidence - left.example.confidence ||
        left.order - right.order,
    )
    .map(([type, group]) => ({ type, example: group.example, count: group.count }));
}

function threatOf(outputs: Readonly<Partial<StageOutputMap>>): ThreatFacts | undefined {
  const { threat, deception } = outputs;
  if (threat) {
    const indicators = threat.manipulationIndicators.map((indicator) => indicator.type);
    return {
      level: threat.level,
      source: 'threat',
      reason:
        indicators.length > 0
          ? `manipulation indicators: ${[...new Set(indicators)].join(', ')}`
          : `threat score ${threat.score.toFixed(2)} with no manipulation indicators`,
    };
  }
  if (deception) {
    return { level: deception.threat.level, source: 'deception', reason: deception.threat.reason };
  }
  return undefined;
}

export function collectFacts(
  content: Content,
  outputs: Readonly<Partial<StageOutputMap>>,
  plannedStages: readonly StageId[],
): BriefingFacts {
  const claims = outputs.claims
    ? [...outputs.claims.claims].sort((left, right) => right.checkWorthiness - left.checkWorthiness)
    : undefined;
  const checks = outputs['fact-check']?.checks;
  const verdictCounts = new Map<Verdict, number>();
  for (const check of checks ?? []) {
    verdictCounts.set(check.verdict, (verdictCounts.get(check.verdict) ?? 0) + 1);
  }
  const fallacies = outputs.fallacies?.fallacies;
  const analysisStages = [...new Set(plannedStages)].filter(
    (stage) => !NON_ANALYSIS_STAGES.has(stage),
  );
  return {
    content,
    outputs,
    claims,
    checks,
    verdictCounts,
    fallacies,
    fallacyGroups: groupFallacies(fallacies ?? []),
    threat: threatOf(outputs),
    analysisStages,
    missingStages: analysisStages.filter((stage) => outputs[stage] === undefined),
  };
}

/** "2 refuted, 1 supported", worst verdicts first; empty when there are no checks. */
export function verdictBreakdown(counts: ReadonlyMap<Verdict, number>): string {
  return VERDICT_ORDER.filter((verdict) => (counts.get(verdict) ?? 0) > 0)
    .map((verdict) => `${counts.get(verdict)} ${verdict}`)
    .join(', ');
}

/** "Fallacy cues" for heuristic detection, "Fallacies" for a model's judgement. */
export function fallacyNoun(facts: BriefingFacts): { plural: string; singular: string } {
  return facts.outputs.fallacies?.method === 'heuristic'
    ? { plural: 'fallacy cues', singular: 'fallacy cue' }
    : { plural: 'fallacies', singular: 'fallacy' };
}
