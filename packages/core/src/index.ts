export {
  CONTENT_KINDS,
  type Content,
  type ContentKind,
  type ContentMetadata,
  contentKindSchema,
  contentMetadataSchema,
  contentSchema,
  type Segment,
  secondsAt,
  segmentSchema,
  withTimestamps,
} from './content.js';
export { DEPTHS, type Depth, depthSchema, isDepth, parseDepth } from './depth.js';
export {
  CancelledError,
  ConfigError,
  ERROR_CATEGORIES,
  type ErrorCategory,
  errorCategorySchema,
  InputError,
  isOrchError,
  OrchError,
  type OrchErrorOptions,
  PlanError,
  RunFailedError,
  rootOrchError,
  StageError,
  type StepError,
  StorageError,
  stepErrorSchema,
  toOrchError,
  ValidationError,
} from './errors.js';
export {
  RUN_OUTCOMES,
  type RunEvent,
  type RunEventBody,
  type RunEventOf,
  type RunEventType,
  type RunOutcome,
  runEventSchema,
  runOutcomeSchema,
} from './events.js';
export { type Logger, silentLogger } from './logger.js';
export {
  type BriefingOutput,
  briefingOutputSchema,
  GRADES,
  type Grade,
  gradeSchema,
} from './outputs/briefing.js';
export {
  CLAIM_KINDS,
  type Claim,
  type ClaimKind,
  type ClaimsOutput,
  claimKindSchema,
  claimSchema,
  claimsOutputSchema,
} from './outputs/claims.js';
export {
  type CrossReferenceOutput,
  crossReferenceOutputSchema,
} from './outputs/cross-reference.js';
export {
  type DeceptionOutput,
  deceptionOutputSchema,
  RISK_LABELS,
  riskLabelSchema,
  THREAT_LEVELS,
  type ThreatAssessment,
  type ThreatLevel,
  threatAssessmentSchema,
  threatLevelSchema,
} from './outputs/deception.js';
export {
  type Evidence,
  evidenceSchema,
  type FactCheck,
  type FactCheckOutput,
  factCheckOutputSchema,
  factCheckSchema,
  VERDICTS,
  type Verdict,
  verdictSchema,
} from './outputs/fact-check.js';
export {
  FALLACY_TYPES,
  type FallaciesOutput,
  type Fallacy,
  type FallacyType,
  fallaciesOutputSchema,
  fallacySchema,
  fallacyTypeSchema,
} from './outputs/fallacies.js';
export {
  type GraphEntity,
  type GraphRelation,
  graphEntitySchema,
  graphRelationSchema,
  type KnowledgeGraphOutput,
  knowledgeGraphOutputSchema,
} from './outputs/knowledge-graph.js';
export { type MemoryWriteOutput, memoryWriteOutputSchema } from './outputs/memory-write.js';
export { type PerspectivesOutput, perspectivesOutputSchema } from './outputs/perspectives.js';
export { type QualityGateOutput, qualityGateOutputSchema } from './outputs/quality-gate.js';
export {
  type SecondOpinionOutput,
  secondOpinionOutputSchema,
} from './outputs/second-opinion.js';
export {
  type RhetoricalDevice,
  rhetoricalDeviceSchema,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type SentimentOutput,
  sentimentLabelSchema,
  sentimentOutputSchema,
} from './outputs/sentiment.js';
export {
  type SpeakerProfileOutput,
  speakerProfileOutputSchema,
} from './outputs/speaker-profile.js';
export {
  ENTITY_TYPES,
  type EntityType,
  entityTypeSchema,
  type Keyword,
  keywordSchema,
  type NamedEntity,
  namedEntitySchema,
  type SummaryOutput,
  summaryOutputSchema,
} from './outputs/summary.js';
export {
  type ManipulationIndicator,
  manipulationIndicatorSchema,
  type ThreatOutput,
  threatOutputSchema,
} from './outputs/threat.js';
export {
  isoDateTimeSchema,
  METHODS,
  type Method,
  methodSchema,
  provenanceShape,
  type Span,
  spanSchema,
  unitSchema,
} from './primitives.js';
export {
  type IntelligenceReport,
  intelligenceReportJsonSchema,
  intelligenceReportSchema,
  REPORT_SCHEMA_VERSION,
  REPORT_SECTION_BY_STAGE,
  type ReportCost,
  type ReportRecovery,
  type ReportSectionKey,
  type ReportSectionStage,
  reportCostSchema,
  reportRecoverySchema,
  type StageRecord,
  stageRecordSchema,
} from './report.js';
export { parseRunRequest, type RunRequest, runRequestSchema } from './run-request.js';
export { describeSource, type SourceRef, sourceRefSchema } from './source.js';
export type {
  CheckpointHook,
  RunContext,
  StageContext,
  StageImplementation,
  StageImplementations,
  StageInput,
} from './stage.js';
export { isStageId, STAGE_IDS, type StageId, stageIdSchema } from './stage-id.js';
export {
  contentOf,
  parseStageOutput,
  requireContent,
  type StageOutputMap,
  stageOutputSchemas,
} from './stage-outputs.js';
export {
  ok,
  resultData,
  STEP_STATUSES,
  type StageOutcome,
  type StepResult,
  type StepStatus,
  type StepTimings,
  skipped,
  stepStatusSchema,
  stepTimingsSchema,
  uncertain,
} from './step-result.js';
export { LOCAL_TENANT, type TenantContext, tenantContextSchema } from './tenant.js';
