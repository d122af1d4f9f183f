import { z } from 'zod';
import { provenanceShape } from '../primitives.js';

export const memoryWriteOutputSchema = z.object({
  ...provenanceShape,
  namespace: z.string().min(1),
  vectorChunks: z.number().int().min(0),
  graphFacts: z.number().int().min(0),
});
export type MemoryWriteOutput = z.infer<typeof memoryWriteOutputSchema>;
