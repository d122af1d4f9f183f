import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

export const perspectivesOutputSchema = z.object({
  ...provenanceShape,
  perspectives: z.array(
    z.object({
      viewpoint: z.string().min(1),
      summary: z.string().min(1),
      supportingQuotes: z.array(z.string().min(1)),
    }),
  ),
  bias: z.object({
    score: unitSchema,
    leaning: z.string().min(1).optional(),
    indicators: z.array(
      z.object({
        type: z.string().min(1),
        quote: z.string().min(1),
        explanation: z.string().min(1),
      }),
    ),
  }),
  missingViewpoints: z.array(z.string().min(1)),
});
export type PerspectivesOutput = z.infer<typeof perspectivesOutputSchema>;
