import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

export const VERDICTS = ['supported', 'refuted', 'misleading', 'unverifiable'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

export const evidenceSchema = z.object({
  quote: z.string().min(1),
  source: z.string().min(1).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const factCheckSchema = z.object({
  claimId: z.string().min(1),
  claim: z.string().min(1),
  verdict: verdictSchema,
  confidence: unitSchema,
  /** What the verdict rests on; a verdict without a basis is not accepted. */
  basis: z.string().min(1),
  explanation: z.string().min(1),
  evidence: z.array(evidenceSchema),
  /** How far the evidence's source is trusted (1 when unknown). */
  sourceTrust: unitSchema.default(1),
  /** How central the claim is to the content (1 when unknown). */
  salience: unitSchema.default(1),
});
export type FactCheck = z.infer<typeof factCheckSchema>;

export const factCheckOutputSchema = z.object({
  ...provenanceShape,
  checks: z.array(factCheckSchema),
});
export type FactCheckOutput = z.infer<typeof factCheckOutputSchema>;
