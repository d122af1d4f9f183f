import type { Grade } from '@orch/core';

export interface IntelligenceGradeInput {
  /** A threat level exists (from the threat stage or the deception formula). */
  readonly hasThreatAssessment: boolean;
  /** At least one fact check exists. */
  readonly hasFactChecks: boolean;
  /** The content has text (a transcript or the article's text). */
  readonly hasTranscript: boolean;
}

/**
 * The grade of the evidence behind a briefing: A with a threat assessment, fact checks and a
 * transcript; B with any two; C with only a transcript; else D. Depth never raises it.
 */
export function intelligenceGrade(input: IntelligenceGradeInput): Grade {
  const present = [input.hasThreatAssessment, input.hasFactChecks, input.hasTranscript].filter(
    Boolean,
  ).length;
  if (present === 3) return 'A';
  if (present === 2) return 'B';
  if (present === 1 && input.hasTranscript) return 'C';
  return 'D';
}
