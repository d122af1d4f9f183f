import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';
import { threatLevelSchema } from './deception.js';

export const manipulationIndicatorSchema = z.object({
  type: z.string().min(1),
  quote: z.string().min(1).optional(),
  explanation: z.string().min(1),
});
export type ManipulationIndicator = z.infer<typeof manipulationIndicatorSchema>;

export const threatOutputSchema = z.object({
  ...provenanceShape,
  score: unitSchema,
  level: threatLevelSchema,
  manipulationIndicators: z.array(manipulationIndicatorSchema),
  /** 1 when the narrative is internally consistent and sourced, lower when it is not. */
  narrativeIntegrity: unitSchema,
});
export type ThreatOutput = z.infer<typeof threatOutputSchema>;
