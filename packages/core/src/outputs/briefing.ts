import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

export const briefingOutputSchema = z.object({
  ...provenanceShape,
  executiveSummary: z.string().min(1),
  keyFindings: z.array(z.string().min(1)),
  recommendations: z.array(z.string().min(1)),
  confidence: z.object({
    overall: unitSchema,
    /** Share of the planned analysis sections that produced data. */
    dataCompleteness: unitSchema,
  }),
  /** A–D from which evidence exists (threat level, fact checks, transcript); never from depth. */
  grade: gradeSchema,
});
export type BriefingOutput = z.infer<typeof briefingOutputSchema>;
