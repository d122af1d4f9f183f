import { z } from 'zod';

/** Every stage orch knows, in catalog order. */
export const STAGE_IDS = [
  'acquire',
  'transcribe',
  'quality-gate',
  'summarize',
  'claims',
  'sentiment',
  'fact-check',
  'fallacies',
  'deception',
  'perspectives',
  'threat',
  'knowledge-graph',
  'cross-reference',
  'memory-write',
  'speaker-profile',
  'second-opinion',
  'briefing',
] as const;

export const stageIdSchema = z.enum(STAGE_IDS);

export type StageId = z.infer<typeof stageIdSchema>;

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}
