import { z } from 'zod';
import { contentKindSchema, contentMetadataSchema } from './content.js';
import { depthSchema } from './depth.js';
import { stepErrorSchema } from './errors.js';
import { briefingOutputSchema } from './outputs/briefing.js';
import { claimsOutputSchema } from './outputs/claims.js';
import { crossReferenceOutputSchema } from './outputs/cross-reference.js';
import { deceptionOutputSchema } from './outputs/deception.js';
import { factCheckOutputSchema } from './outputs/fact-check.js';
import { fallaciesOutputSchema } from './outputs/fallacies.js';
import { knowledgeGraphOutputSchema } from './outputs/knowledge-graph.js';
import { memoryWriteOutputSchema } from './outputs/memory-write.js';
import { perspectivesOutputSchema } from './outputs/perspectives.js';
import { qualityGateOutputSchema } from './outputs/quality-gate.js';
import { secondOpinionOutputSchema } from './outputs/second-opinion.js';
import { sentimentOutputSchema } from './outputs/sentiment.js';
import { speakerProfileOutputSchema } from './outputs/speaker-profile.js';
import { summaryOutputSchema } from './outputs/summary.js';
import { threatOutputSchema } from './outputs/threat.js';
import { isoDateTimeSchema } from './primitives.js';
import type { StageId } from './stage-id.js';
import { stageIdSchema } from './stage-id.js';
import { stepStatusSchema } from './step-result.js';
import { tenantContextSchema } from './tenant.js';

export const REPORT_SCHEMA_VERSION = 1;

/** Where each stage's output lives in the report. Stages absent here do not own a section. */
export const REPORT_SECTION_BY_STAGE = {
  'quality-gate': 'quality',
  summarize: 'summary',
  claims: 'claims',
  sentiment: 'sentiment',
  'fact-check': 'factChecks',
  fallacies: 'fallacies',
  deception: 'deception',
  perspectives: 'perspectives',
  threat: 'threat',
  'knowledge-graph': 'knowledgeGraph',
  'cross-reference': 'crossReference',
  'memory-write': 'memory',
  'speaker-profile': 'speakerProfile',
  'second-opinion': 'secondOpinion',
  briefing: 'briefing',
} as const satisfies Partial<Record<StageId, string>>;

export type ReportSectionStage = keyof typeof REPORT_SECTION_BY_STAGE;
export type ReportSectionKey = (typeof REPORT_SECTION_BY_STAGE)[ReportSectionStage];

export const stageRecordSchema = z.object({
  id: stageIdSchema,
  status: stepStatusSchema,
  /** The output came from a fallback (e.g. the heuristic after the model failed), not the configured method. */
  degraded: z.boolean().optional(),
  durationMs: z.number().min(0),
  reason: z.string().min(1).optional(),
  error: stepErrorSchema.optional(),
  method: z.enum(['llm', 'heuristic', 'formula']).optional(),
  model: z.string().min(1).optional(),
});
export type StageRecord = z.infer<typeof stageRecordSchema>;

const usdSchema = z.number().min(0);

/** What the run's model calls cost, against its cap (from @orch/budget). */
export const reportCostSchema = z.object({
  capUsd: usdSchema,
  /** Actual cost of the calls with a known price; a lower bound when `unpricedModels` is not empty. */
  spentUsd: usdSchema,
  /** Model calls settled (cache hits send nothing and cost nothing). */
  calls: z.number().int().min(0),
  /** Models without a price: their calls are not in `spentUsd`. */
  unpricedModels: z.array(z.string().min(1)),
  byStage: z.record(z.string(), usdSchema),
});
export type ReportCost = z.infer<typeof reportCostSchema>;

/** What recovery did during the run (from @orch/recovery): attempts, waits, breaker changes. */
export const reportRecoverySchema = z.object({
  attempts: z.number().int().min(0),
  retries: z.number().int().min(0),
  timeouts: z.number().int().min(0),
  waitMs: z.number().min(0),
  /** Calls refused by an open circuit breaker without being sent. */
  rejections: z.number().int().min(0),
  /** Moves to the next model of a fallback chain. */
  fallbacks: z.number().int().min(0),
  breakerTransitions: z.array(
    z.object({
      key: z.string().min(1),
      from: z.enum(['closed', 'open', 'half-open']),
      to: z.enum(['closed', 'open', 'half-open']),
      at: isoDateTimeSchema,
    }),
  ),
});
export type ReportRecovery = z.infer<typeof reportRecoverySchema>;

/** The deliverable of a run. Every JSON report orch writes validates against this schema. */
export const intelligenceReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  runId: z.string().min(1),
  createdAt: isoDateTimeSchema,
  depth: depthSchema,
  tenant: tenantContextSchema,
  /** `degraded` when an optional stage failed or fell back; failed runs produce no report. */
  status: z.enum(['completed', 'degraded']),
  /** The content's metadata, without acquisition internals, plus its identity. */
  source: contentMetadataSchema
    .omit({ source: true, byteLength: true, acquiredAt: true, videoId: true, uploader: true })
    .extend({
      type: z.enum(['file', 'url', 'text']),
      location: z.string().min(1),
      contentId: z.string().regex(/^[a-f0-9]{64}$/),
      kind: contentKindSchema,
    }),
  /** How the analysis was made overall; `notice` tells the reader what that limits. */
  analysis: z.object({
    mode: z.enum(['offline', 'llm', 'mixed']),
    notice: z.string().min(1).optional(),
  }),
  quality: qualityGateOutputSchema.optional(),
  summary: summaryOutputSchema.optional(),
  claims: claimsOutputSchema.optional(),
  sentiment: sentimentOutputSchema.optional(),
  factChecks: factCheckOutputSchema.optional(),
  fallacies: fallaciesOutputSchema.optional(),
  deception: deceptionOutputSchema.optional(),
  perspectives: perspectivesOutputSchema.optional(),
  threat: threatOutputSchema.optional(),
  knowledgeGraph: knowledgeGraphOutputSchema.optional(),
  crossReference: crossReferenceOutputSchema.optional(),
  memory: memoryWriteOutputSchema.optional(),
  speakerProfile: speakerProfileOutputSchema.optional(),
  secondOpinion: secondOpinionOutputSchema.optional(),
  briefing: briefingOutputSchema.optional(),
  stages: z.array(stageRecordSchema),
  warnings: z.array(z.string().min(1)),
  cost: reportCostSchema.optional(),
  recovery: reportRecoverySchema.optional(),
  timings: z.object({
    startedAt: isoDateTimeSchema,
    finishedAt: isoDateTimeSchema,
    durationMs: z.number().min(0),
    /** Sum of every stage's own duration: what a sequential run would have taken. */
    stageTimeMs: z.number().min(0),
  }),
});

export type IntelligenceReport = z.infer<typeof intelligenceReportSchema>;

/** The JSON Schema (draft 2020-12) of IntelligenceReport, for consumers outside TypeScript. */
export function intelligenceReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(intelligenceReportSchema, { io: 'output' }) as Record<string, unknown>;
}
