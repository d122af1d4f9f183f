import type { Depth } from '@orch/core';

/** The default cost cap of one run per depth, in USD. */
export const DEFAULT_BUDGET_USD: Readonly<Record<Depth, number>> = Object.freeze({
  quick: 0.5,
  standard: 1.5,
  deep: 3,
  comprehensive: 5,
  experimental: 10,
});

/** How many claims a run checks per depth (claims, fact-check and second-opinion are capped). */
export const MAX_CLAIMS_BY_DEPTH: Readonly<Record<Depth, number>> = Object.freeze({
  quick: 3,
  standard: 5,
  deep: 8,
  comprehensive: 12,
  experimental: 15,
});
