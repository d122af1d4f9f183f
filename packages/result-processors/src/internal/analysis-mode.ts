import type { IntelligenceReport, Method, ReportSectionKey, StageId, StepResult } from '@orch/core';

/** Sections made the same way in every mode (a gate, the rule-based briefing, storage). */
const SUPPORT_SECTIONS: ReadonlySet<ReportSectionKey> = new Set<ReportSectionKey>([
  'quality',
  'briefing',
  'memory',
]);

const SECTION_NAMES: Readonly<Record<ReportSectionKey, string>> = {
  quality: 'quality gate',
  summary: 'summary',
  claims: 'claims',
  sentiment: 'sentiment',
  factChecks: 'fact checks',
  fallacies: 'fallacies',
  deception: 'deception score',
  perspectives: 'perspectives',
  threat: 'threat assessment',
  knowledgeGraph: 'knowledge graph',
  crossReference: 'cross-reference',
  memory: 'memory',
  speakerProfile: 'speaker profile',
  secondOpinion: 'second opinion',
  briefing: 'briefing',
};

export const OFFLINE_UNCHECKED_NOTICE =
  'Analysed offline with heuristics: no language model was configured, so claims are listed as check-worthy but not fact-checked.';
export const OFFLINE_NOTICE =
  'Analysed offline with heuristics and formulas: no language model was used.';

/**
 * offline: no section was made by a model. llm: every analysis section that is not a
 * formula was made by a model (the quality gate, the briefing and the memory write are
 * ignored unless a model made them). mixed: anything else.
 */
export function analysisOf(
  sections: ReadonlyMap<ReportSectionKey, Method>,
  results: ReadonlyMap<StageId, StepResult<unknown>>,
  degradedStages: readonly StageId[] = [],
): IntelligenceReport['analysis'] {
  const methods = [...sections.values()];
  if (!methods.includes('llm') && degradedStages.length > 0) {
    return {
      mode: 'offline',
      notice: `Analysed with offline heuristics: a language model was configured, but its stages failed or could not be afforded (${degradedStages.join(', ')}), so the heuristics stood in for them. See the warnings.`,
    };
  }
  if (!methods.includes('llm')) {
    const factCheck = results.get('fact-check');
    return {
      mode: 'offline',
      notice: factCheck?.status === 'skip' ? OFFLINE_UNCHECKED_NOTICE : OFFLINE_NOTICE,
    };
  }
  const heuristic = [...sections.entries()]
    .filter(([key, method]) => method === 'heuristic' && !SUPPORT_SECTIONS.has(key))
    .map(([key]) => SECTION_NAMES[key]);
  if (heuristic.length === 0) return { mode: 'llm' };
  return {
    mode: 'mixed',
    notice: `Partly analysed with a language model: ${heuristic.join(', ')} came from offline heuristics.`,
  };
}
