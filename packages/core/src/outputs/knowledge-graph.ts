import { z } from 'zod';
import { provenanceShape } from '../primitives.js';
import { entityTypeSchema } from './summary.js';

export const graphEntitySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: entityTypeSchema,
  mentions: z.number().int().min(1),
});
export type GraphEntity = z.infer<typeof graphEntitySchema>;

export const graphRelationSchema = z.object({
  source: z.string().min(1),
  target: z.string().min(1),
  predicate: z.string().min(1),
  /** The source sentence the relation was read from. */
  evidence: z.string().min(1),
});
export type GraphRelation = z.infer<typeof graphRelationSchema>;

export const knowledgeGraphOutputSchema = z.object({
  ...provenanceShape,
  entities: z.array(graphEntitySchema),
  relations: z.array(graphRelationSchema),
});
export type KnowledgeGraphOutput = z.infer<typeof knowledgeGraphOutputSchema>;
