import { z } from 'zod';
import { provenanceShape, spanSchema, unitSchema } from '../primitives.js';

/** Why a sentence is worth checking. */
export const CLAIM_KINDS = [
  'statistic',
  'named-entity',
  'comparison',
  'attribution',
  'causal',
  'temporal',
] as const;
export const claimKindSchema = z.enum(CLAIM_KINDS);
export type ClaimKind = z.infer<typeof claimKindSchema>;

export const claimSchema = z.object({
  id: z.string().regex(/^c[0-9]+$/),
  /** The claim as stated; for extracted claims, the source sentence itself. */
  text: z.string().min(1),
  span: spanSchema.optional(),
  startSeconds: z.number().min(0).optional(),
  speaker: z.string().min(1).optional(),
  kinds: z.array(claimKindSchema),
  checkWorthiness: unitSchema,
});
export type Claim = z.infer<typeof claimSchema>;

export const claimsOutputSchema = z.object({
  ...provenanceShape,
  claims: z.array(claimSchema),
});
export type ClaimsOutput = z.infer<typeof claimsOutputSchema>;
