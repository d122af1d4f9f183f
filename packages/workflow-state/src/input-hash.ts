import { createHash } from 'node:crypto';
import { canonicalJson } from './internal/canonical-json.js';

/**
 * The sha256 (hex) of a value's canonical JSON (keys sorted at every level): the same data
 * always gives the same hash, whatever its key order. Store it in a checkpoint to tell on
 * resume whether a stage's inputs changed. Throws `UNHASHABLE_VALUE` for bigint or circular
 * values.
 */
export function inputHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
