import {
  type StageId,
  type StageImplementation,
  type StageImplementations,
  toOrchError,
  uncertain,
} from '@orch/core';

/** Records which stages fell back, for the report's degraded marks. */
export interface FallbackLog {
  readonly stages: StageId[];
}

/**
 * Stages of `primary` that also have a heuristic: when the primary (model) stage fails with
 * anything but a cancellation, the heuristic runs instead and its output is returned as
 * uncertain with the failure as the reason, and the stage is noted in `log` (the report marks it
 * degraded). Stages without a heuristic fail as before.
 */
export function withHeuristicFallback(
  primary: StageImplementations,
  heuristics: StageImplementations,
  log: FallbackLog,
): StageImplementations {
  const wrapped: Record<string, StageImplementation<StageId>> = {};
  for (const [stage, implementation] of Object.entries(primary) as [
    StageId,
    StageImplementation<StageId>,
  ][]) {
    const heuristic = heuristics[stage] as StageImplementation<StageId> | undefined;
    if (heuristic === undefined || heuristic === implementation) {
      wrapped[stage] = implementation;
      continue;
    }
    wrapped[stage] = async (input, context) => {
      try {
        return await implementation(input, context);
      } catch (thrown) {
        const error = toOrchError(thrown);
        if (error.category === 'cancelled' || context.signal.aborted) throw thrown;
        const outcome = await heuristic(input, context);
        if (outcome.status === 'skip') throw thrown;
        log.stages.push(stage);
        context.logger.warn(`${stage}: the model stage failed; using the offline heuristic`, {
          code: error.code,
        });
        return uncertain(
          outcome.data,
          `The model stage failed (${error.code}: ${error.message}); this section comes from the offline heuristic instead.`,
        );
      }
    };
  }
  return wrapped as StageImplementations;
}
