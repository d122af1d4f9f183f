import type { Depth, StageId } from '@orch/core';
import type { Pricing } from './pricing.js';
import type { StageSpec } from './stage-spec.js';

/** A stage as planned for one run: its place in the DAG and its estimates. */
export interface PlannedStage<Id extends string = StageId> extends StageSpec<Id> {
  dependsOn: readonly Id[];
  /** Only the `after` stages that are present in the plan. */
  after: readonly Id[];
  /** 0 for roots; 1 + the highest level of its `dependsOn` and `after` stages. */
  level: number;
  /** Whole ms: baseMs + msPer1kWords x words / 1000, or the history median when given. */
  estimatedMs: number;
  /** Prompt tokens of the stage (0 when it calls no model). */
  estimatedInputTokens: number;
  /** Completion tokens of the stage (0 when it calls no model). */
  estimatedOutputTokens: number;
  /** Tokens x pricing; 0 when pricing is null or the stage calls no model. */
  estimatedCostUsd: number;
  /** When the stage can start at the earliest, with every stage taking its estimated time. */
  earliestStartMs: number;
  earliestFinishMs: number;
  /** On the longest path of the plan: any delay here delays the whole run. */
  onCriticalPath: boolean;
}

/** The DAG of one run: stages in topological order, parallel levels, critical path, totals. */
export interface StagePlan<Id extends string = StageId> {
  depth: Depth;
  /** Topological order; among stages ready at the same time, catalog order. */
  stages: readonly PlannedStage<Id>[];
  /** Parallel levels: every stage of a level depends only on stages of earlier levels. */
  levels: readonly (readonly Id[])[];
  /** The longest path by estimatedMs, from a root to a sink. */
  criticalPath: readonly Id[];
  estimate: {
    /** Length of the critical path: the expected wall time with unlimited parallelism. */
    durationMs: number;
    /** Sum of every stage's estimatedMs: the wall time if the stages ran one by one. */
    sequentialMs: number;
    costUsd: number;
    inputTokens: number;
    outputTokens: number;
  };
}

/** How to plan one run. */
export interface PlanOptions<Id extends string = StageId> {
  /** Words of content; durations and tokens scale with it. Default 1000. */
  wordCount?: number;
  /** Include mediaOnly stages (audio/video sources). Default false. */
  media?: boolean;
  /** Model prices; null = offline, every cost 0. Default DEFAULT_PRICING. */
  pricing?: Pricing | null;
  /** Observed median ms per stage: overrides the static duration estimate of that stage. */
  history?: ReadonlyMap<Id, number>;
  /** Claims checked by per-claim stages (fact-check, second-opinion). Default MAX_CLAIMS_BY_DEPTH[depth]. */
  maxClaims?: number;
}
