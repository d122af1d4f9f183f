import { z } from 'zod';
import { type StepError, stepErrorSchema } from './errors.js';

export const STEP_STATUSES = ['ok', 'uncertain', 'skip', 'fail'] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const stepTimingsSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().min(0),
});
export type StepTimings = z.infer<typeof stepTimingsSchema>;

/**
 * The result of one stage. `ok` has data; `uncertain` has data the stage does not fully
 * trust, with the reason; `skip` says why it did not run; `fail` carries the error.
 */
export type StepResult<T> =
  | { status: 'ok'; data: T; timings: StepTimings }
  | { status: 'uncertain'; data: T; reason: string; timings: StepTimings }
  | { status: 'skip'; reason: string; timings: StepTimings }
  | { status: 'fail'; error: StepError; timings: StepTimings };

/** What a stage implementation returns; the executor adds timings. Failures are thrown. */
export type StageOutcome<T> =
  | { status: 'ok'; data: T }
  | { status: 'uncertain'; data: T; reason: string }
  | { status: 'skip'; reason: string };

export function ok<T>(data: T): StageOutcome<T> {
  return { status: 'ok', data };
}

export function uncertain<T>(data: T, reason: string): StageOutcome<T> {
  return { status: 'uncertain', data, reason };
}

export function skipped<T = never>(reason: string): StageOutcome<T> {
  return { status: 'skip', reason };
}

/** The data of a result, when it has any. */
export function resultData<T>(result: StepResult<T> | undefined): T | undefined {
  return result && (result.status === 'ok' || result.status === 'uncertain')
    ? result.data
    : undefined;
}

export type { StepError };
export { stepErrorSchema };
