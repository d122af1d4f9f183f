import type { Content, StageOutputMap } from '@orch/core';
import type { z } from 'zod';

/** The stages the crew runs with a language model. */
export const LLM_STAGE_IDS = [
  'summarize',
  'claims',
  'sentiment',
  'fact-check',
  'fallacies',
  'perspectives',
  'threat',
  'knowledge-graph',
  'speaker-profile',
  'second-opinion',
  'briefing',
] as const;

export type LlmStageId = (typeof LLM_STAGE_IDS)[number];

/** What an agent builds its user prompt from. */
export interface AgentInput {
  /** The content to show the model (a chunk, an excerpt or the whole source). */
  content: Content;
  /** The validated outputs of the stages before this one. */
  outputs: Readonly<Partial<StageOutputMap>>;
  /** The most claims the claims stage may return (from the run's depth). */
  maxClaims: number;
}

/** Provenance the stage adds to every output. */
export interface AgentOutputMeta {
  model: string;
  promptVersion: string;
}

/** One member of the crew: everything needed to run one stage with a model. */
export interface AgentDefinition<S extends LlmStageId> {
  stage: S;
  role: string;
  instructions: string;
  /** Changes whenever the prompt or schema changes, e.g. 'summarize@1'; part of the cache key. */
  promptVersion: string;
  /** The json_schema name sent to the endpoint, e.g. 'orch_summarize'. */
  schemaName: string;
  /** The model-facing output schema: the core stage schema without provenance fields. */
  schema: z.ZodType;
  buildUser(input: AgentInput): string;
  toOutput(modelData: unknown, meta: AgentOutputMeta): StageOutputMap[S];
}
