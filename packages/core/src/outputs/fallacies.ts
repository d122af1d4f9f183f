import { z } from 'zod';
import { provenanceShape, spanSchema, unitSchema } from '../primitives.js';

/** The fixed fallacy taxonomy every detector (heuristic or model) must use. */
export const FALLACY_TYPES = [
  'ad-hominem',
  'straw-man',
  'false-dilemma',
  'slippery-slope',
  'appeal-to-authority',
  'appeal-to-emotion',
  'appeal-to-popularity',
  'hasty-generalization',
  'false-cause',
  'red-herring',
  'circular-reasoning',
  'tu-quoque',
  'loaded-question',
  'no-true-scotsman',
] as const;
export const fallacyTypeSchema = z.enum(FALLACY_TYPES);
export type FallacyType = z.infer<typeof fallacyTypeSchema>;

export const fallacySchema = z.object({
  type: fallacyTypeSchema,
  /** The exact words of the source that show the fallacy. */
  quote: z.string().min(1),
  explanation: z.string().min(1),
  confidence: unitSchema,
  span: spanSchema.optional(),
  startSeconds: z.number().min(0).optional(),
});
export type Fallacy = z.infer<typeof fallacySchema>;

export const fallaciesOutputSchema = z.object({
  ...provenanceShape,
  fallacies: z.array(fallacySchema),
});
export type FallaciesOutput = z.infer<typeof fallaciesOutputSchema>;
