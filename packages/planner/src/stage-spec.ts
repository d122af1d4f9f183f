import type { Depth, StageId } from '@orch/core';

/** Model usage of one stage call, in tokens. */
export interface StageLlmEstimate {
  /** Prompt tokens per 1,000 words of content (the content itself, once tokenised). */
  inputTokensPer1kWords: number;
  /** Prompt tokens that do not depend on the content: instructions, schema, structured inputs. */
  fixedInputTokens: number;
  /** Completion tokens of the stage. */
  outputTokens: number;
  /** Extra prompt tokens per checked claim (per-claim stages such as fact-check). Default 0. */
  inputTokensPerClaim?: number;
  /** Extra completion tokens per checked claim (per-claim stages such as fact-check). Default 0. */
  outputTokensPerClaim?: number;
}

/** The static estimate of one stage; replaced by observed history when the planner gets it. */
export interface StageEstimate {
  /** Fixed time of the stage in ms (offline heuristic path). */
  baseMs: number;
  /** Extra ms per 1,000 words of content. */
  msPer1kWords: number;
  /** LLM usage when the stage calls a model: null for stages that never do (acquire, quality-gate, deception formula...). */
  llm: StageLlmEstimate | null;
}

/** One stage of a catalog: what it needs, which depths run it, how it fails, what it costs. */
export interface StageSpec<Id extends string = StageId> {
  id: Id;
  /** Human words, e.g. 'Fact-check claims'. */
  title: string;
  /** Must have produced output (ok/uncertain); if one fails or is skipped, this stage is skipped. */
  dependsOn: readonly Id[];
  /** Ordering only: wait for these when they are in the plan, use their output when present. */
  after: readonly Id[];
  /** Which depths include the stage. */
  depths: readonly Depth[];
  /** Failure of a required stage fails the run; optional failures degrade the report. */
  required: boolean;
  /** Skipped when the quality gate did not pass (expensive analysis). */
  gated: boolean;
  /** Only planned for audio/video sources (transcribe). */
  mediaOnly: boolean;
  estimate: StageEstimate;
}
