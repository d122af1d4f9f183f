import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

/** Whether the content is good enough for the expensive stages, and why. */
export const qualityGateOutputSchema = z.object({
  ...provenanceShape,
  score: unitSchema,
  passed: z.boolean(),
  /** Each early-exit rule that fired, in words. Empty when passed. */
  reasons: z.array(z.string()),
  language: z.object({ code: z.string().min(2), confidence: unitSchema }),
  metrics: z.object({
    wordCount: z.number().int().min(0),
    characterCount: z.number().int().min(0),
    uniqueWordRatio: unitSchema,
    repetitionRatio: unitSchema,
    averageWordLength: z.number().min(0),
  }),
});
export type QualityGateOutput = z.infer<typeof qualityGateOutputSchema>;
