import type { BriefingOutput, Content, StageId, StageOutputMap } from '@orch/core';
import { intelligenceGrade } from './intelligence-grade.js';
import { briefingConfidence } from './internal/briefing-confidence.js';
import { collectFacts } from './internal/briefing-facts.js';
import { executiveSummary } from './internal/executive-summary.js';
import { keyFindings } from './internal/key-findings.js';
import { recommendations } from './internal/recommendations.js';

export interface BriefingInput {
  /** The analysed content (the transcript for media). */
  readonly content: Content;
  /** The validated outputs of the stages that ran before the briefing. */
  readonly outputs: Readonly<Partial<StageOutputMap>>;
  /** Every stage in the run's plan, skipped ones included. */
  readonly plannedStages: readonly StageId[];
}

/**
 * The intelligence briefing, built by rules from the structured stage outputs (no model):
 * an executive summary, key findings, recommendations, confidence and an A-D grade.
 */
export function buildBriefing(input: BriefingInput): BriefingOutput {
  const facts = collectFacts(input.content, input.outputs, input.plannedStages);
  return {
    method: 'heuristic',
    executiveSummary: executiveSummary(facts),
    keyFindings: keyFindings(facts),
    recommendations: recommendations(facts),
    confidence: briefingConfidence(facts),
    grade: intelligenceGrade({
      hasThreatAssessment: facts.threat !== undefined,
      hasFactChecks: (facts.checks?.length ?? 0) > 0,
      hasTranscript: input.content.text.trim() !== '',
    }),
  };
}
