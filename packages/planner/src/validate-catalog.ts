import { isDepth, PlanError } from '@orch/core';
import type { StageSpec } from './stage-spec.js';

/**
 * Checks that a catalog can be planned at all: well-formed stages, unique ids, every
 * `dependsOn` and `after` id known, and no cycle through `dependsOn` or `after`.
 * Throws a PlanError (`PLAN_INVALID_STAGE`, `PLAN_DUPLICATE_STAGE`,
 * `PLAN_UNKNOWN_DEPENDENCY`, `PLAN_CYCLE`) naming the stages involved.
 */
export function validateCatalog<Id extends string>(catalog: readonly StageSpec<Id>[]): void {
  if (!Array.isArray(catalog)) {
    throw new PlanError(
      'PLAN_INVALID_STAGE',
      'The stage catalog is not an array. Pass an array of stage specs (see STAGE_CATALOG).',
    );
  }
  catalog.forEach(checkStageShape);

  const positions = new Map<Id, number>();
  catalog.forEach((stage, index) => {
    const first = positions.get(stage.id);
    if (first !== undefined) {
      throw new PlanError(
        'PLAN_DUPLICATE_STAGE',
        `Stage "${stage.id}" appears twice in the catalog (positions ${first} and ${index}). Give every stage a unique id.`,
        { details: { stage: stage.id, positions: [first, index] } },
      );
    }
    positions.set(stage.id, index);
  });

  for (const stage of catalog) {
    for (const field of ['dependsOn', 'after'] as const) {
      for (const dependency of stage[field]) {
        if (!positions.has(dependency)) {
          throw new PlanError(
            'PLAN_UNKNOWN_DEPENDENCY',
            `Stage "${stage.id}" lists "${dependency}" in ${field}, but the catalog has no stage "${dependency}". Add that stage to the catalog or remove it from the ${field} of "${stage.id}".`,
            { details: { stage: stage.id, dependency, field } },
          );
        }
      }
    }
  }

  const cycle = findCycle(catalog, positions);
  if (cycle) {
    const path = cycle.join(' -> ');
    throw new PlanError(
      'PLAN_CYCLE',
      `The stage catalog has a cycle: ${path} (read each arrow as "waits for", through dependsOn or after). Remove one of these links so the stages can be ordered.`,
      { details: { cycle } },
    );
  }
}

function checkStageShape(stage: StageSpec<string>, index: number): void {
  const invalid = (problem: string): PlanError =>
    new PlanError(
      'PLAN_INVALID_STAGE',
      `Stage ${typeof stage?.id === 'string' && stage.id !== '' ? `"${stage.id}"` : `at position ${index}`} is invalid: ${problem}. Fix its spec in the catalog.`,
      { details: { position: index, stage: stage?.id } },
    );
  if (stage === null || typeof stage !== 'object') throw invalid('it is not an object');
  if (typeof stage.id !== 'string' || stage.id.trim() === '') {
    throw invalid('its id must be a non-empty string');
  }
  for (const field of ['dependsOn', 'after', 'depths'] as const) {
    const list: unknown = stage[field];
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      throw invalid(`${field} must be an array of strings`);
    }
  }
  const unknownDepth = stage.depths.find((depth) => !isDepth(depth));
  if (unknownDepth !== undefined) {
    throw invalid(`"${unknownDepth}" in depths is not a depth`);
  }
  const estimate: unknown = stage.estimate;
  if (estimate === null || typeof estimate !== 'object') {
    throw invalid('estimate must be an object with baseMs, msPer1kWords and llm');
  }
  const numbers: [string, unknown][] = [
    ['estimate.baseMs', stage.estimate.baseMs],
    ['estimate.msPer1kWords', stage.estimate.msPer1kWords],
  ];
  const llm: unknown = stage.estimate.llm;
  if (llm !== null) {
    if (typeof llm !== 'object' || llm === undefined) {
      throw invalid('estimate.llm must be null or an object of token figures');
    }
    const tokens = stage.estimate.llm!;
    numbers.push(
      ['estimate.llm.inputTokensPer1kWords', tokens.inputTokensPer1kWords],
      ['estimate.llm.fixedInputTokens', tokens.fixedInputTokens],
      ['estimate.llm.outputTokens', tokens.outputTokens],
      ['estimate.llm.inputTokensPerClaim', tokens.inputTokensPerClaim ?? 0],
      ['estimate.llm.outputTokensPerClaim', tokens.outputTokensPerClaim ?? 0],
    );
  }
  for (const [name, value] of numbers) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw invalid(`${name} must be a finite number >= 0 (got ${String(value)})`);
    }
  }
}

/** The first cycle found (depth-first, in catalog order), starting at its earliest stage. */
function findCycle<Id extends string>(
  catalog: readonly StageSpec<Id>[],
  positions: ReadonlyMap<Id, number>,
): Id[] | undefined {
  const byId = new Map(catalog.map((stage) => [stage.id, stage]));
  const done = new Set<Id>();
  const onPath = new Map<Id, number>();
  const path: Id[] = [];

  const visit = (id: Id): Id[] | undefined => {
    const start = onPath.get(id);
    if (start !== undefined) return path.slice(start);
    if (done.has(id)) return undefined;
    onPath.set(id, path.length);
    path.push(id);
    const stage = byId.get(id)!;
    for (const next of [...stage.dependsOn, ...stage.after]) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    onPath.delete(id);
    done.add(id);
    return undefined;
  };

  for (const stage of catalog) {
    const loop = visit(stage.id);
    if (loop) {
      let first = 0;
      loop.forEach((id, index) => {
        if (positions.get(id)! < positions.get(loop[first]!)!) first = index;
      });
      const rotated = [...loop.slice(first), ...loop.slice(0, first)];
      return [...rotated, rotated[0]!];
    }
  }
  return undefined;
}
