import { z } from 'zod';
import { InputError } from './errors.js';

/** How far an analysis goes; deeper depths add stages and budget. */
export const DEPTHS = ['quick', 'standard', 'deep', 'comprehensive', 'experimental'] as const;

export const depthSchema = z.enum(DEPTHS);

export type Depth = z.infer<typeof depthSchema>;

export function isDepth(value: unknown): value is Depth {
  return typeof value === 'string' && (DEPTHS as readonly string[]).includes(value);
}

/** Parses user input into a Depth, or throws `UNKNOWN_DEPTH` naming the valid choices. */
export function parseDepth(value: string): Depth {
  const normalised = value.trim().toLowerCase();
  if (isDepth(normalised)) return normalised;
  throw new InputError(
    'UNKNOWN_DEPTH',
    `Unknown depth "${value}". Use one of: ${DEPTHS.join(', ')}.`,
  );
}
