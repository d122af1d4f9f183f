import { z } from 'zod';
import { depthSchema } from './depth.js';
import { InputError } from './errors.js';
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

/** Validates a run request; throws `INVALID_REQUEST` (InputError) listing every problem. */
export function parseRunRequest(value: unknown): RunRequest {
  const parsed = runRequestSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = `The run request is invalid:\n${z.prettifyError(parsed.error)}`;
  throw new InputError('INVALID_REQUEST', message, { cause: parsed.error });
}
