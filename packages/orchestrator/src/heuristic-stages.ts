import { type LoadOptions, loadSource } from '@orch/acquisition';
import { scoreDeception } from '@orch/analytics';
import {
  ok,
  requireContent,
  type StageImplementations,
  type StageInput,
  skipped,
  withTimestamps,
} from '@orch/core';
import {
  analyzeSentiment,
  assessContentQuality,
  buildKnowledgeGraph,
  detectDeceptionCues,
  detectFallacyCues,
  findClaimCandidates,
  summarizeText,
} from '@orch/heuristics';
import { MAX_CLAIMS_BY_DEPTH } from '@orch/planner';
import { buildBriefing } from '@orch/summary';

export interface HeuristicStagesOptions {
  /** Limits for reading local sources (size cap). */
  readonly load?: Omit<LoadOptions, 'signal'>;
}

const NEEDS_MODEL =
  'it needs a language model; set OPENAI_API_KEY (or OPENAI_BASE_URL for a local endpoint) to enable it';

/** Stages with no honest offline version, and what the report says instead of a result. */
const UNAVAILABLE_OFFLINE = {
  'fact-check': `Fact-checking was skipped: ${NEEDS_MODEL}.`,
  perspectives: `Perspective analysis was skipped: ${NEEDS_MODEL}.`,
  threat: `Manipulation analysis was skipped: ${NEEDS_MODEL}. The deception formula's threat level is reported.`,
  'cross-reference': 'Cross-referencing was skipped: no memory store is configured.',
  'memory-write': 'Nothing was written to memory: no memory store is configured.',
  'speaker-profile': `Speaker profiling was skipped: ${NEEDS_MODEL}.`,
  'second-opinion': 'Second-opinion verification was skipped: it needs fact checks from a model.',
} as const;

/**
 * The offline stage set: every stage that can be done honestly without a model runs on
 * @orch/heuristics and the formulas; the rest report why they were skipped.
 */
export function createHeuristicStages(options: HeuristicStagesOptions = {}): StageImplementations {
  const unavailable = Object.fromEntries(
    Object.entries(UNAVAILABLE_OFFLINE).map(([stage, reason]) => [
      stage,
      async () => skipped(reason),
    ]),
  );
  const textOf = (input: StageInput): string => requireContent(input.outputs).text;
  return {
    ...unavailable,
    acquire: async ({ request }, context) =>
      ok(await loadSource(request.source, { ...options.load, signal: context.signal })),
    'quality-gate': async (input) => {
      const content = requireContent(input.outputs);
      const { durationSeconds } = content.metadata;
      return ok(
        assessContentQuality(content.text, { isMedia: content.kind === 'media', durationSeconds }),
      );
    },
    summarize: async (input) => ok(summarizeText(textOf(input))),
    claims: async (input, context) => {
      const content = requireContent(input.outputs);
      const limit = MAX_CLAIMS_BY_DEPTH[context.depth];
      const claims = findClaimCandidates(content.text, { limit });
      return ok({ method: 'heuristic', claims: withTimestamps(claims, content) });
    },
    sentiment: async (input) => ok(analyzeSentiment(textOf(input))),
    fallacies: async (input) => {
      const content = requireContent(input.outputs);
      const fallacies = withTimestamps(detectFallacyCues(content.text), content);
      return ok({ method: 'heuristic', fallacies });
    },
    deception: async (input) =>
      ok(
        scoreDeception({
          checks: input.outputs['fact-check']?.checks,
          fallacies: input.outputs.fallacies?.fallacies,
          linguisticCues: detectDeceptionCues(textOf(input)),
        }),
      ),
    'knowledge-graph': async (input) => ok(buildKnowledgeGraph(textOf(input))),
    briefing: async (input, context) => {
      const content = requireContent(input.outputs);
      const { plannedStages } = context;
      return ok(buildBriefing({ content, outputs: input.outputs, plannedStages }));
    },
  };
}
