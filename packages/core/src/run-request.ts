import { z } from 'zod';
import { depthSchema } from './depth.js';
import { sourceRefSchema } from './source.js';
import { tenantContextSchema } from './tenant.js';

/** One analysis: what to analyse, how deep, for whom. */
export const runRequestSchema = z.object({
  source: sourceRefSchema,
  depth: depthSchema,
  tenant: tenantContextSchema.optional(),
  /** Set to resume or to correlate with an outer system; generated when absent. */
  runId: z.string().min(1).optional(),
});

export type RunRequest = z.infer<typeof runRequestSchema>;
