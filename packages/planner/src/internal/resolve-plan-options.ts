import { ConfigError, type Depth } from '@orch/core';
import { MAX_CLAIMS_BY_DEPTH } from '../depth-defaults.js';
import { DEFAULT_PRICING, type Pricing } from '../pricing.js';
import type { PlanOptions } from '../stage-plan.js';

export interface ResolvedPlanOptions<Id extends string> {
  readonly wordCount: number;
  readonly media: boolean;
  readonly pricing: Pricing | null;
  readonly history: ReadonlyMap<Id, number>;
  readonly maxClaims: number;
}

const DEFAULT_WORD_COUNT = 1000;

function invalid(problem: string): ConfigError {
  return new ConfigError('INVALID_PLAN_OPTIONS', `Invalid plan options: ${problem}.`, {
    details: { problem },
  });
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Checks the options and fills in the defaults; throws ConfigError INVALID_PLAN_OPTIONS. */
export function resolvePlanOptions<Id extends string>(
  options: PlanOptions<Id> | undefined,
  depth: Depth,
): ResolvedPlanOptions<Id> {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object') {
    throw invalid('options must be an object; pass {} or leave them out for the defaults');
  }
  const {
    wordCount = DEFAULT_WORD_COUNT,
    media = false,
    history = new Map<Id, number>(),
  } = options;
  const maxClaims = options.maxClaims ?? MAX_CLAIMS_BY_DEPTH[depth];
  const pricing = options.pricing === undefined ? DEFAULT_PRICING : options.pricing;

  if (!isNonNegativeNumber(wordCount)) {
    throw invalid(`wordCount must be a finite number >= 0 (got ${String(wordCount)})`);
  }
  if (typeof media !== 'boolean') {
    throw invalid(`media must be true or false (got ${String(media)})`);
  }
  if (!isNonNegativeNumber(maxClaims) || !Number.isInteger(maxClaims)) {
    throw invalid(`maxClaims must be a whole number >= 0 (got ${String(maxClaims)})`);
  }
  if (pricing !== null) {
    if (typeof pricing !== 'object') {
      throw invalid(
        'pricing must be null (offline) or { inputPerMillionUsd, outputPerMillionUsd }',
      );
    }
    for (const key of ['inputPerMillionUsd', 'outputPerMillionUsd'] as const) {
      if (!isNonNegativeNumber(pricing[key])) {
        throw invalid(`pricing.${key} must be a finite number >= 0 (got ${String(pricing[key])})`);
      }
    }
  }
  if (!(history instanceof Map)) {
    throw invalid('history must be a Map from stage id to observed median ms');
  }
  for (const [stage, medianMs] of history) {
    if (!isNonNegativeNumber(medianMs)) {
      throw invalid(
        `history for stage "${String(stage)}" must be a finite number of ms >= 0 (got ${String(medianMs)})`,
      );
    }
  }
  return { wordCount, media, pricing, history, maxClaims };
}
