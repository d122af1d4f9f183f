import type { StepResult } from '@orch/core';
import type { StageCheckpoint } from './run-record.js';

/**
 * Skip reasons the orchestrator writes for stages it never ran because of the run itself, not
 * because of the stage: the run stopped before the stage started (crash, cancel, failure of a
 * required stage), or a stage it needs did not succeed (and may succeed on resume). Such skips
 * are decided again on resume; every other skip was the stage's own decision and is kept.
 */
export const NON_FINAL_SKIP_PREFIXES = [
  'Skipped because the run stopped',
  'Skipped because it needs',
] as const;

const NO_REASON = 'no reason was recorded';

/**
 * Whether a checkpoint is final, i.e. the stage must not run again on resume: `ok` and
 * `uncertain` (their output is reused), and `skip` unless its reason starts with one of
 * `NON_FINAL_SKIP_PREFIXES`. `fail`, `pending` and `running` checkpoints are not final.
 */
export function isFinalCheckpoint(checkpoint: StageCheckpoint): boolean {
  switch (checkpoint.status) {
    case 'ok':
    case 'uncertain':
      return true;
    case 'skip': {
      const reason = checkpoint.reason ?? '';
      return !NON_FINAL_SKIP_PREFIXES.some((prefix) => reason.startsWith(prefix));
    }
    default:
      return false;
  }
}

/**
 * The StepResult a final checkpoint stands for (its stored output as `data`), or undefined
 * when the checkpoint is not final. `fallbackTime` fills timings the checkpoint lacks.
 */
export function checkpointToResult(
  checkpoint: StageCheckpoint,
  fallbackTime: string,
): StepResult<unknown> | undefined {
  if (!isFinalCheckpoint(checkpoint)) return undefined;
  const startedAt = checkpoint.startedAt ?? checkpoint.finishedAt ?? fallbackTime;
  const timings = {
    startedAt,
    finishedAt: checkpoint.finishedAt ?? startedAt,
    durationMs: checkpoint.durationMs ?? 0,
  };
  switch (checkpoint.status) {
    case 'ok':
      return { status: 'ok', data: checkpoint.output, timings };
    case 'uncertain':
      return {
        status: 'uncertain',
        data: checkpoint.output,
        reason: checkpoint.reason ?? NO_REASON,
        timings,
      };
    default:
      return { status: 'skip', reason: checkpoint.reason ?? NO_REASON, timings };
  }
}
