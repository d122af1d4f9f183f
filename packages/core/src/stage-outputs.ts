import { z } from 'zod';
import { type Content, contentSchema } from './content.js';
import { StageError, ValidationError } from './errors.js';
import { type BriefingOutput, briefingOutputSchema } from './outputs/briefing.js';
import { type ClaimsOutput, claimsOutputSchema } from './outputs/claims.js';
import {
  type CrossReferenceOutput,
  crossReferenceOutputSchema,
} from './outputs/cross-reference.js';
import { type DeceptionOutput, deceptionOutputSchema } from './outputs/deception.js';
import { type FactCheckOutput, factCheckOutputSchema } from './outputs/fact-check.js';
import { type FallaciesOutput, fallaciesOutputSchema } from './outputs/fallacies.js';
import {
  type KnowledgeGraphOutput,
  knowledgeGraphOutputSchema,
} from './outputs/knowledge-graph.js';
import { type MemoryWriteOutput, memoryWriteOutputSchema } from './outputs/memory-write.js';
import { type PerspectivesOutput, perspectivesOutputSchema } from './outputs/perspectives.js';
import { type QualityGateOutput, qualityGateOutputSchema } from './outputs/quality-gate.js';
import { type SecondOpinionOutput, secondOpinionOutputSchema } from './outputs/second-opinion.js';
import { type SentimentOutput, sentimentOutputSchema } from './outputs/sentiment.js';
import {
  type SpeakerProfileOutput,
  speakerProfileOutputSchema,
} from './outputs/speaker-profile.js';
import { type SummaryOutput, summaryOutputSchema } from './outputs/summary.js';
import { type ThreatOutput, threatOutputSchema } from './outputs/threat.js';
import type { StageId } from './stage-id.js';

/** The output type of every stage: producer and consumer share these, so keys cannot drift. */
export interface StageOutputMap {
  acquire: Content;
  transcribe: Content;
  'quality-gate': QualityGateOutput;
  summarize: SummaryOutput;
  claims: ClaimsOutput;
  sentiment: SentimentOutput;
  'fact-check': FactCheckOutput;
  fallacies: FallaciesOutput;
  deception: DeceptionOutput;
  perspectives: PerspectivesOutput;
  threat: ThreatOutput;
  'knowledge-graph': KnowledgeGraphOutput;
  'cross-reference': CrossReferenceOutput;
  'memory-write': MemoryWriteOutput;
  'speaker-profile': SpeakerProfileOutput;
  'second-opinion': SecondOpinionOutput;
  briefing: BriefingOutput;
}

/** The zod schema each stage's output is validated against before anyone reads it. */
export const stageOutputSchemas: { readonly [S in StageId]: z.ZodType<StageOutputMap[S]> } = {
  acquire: contentSchema,
  transcribe: contentSchema,
  'quality-gate': qualityGateOutputSchema,
  summarize: summaryOutputSchema,
  claims: claimsOutputSchema,
  sentiment: sentimentOutputSchema,
  'fact-check': factCheckOutputSchema,
  fallacies: fallaciesOutputSchema,
  deception: deceptionOutputSchema,
  perspectives: perspectivesOutputSchema,
  threat: threatOutputSchema,
  'knowledge-graph': knowledgeGraphOutputSchema,
  'cross-reference': crossReferenceOutputSchema,
  'memory-write': memoryWriteOutputSchema,
  'speaker-profile': speakerProfileOutputSchema,
  'second-opinion': secondOpinionOutputSchema,
  briefing: briefingOutputSchema,
};

/**
 * Validates a stage's output against its schema and returns the parsed value; throws
 * `STAGE_OUTPUT_INVALID` listing every problem, so invalid data never reaches the next stage.
 */
export function parseStageOutput<S extends StageId>(stage: S, data: unknown): StageOutputMap[S] {
  const parsed = stageOutputSchemas[stage].safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    'STAGE_OUTPUT_INVALID',
    `Stage "${stage}" produced output that does not match its schema:\n${z.prettifyError(parsed.error)}`,
    { cause: parsed.error },
  );
}

/** The content later stages analyse: the transcript when there is one, else what was acquired. */
export function contentOf(outputs: Readonly<Partial<StageOutputMap>>): Content | undefined {
  return outputs.transcribe ?? outputs.acquire;
}

/** Like `contentOf`, for stages that cannot work without content. */
export function requireContent(outputs: Readonly<Partial<StageOutputMap>>): Content {
  const content = contentOf(outputs);
  if (content) return content;
  throw new StageError('CONTENT_MISSING', 'No acquired content reached this stage.');
}
