import {
  type StageId,
  type StageImplementation,
  type StageImplementations,
  toOrchError,
  uncertain,
} from '@orch/core';

/** The code of a provider refusing the credentials (@orch/llm ProviderError). */
const AUTH_FAILED = 'PROVIDER_AUTH_FAILED';

/** Records which stages fell back, for the report's degraded marks. */
export interface FallbackLog {
  readonly stages: StageId[];
}

/**
 * Stages of `primary` that also have a heuristic: when the primary (model) stage fails with
 * anything but a cancellation, the heuristic runs instead and its output is returned as
 * uncertain with the failure as the reason, and the stage is noted in `log` (the report marks it
 * degraded). Stages without a heuristic fail as before, and so does every stage whose model
 * refused the credentials (PROVIDER_AUTH_FAILED): that is a setup mistake to fix, not an outage.
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
        // A refused key is a setup mistake, not an outage: every model stage would hit it, so
        // it fails the stage (and, for a required stage, the run) instead of hiding behind a
        // heuristic report that exits 0.
        if (error.code === AUTH_FAILED) throw thrown;
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
