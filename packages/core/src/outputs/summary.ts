import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

export const ENTITY_TYPES = [
  'person',
  'organization',
  'place',
  'date',
  'number',
  'money',
  'percent',
  'other',
] as const;
export const entityTypeSchema = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof entityTypeSchema>;

export const keywordSchema = z.object({ term: z.string().min(1), score: unitSchema });
export type Keyword = z.infer<typeof keywordSchema>;

export const namedEntitySchema = z.object({
  text: z.string().min(1),
  type: entityTypeSchema,
  count: z.number().int().min(1),
});
export type NamedEntity = z.infer<typeof namedEntitySchema>;

export const summaryOutputSchema = z.object({
  ...provenanceShape,
  summary: z.string().min(1),
  keyPoints: z.array(z.string().min(1)),
  topics: z.array(z.string().min(1)),
  keywords: z.array(keywordSchema),
  entities: z.array(namedEntitySchema),
});
export type SummaryOutput = z.infer<typeof summaryOutputSchema>;
