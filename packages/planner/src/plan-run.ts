import type { Depth } from '@orch/core';
import { buildPlan } from './build-plan.js';
import { STAGE_CATALOG } from './stage-catalog.js';
import type { PlanOptions, StagePlan } from './stage-plan.js';

/** Plans a run of orch's own STAGE_CATALOG at a depth (see buildPlan). */
export function planRun(depth: Depth, options?: PlanOptions): StagePlan {
  return buildPlan(STAGE_CATALOG, depth, options);
}
