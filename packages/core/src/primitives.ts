import { z } from 'zod';

/** A value from 0 to 1 inclusive: confidences, scores, shares. */
export const unitSchema = z.number().min(0).max(1);

/** Who produced a result: a language model, the offline heuristics, or a formula over data. */
export const METHODS = ['llm', 'heuristic', 'formula'] as const;
export const methodSchema = z.enum(METHODS);
export type Method = z.infer<typeof methodSchema>;

/** Fields every stage output carries so a report can say how each section was made. */
export const provenanceShape = {
  method: methodSchema,
  model: z.string().min(1).optional(),
  promptVersion: z.string().min(1).optional(),
};

/** Character offsets into `Content.text`, end exclusive. */
export const spanSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((span) => span.end >= span.start, { message: 'span end must not precede start' });
export type Span = z.infer<typeof spanSchema>;

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
