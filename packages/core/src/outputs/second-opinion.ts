import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';
import { verdictSchema } from './fact-check.js';

export const secondOpinionOutputSchema = z.object({
  ...provenanceShape,
  reviews: z.array(
    z.object({
      claimId: z.string().min(1),
      originalVerdict: verdictSchema,
      secondVerdict: verdictSchema,
      reconciledVerdict: verdictSchema,
      reconciledConfidence: unitSchema,
      explanation: z.string().min(1),
    }),
  ),
  agreementRate: unitSchema,
});
export type SecondOpinionOutput = z.infer<typeof secondOpinionOutputSchema>;
