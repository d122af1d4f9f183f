import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

export const crossReferenceOutputSchema = z.object({
  ...provenanceShape,
  related: z.array(
    z.object({
      itemId: z.string().min(1),
      title: z.string().min(1).optional(),
      similarity: unitSchema,
      reason: z.string().min(1),
    }),
  ),
  contradictions: z.array(
    z.object({
      claim: z.string().min(1),
      otherClaim: z.string().min(1),
      itemId: z.string().min(1),
      explanation: z.string().min(1),
    }),
  ),
});
export type CrossReferenceOutput = z.infer<typeof crossReferenceOutputSchema>;
