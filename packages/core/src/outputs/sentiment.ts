import { z } from 'zod';
import { provenanceShape, unitSchema } from '../primitives.js';

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral', 'mixed'] as const;
export const sentimentLabelSchema = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof sentimentLabelSchema>;

export const rhetoricalDeviceSchema = z.object({
  device: z.string().min(1),
  quote: z.string().min(1),
  explanation: z.string().min(1).optional(),
});
export type RhetoricalDevice = z.infer<typeof rhetoricalDeviceSchema>;

export const sentimentOutputSchema = z.object({
  ...provenanceShape,
  label: sentimentLabelSchema,
  /** -1 (very negative) to 1 (very positive). */
  score: z.number().min(-1).max(1),
  positiveShare: unitSchema,
  negativeShare: unitSchema,
  emotions: z.array(z.object({ name: z.string().min(1), score: unitSchema })),
  rhetoric: z.array(rhetoricalDeviceSchema),
});
export type SentimentOutput = z.infer<typeof sentimentOutputSchema>;
