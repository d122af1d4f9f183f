import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';
import { verdictSchema } from './fact-check.js';

export const RISK_LABELS = ['low', 'moderate', 'high'] as const;
export const riskLabelSchema = z.enum(RISK_LABELS);

export const THREAT_LEVELS = ['low', 'medium', 'high'] as const;
export const threatLevelSchema = z.enum(THREAT_LEVELS);
export type ThreatLevel = z.infer<typeof threatLevelSchema>;

export const threatAssessmentSchema = z.object({
  level: threatLevelSchema,
  /** Which rule decided the level, in words. */
  reason: z.string().min(1),
});
export type ThreatAssessment = z.infer<typeof threatAssessmentSchema>;

export const deceptionOutputSchema = z.object({
  ...provenanceShape,
  score: unitSchema,
  label: riskLabelSchema,
  components: z.object({
    /** Weighted fact-check score; null when there were no fact checks to weigh. */
    factCheckScore: unitSchema.nullable(),
    fallacyContribution: unitSchema,
    factChecksUsed: z.number().int().min(0),
    distinctFallacyTypes: z.number().int().min(0),
  }),
  topContributors: z.array(
    z.object({ claim: z.string().min(1), verdict: verdictSchema, contribution: unitSchema }),
  ),
  linguisticCues: z.object({
    hedges: z.number().int().min(0),
    absolutes: z.number().int().min(0),
    /** Cues per 100 words. */
    hedgeRate: z.number().min(0),
    absoluteRate: z.number().min(0),
    examples: z.array(z.string().min(1)),
  }),
  threat: threatAssessmentSchema,
  /** What the score rests on, in words (e.g. "fallacy cues only; no fact checks"). */
  basis: z.string().min(1),
});
export type DeceptionOutput = z.infer<typeof deceptionOutputSchema>;
