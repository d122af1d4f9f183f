import type { StageId } from '@orch/core';
import { GROUNDED_FIELDS } from './internal/grounded-fields.js';

/**
 * The stages whose output carries quotes or claims that checkGrounding verifies against the
 * source (every stage's strings are also checked for placeholders).
 */
export const GROUNDED_STAGES: readonly StageId[] = Object.freeze(
  Object.keys(GROUNDED_FIELDS) as StageId[],
);
