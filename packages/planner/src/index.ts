export { buildPlan } from './build-plan.js';
export { DEFAULT_BUDGET_USD, MAX_CLAIMS_BY_DEPTH } from './depth-defaults.js';
export { planRun } from './plan-run.js';
export { DEFAULT_PRICING, type Pricing } from './pricing.js';
export { STAGE_CATALOG } from './stage-catalog.js';
export type { PlannedStage, PlanOptions, StagePlan } from './stage-plan.js';
export type { StageEstimate, StageLlmEstimate, StageSpec } from './stage-spec.js';
export { validateCatalog } from './validate-catalog.js';
