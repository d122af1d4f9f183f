import { z } from 'zod';
import { provenanceShape } from '../primitives.js';

export const speakerProfileOutputSchema = z.object({
  ...provenanceShape,
  speakers: z.array(
    z.object({
      name: z.string().min(1).optional(),
      style: z.array(z.string().min(1)),
      persuasionTechniques: z.array(
        z.object({ technique: z.string().min(1), quote: z.string().min(1) }),
      ),
    }),
  ),
});
export type SpeakerProfileOutput = z.infer<typeof speakerProfileOutputSchema>;
