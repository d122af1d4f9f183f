import { z } from 'zod';
import { depthSchema } from './depth.js';
import { stepErrorSchema } from './errors.js';
import { unitSchema } from './primitives.js';
import { stageIdSchema } from './stage-id.js';
import { stepStatusSchema } from './step-result.js';

const base = { runId: z.string().min(1), at: z.string() };

export const RUN_OUTCOMES = ['completed', 'degraded', 'failed', 'cancelled'] as const;
export const runOutcomeSchema = z.enum(RUN_OUTCOMES);
export type RunOutcome = z.infer<typeof runOutcomeSchema>;

/** Everything observable about a run, in order. Delivery surfaces render these. */
export const runEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('run-start'),
    depth: depthSchema,
    source: z.string().min(1),
    stages: z.array(stageIdSchema),
    estimate: z.object({ durationMs: z.number().min(0), costUsd: z.number().min(0) }),
  }),
  z.object({
    ...base,
    type: z.literal('stage-start'),
    stage: stageIdSchema,
    attempt: z.number().int().min(1),
  }),
  z.object({
    ...base,
    type: z.literal('stage-progress'),
    stage: stageIdSchema,
    message: z.string().min(1),
    fraction: unitSchema.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('stage-finish'),
    stage: stageIdSchema,
    status: stepStatusSchema,
    durationMs: z.number().min(0),
    reason: z.string().optional(),
    error: stepErrorSchema.optional(),
    /** Share of the run's estimated work finished so far. */
    progress: unitSchema,
    /** True when the result was restored from a checkpoint instead of being run again. */
    resumed: z.boolean().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('budget'),
    kind: z.enum(['reserved', 'reconciled', 'threshold', 'exhausted']),
    stage: stageIdSchema.optional(),
    spentUsd: z.number().min(0),
    capUsd: z.number().min(0),
    thresholdPercent: z.number().min(0).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('recovery'),
    stage: stageIdSchema,
    action: z.enum(['retry', 'fallback', 'circuit-open', 'circuit-close', 'escalate']),
    attempt: z.number().int().min(1).optional(),
    delayMs: z.number().min(0).optional(),
    message: z.string().min(1),
  }),
  z.object({
    ...base,
    type: z.literal('run-finish'),
    status: runOutcomeSchema,
    durationMs: z.number().min(0),
    error: stepErrorSchema.optional(),
  }),
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent['type'];
export type RunEventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

/** An event without the `runId` and `at` its emitter adds. */
export type RunEventBody = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'runId' | 'at'>
    : never
  : never;
