import { type Depth, InputError, isDepth, PlanError } from '@orch/core';
import { criticalPath } from './internal/critical-path.js';
import { type ResolvedPlanOptions, resolvePlanOptions } from './internal/resolve-plan-options.js';
import type { PlannedStage, PlanOptions, StagePlan } from './stage-plan.js';
import type { StageSpec } from './stage-spec.js';
import { validateCatalog } from './validate-catalog.js';

/**
 * Plans one run of a catalog at a depth: the stages of that depth (mediaOnly ones only when
 * `media` is true) as a DAG in topological order, with parallel levels, the critical path
 * and duration, token and cost estimates. Generic over the stage ids, for custom catalogs.
 */
export function buildPlan<Id extends string>(
  catalog: readonly StageSpec<Id>[],
  depth: Depth,
  options?: PlanOptions<Id>,
): StagePlan<Id> {
  if (!isDepth(depth)) {
    throw new InputError(
      'UNKNOWN_DEPTH',
      `Unknown depth "${String(depth)}". Use one of: quick, standard, deep, comprehensive, experimental.`,
    );
  }
  validateCatalog(catalog);
  const resolved = resolvePlanOptions(options, depth);
  const selected = selectStages(catalog, depth, resolved.media);
  const ordered = topologicalOrder(selected);

  const planned = new Map<Id, PlannedStage<Id>>();
  for (const { spec, after } of ordered) {
    const predecessors = unique([...spec.dependsOn, ...after]).map((id) => planned.get(id)!);
    const level = Math.max(-1, ...predecessors.map((stage) => stage.level)) + 1;
    const earliestStartMs = Math.max(0, ...predecessors.map((stage) => stage.earliestFinishMs));
    const estimatedMs = estimateMs(spec, resolved);
    const tokens = estimateTokens(spec, resolved);
    planned.set(spec.id, {
      ...spec,
      dependsOn: unique(spec.dependsOn),
      after,
      level,
      estimatedMs,
      estimatedInputTokens: tokens.input,
      estimatedOutputTokens: tokens.output,
      estimatedCostUsd: resolved.pricing
        ? (tokens.input * resolved.pricing.inputPerMillionUsd +
            tokens.output * resolved.pricing.outputPerMillionUsd) /
          1_000_000
        : 0,
      earliestStartMs,
      earliestFinishMs: earliestStartMs + estimatedMs,
      onCriticalPath: false,
    });
  }

  const stages = [...planned.values()];
  const path = criticalPath(
    stages.map((stage) => ({ ...stage, predecessors: [...stage.dependsOn, ...stage.after] })),
  );
  for (const id of path) planned.get(id)!.onCriticalPath = true;

  const levels: Id[][] = [];
  for (const stage of stages) {
    const level = levels[stage.level];
    if (level) level.push(stage.id);
    else levels[stage.level] = [stage.id];
  }

  const sum = (pick: (stage: PlannedStage<Id>) => number): number =>
    stages.reduce((total, stage) => total + pick(stage), 0);
  return {
    depth,
    stages,
    levels,
    criticalPath: path,
    estimate: {
      durationMs: Math.max(0, ...stages.map((stage) => stage.earliestFinishMs)),
      sequentialMs: sum((stage) => stage.estimatedMs),
      costUsd: sum((stage) => stage.estimatedCostUsd),
      inputTokens: sum((stage) => stage.estimatedInputTokens),
      outputTokens: sum((stage) => stage.estimatedOutputTokens),
    },
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The stages of the depth, checked so that every `dependsOn` stage is planned too. */
function selectStages<Id extends string>(
  catalog: readonly StageSpec<Id>[],
  depth: Depth,
  media: boolean,
): StageSpec<Id>[] {
  const inDepth = catalog.filter((stage) => stage.depths.includes(depth));
  const selected = inDepth.filter((stage) => media || !stage.mediaOnly);
  if (selected.length === 0) {
    const mediaOnly = inDepth.length - selected.length;
    throw new PlanError(
      'PLAN_EMPTY',
      `No stage of the catalog is planned at depth "${depth}"${mediaOnly > 0 ? ` (its ${mediaOnly} media-only stage(s) need media: true)` : ''}. Add "${depth}" to the depths of the stages that should run, or choose another depth.`,
      { details: { depth } },
    );
  }
  const selectedIds = new Set(selected.map((stage) => stage.id));
  const inDepthIds = new Set(inDepth.map((stage) => stage.id));
  for (const stage of selected) {
    for (const dependency of stage.dependsOn) {
      if (selectedIds.has(dependency)) continue;
      const message = inDepthIds.has(dependency)
        ? `Stage "${stage.id}" depends on "${dependency}", which is media-only and not planned for a text source (media: false). Plan with media: true, mark "${stage.id}" mediaOnly, or move "${dependency}" from dependsOn to after.`
        : `Stage "${stage.id}" is planned at depth "${depth}" but depends on "${dependency}", which is not. Add "${depth}" to the depths of "${dependency}" or remove it from the depths of "${stage.id}".`;
      throw new PlanError('PLAN_MISSING_DEPENDENCY', message, {
        details: { stage: stage.id, dependency, depth, media },
      });
    }
  }
  return selected;
}

/** Kahn's algorithm, always taking the earliest ready stage in catalog order. */
function topologicalOrder<Id extends string>(
  selected: readonly StageSpec<Id>[],
): { spec: StageSpec<Id>; after: Id[] }[] {
  const ids = new Set(selected.map((stage) => stage.id));
  const pending = selected.map((spec) => ({
    spec,
    after: unique(spec.after.filter((id) => ids.has(id))),
  }));
  const done = new Set<Id>();
  const ordered: typeof pending = [];
  while (pending.length > 0) {
    const index = pending.findIndex(({ spec, after }) =>
      [...spec.dependsOn, ...after].every((id) => done.has(id)),
    );
    // validateCatalog has ruled out cycles, so some stage is always ready.
    const [next] = pending.splice(index, 1);
    ordered.push(next!);
    done.add(next!.spec.id);
  }
  return ordered;
}

function estimateMs<Id extends string>(
  spec: StageSpec<Id>,
  options: ResolvedPlanOptions<Id>,
): number {
  const observed = options.history.get(spec.id);
  if (observed !== undefined) return Math.round(observed);
  const { baseMs, msPer1kWords } = spec.estimate;
  return Math.round(baseMs + (msPer1kWords * options.wordCount) / 1000);
}

function estimateTokens<Id extends string>(
  spec: StageSpec<Id>,
  options: ResolvedPlanOptions<Id>,
): { input: number; output: number } {
  const { llm } = spec.estimate;
  if (!llm) return { input: 0, output: 0 };
  const claims = options.maxClaims;
  return {
    input: Math.ceil(
      llm.fixedInputTokens +
        (llm.inputTokensPer1kWords * options.wordCount) / 1000 +
        (llm.inputTokensPerClaim ?? 0) * claims,
    ),
    output: Math.ceil(llm.outputTokens + (llm.outputTokensPerClaim ?? 0) * claims),
  };
}
