import {
  ConfigError,
  type Content,
  type Depth,
  ok,
  parseStageOutput,
  requireContent,
  type StageContext,
  type StageImplementation,
  type StageImplementations,
  type StageInput,
  type StageOutputMap,
  type SummaryOutput,
  skipped,
  uncertain,
  ValidationError,
} from '@orch/core';
import { countTokens, type LlmClient, truncateToTokens } from '@orch/llm';
import {
  checkGrounding,
  type GroundingIssue,
  mapClaimToSentence,
  SOURCE_AS_DATA_INSTRUCTION,
  withGroundedSpans,
} from '@orch/quality';
import type { AgentDefinition, AgentInput, LlmStageId } from './agent-definition.js';
import { chunkContent } from './chunk-content.js';
import { CREW } from './crew.js';
import { dropItems, itemPathOf } from './internal/drop-ungrounded.js';
import {
  limitClaims,
  mergeClaims,
  mergeFallacies,
  mergeGraphs,
} from './internal/merge-chunk-outputs.js';
import { dataBlock, dataBlockInstruction } from './internal/prompt.js';

export interface AgentStagesOptions {
  client: LlmClient;
  /** The most claims the claims stage keeps (and fact-check checks) per depth. */
  maxClaimsByDepth?: Record<Depth, number>;
  /**
   * Longest source text (in tokens) one request carries; longer sources are chunked or cut.
   * Default 6000, or less when the client's maxInputTokensPerRequest leaves less room beside
   * the `PROMPT_OVERHEAD_TOKENS` of instructions, earlier outputs and repair notes.
   */
  chunkTokens?: number;
}

export const DEFAULT_CHUNK_TOKENS = 6000;

/** Prompt tokens kept free beside the source chunk: role, instructions, data blocks, repair notes. */
export const PROMPT_OVERHEAD_TOKENS = 1500;

export const DEFAULT_MAX_CLAIMS_BY_DEPTH: Readonly<Record<Depth, number>> = {
  quick: 5,
  standard: 10,
  deep: 20,
  comprehensive: 30,
  experimental: 30,
};

/** Characters of context kept on each side of a claim when a long source is cut to excerpts. */
const EXCERPT_CONTEXT_CHARACTERS = 600;
/** The least source budget a cut prompt keeps, whatever the other parts of the prompt take. */
const MIN_SOURCE_TOKENS = 500;

const MAP_REDUCE_STAGES = new Set<LlmStageId>([
  'summarize',
  'claims',
  'fallacies',
  'knowledge-graph',
]);

interface GroundedOutput<S extends LlmStageId> {
  output: StageOutputMap[S];
  dropped: GroundingIssue[];
}

function systemPrompt(definition: AgentDefinition<LlmStageId>, extra = ''): string {
  return [definition.role, definition.instructions, extra, SOURCE_AS_DATA_INSTRUCTION]
    .filter((part) => part !== '')
    .join('\n\n');
}

function withText(content: Content, text: string): Content {
  return { ...content, text, segments: [] };
}

function repairPrompt(user: string, issues: readonly GroundingIssue[]): string {
  return `${user}\n\nYour previous answer had these problems:\n${issues
    .map((issue) => `- ${issue.message}`)
    .join(
      '\n',
    )}\nAnswer again in full and fix every problem: copy quotes and claims word for word from the text between the source markers, or leave the item out.`;
}

/** The text around each claim of a long source, joined with elision marks. */
function claimExcerpts(content: Content, outputs: StageInput['outputs']): string {
  const ranges: { start: number; end: number }[] = [];
  for (const claim of outputs.claims?.claims ?? []) {
    const span = claim.span ?? mapClaimToSentence(claim.text, content)?.span;
    if (!span) continue;
    ranges.push({
      start: Math.max(0, span.start - EXCERPT_CONTEXT_CHARACTERS),
      end: Math.min(content.text.length, span.end + EXCERPT_CONTEXT_CHARACTERS),
    });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map((range) => content.text.slice(range.start, range.end)).join('\n[…]\n');
}

function droppedReason(dropped: readonly GroundingIssue[]): string {
  const reasons = dropped.map((issue) => `${issue.path} (${issue.problem})`).join(', ');
  return `Dropped ${dropped.length} item${dropped.length === 1 ? '' : 's'} the model could not ground in the source even after a repair request: ${reasons}.`;
}

/**
 * The model-backed stage implementations of the crew: grounded, injection-resistant prompts, one
 * grounding repair round, and map-reduce over sources longer than `chunkTokens`.
 *
 * @throws ConfigError AGENTS_OPTIONS_INVALID for a chunkTokens or maxClaimsByDepth value that is not a positive integer.
 */
export function createAgentStages(options: AgentStagesOptions): StageImplementations {
  const { client } = options;
  const chunkTokens =
    options.chunkTokens ??
    Math.min(DEFAULT_CHUNK_TOKENS, client.config.maxInputTokensPerRequest - PROMPT_OVERHEAD_TOKENS);
  const maxClaimsByDepth = options.maxClaimsByDepth ?? DEFAULT_MAX_CLAIMS_BY_DEPTH;
  if (!Number.isInteger(chunkTokens) || chunkTokens < MIN_SOURCE_TOKENS) {
    throw new ConfigError(
      'AGENTS_OPTIONS_INVALID',
      options.chunkTokens === undefined
        ? `createAgentStages: the model's maxInputTokensPerRequest (${client.config.maxInputTokensPerRequest}) leaves no room for a source chunk of at least ${MIN_SOURCE_TOKENS} tokens beside ${PROMPT_OVERHEAD_TOKENS} tokens of instructions. Configure a model with a context window of at least ${Math.ceil(((MIN_SOURCE_TOKENS + PROMPT_OVERHEAD_TOKENS) * 4) / 3)} tokens.`
        : `createAgentStages: chunkTokens must be an integer of at least ${MIN_SOURCE_TOKENS}, but is ${String(chunkTokens)}. Pass a limit such as ${DEFAULT_CHUNK_TOKENS}.`,
    );
  }
  for (const [depth, limit] of Object.entries(maxClaimsByDepth)) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new ConfigError(
        'AGENTS_OPTIONS_INVALID',
        `createAgentStages: maxClaimsByDepth.${depth} must be a positive integer, but is ${String(limit)}.`,
      );
    }
  }

  async function generate<S extends LlmStageId>(
    definition: AgentDefinition<S>,
    system: string,
    user: string,
    promptVersion: string,
    context: StageContext,
  ): Promise<StageOutputMap[S]> {
    const result = await client.generate({
      stage: definition.stage,
      schema: definition.schema,
      schemaName: definition.schemaName,
      promptVersion,
      system,
      user,
      signal: context.signal,
    });
    const output = definition.toOutput(result.data, {
      model: result.model,
      promptVersion: definition.promptVersion,
    });
    return parseStageOutput(definition.stage, output);
  }

  /** One model call checked against the source, one repair round, then ungrounded items dropped. */
  async function generateGrounded<S extends LlmStageId>(
    definition: AgentDefinition<S>,
    system: string,
    user: string,
    content: Content,
    context: StageContext,
  ): Promise<GroundedOutput<S>> {
    const stage = definition.stage;
    const first = await generate(definition, system, user, definition.promptVersion, context);
    const issues = checkGrounding(stage, first, content);
    if (issues.length === 0) return { output: first, dropped: [] };
    context.logger.warn(`${stage}: the model output has grounding issues; asking for one repair`, {
      issues: issues.length,
    });
    const repaired = await generate(
      definition,
      system,
      repairPrompt(user, issues),
      `${definition.promptVersion}+repair`,
      context,
    );
    const remaining = checkGrounding(stage, repaired, content);
    if (remaining.length === 0) return { output: repaired, dropped: [] };
    const scalar = remaining.filter((issue) => itemPathOf(issue.path) === undefined);
    if (scalar.length > 0) {
      throw new ValidationError(
        'LLM_OUTPUT_UNGROUNDED',
        `Stage "${stage}": the model's answer is still not grounded in the source after a repair request (${scalar
          .map((issue) => `${issue.path}: ${issue.message}`)
          .join(' ')}). Retry the stage, route it to a stronger model, or use the heuristic stage.`,
        { details: { issues: scalar } },
      );
    }
    return { output: dropItems(repaired, remaining), dropped: remaining };
  }

  async function mapReduce<S extends LlmStageId>(
    definition: AgentDefinition<S>,
    input: AgentInput,
    content: Content,
    context: StageContext,
  ): Promise<GroundedOutput<S>> {
    const chunks = chunkContent(content, chunkTokens);
    const system = systemPrompt(definition);
    const parts: StageOutputMap[S][] = [];
    const dropped: GroundingIssue[] = [];
    for (const [index, chunk] of chunks.entries()) {
      context.progress(
        `${definition.stage}: part ${index + 1} of ${chunks.length}`,
        index / chunks.length,
      );
      const user = `${definition.buildUser({ ...input, content: withText(content, chunk.text) })}\n\nThis is part ${index + 1} of ${chunks.length} of a long source; analyse this part only.`;
      const part = await generateGrounded(definition, system, user, content, context);
      parts.push(part.output);
      dropped.push(...part.dropped);
    }
    const meta = {
      method: 'llm' as const,
      model: client.modelFor(definition.stage),
      promptVersion: definition.promptVersion,
    };
    switch (definition.stage) {
      case 'claims': {
        const claims = mergeClaims(parts as StageOutputMap['claims'][], input.maxClaims);
        const model = (parts[0] as StageOutputMap['claims'] | undefined)?.model ?? meta.model;
        return { output: { ...meta, model, claims } as StageOutputMap[S], dropped };
      }
      case 'fallacies': {
        const fallacies = mergeFallacies(parts as StageOutputMap['fallacies'][]);
        const model = (parts[0] as StageOutputMap['fallacies'] | undefined)?.model ?? meta.model;
        return { output: { ...meta, model, fallacies } as StageOutputMap[S], dropped };
      }
      case 'knowledge-graph': {
        const graph = mergeGraphs(parts as StageOutputMap['knowledge-graph'][]);
        const model =
          (parts[0] as StageOutputMap['knowledge-graph'] | undefined)?.model ?? meta.model;
        return { output: { ...meta, model, ...graph } as StageOutputMap[S], dropped };
      }
      default: {
        const partials = (parts as SummaryOutput[]).map((part, index) => ({
          part: index + 1,
          summary: part.summary,
          keyPoints: part.keyPoints,
          topics: part.topics,
          keywords: part.keywords,
          entities: part.entities,
        }));
        const reduceSystem = systemPrompt(
          definition,
          dataBlockInstruction('PARTIAL SUMMARIES', 'The summaries of the parts'),
        );
        const user = `These are the summaries of the ${partials.length} consecutive parts of one long source, in order. Combine them into one summary of the whole source: merge key points, topics, keywords and entities (add up entity counts), and drop repetition.\n${dataBlock('PARTIAL SUMMARIES', partials)}`;
        context.progress(`${definition.stage}: combining ${partials.length} parts`, 1);
        const reduced = await generateGrounded(definition, reduceSystem, user, content, context);
        return { output: reduced.output, dropped: [...dropped, ...reduced.dropped] };
      }
    }
  }

  /** A prompt whose source is cut (or reduced to claim excerpts) to fit chunkTokens. */
  async function cutSource<S extends LlmStageId>(
    definition: AgentDefinition<S>,
    input: AgentInput,
    content: Content,
    context: StageContext,
  ): Promise<GroundedOutput<S>> {
    const byClaims = definition.stage === 'fact-check' || definition.stage === 'second-opinion';
    const fixedTokens = countTokens(
      definition.buildUser({ ...input, content: withText(content, '') }),
    );
    const budget = Math.max(MIN_SOURCE_TOKENS, chunkTokens - fixedTokens);
    const full = byClaims ? claimExcerpts(content, input.outputs) : content.text;
    const text = truncateToTokens(full, budget);
    const note = byClaims
      ? 'Note: the source is long; only excerpts around the claims are shown, and "[…]" marks left-out text.'
      : `Note: the source is long; only its first ${budget} tokens (of ${countTokens(content.text)}) are shown. Base your answer on this part and do not guess about the rest.`;
    const user = `${definition.buildUser({ ...input, content: withText(content, text) })}\n\n${note}`;
    return generateGrounded(definition, systemPrompt(definition), user, content, context);
  }

  function stageFor<S extends LlmStageId>(definition: AgentDefinition<S>): StageImplementation<S> {
    return async (stageInput, context) => {
      const content = requireContent(stageInput.outputs);
      const claims = stageInput.outputs.claims?.claims ?? [];
      if (
        (definition.stage === 'fact-check' || definition.stage === 'second-opinion') &&
        claims.length === 0
      ) {
        return skipped('no claims to check');
      }
      if (
        definition.stage === 'second-opinion' &&
        (stageInput.outputs['fact-check']?.checks.length ?? 0) === 0
      ) {
        return skipped('no fact checks to review');
      }
      const input: AgentInput = {
        content,
        outputs: stageInput.outputs,
        maxClaims: maxClaimsByDepth[context.depth],
      };
      let result: GroundedOutput<S>;
      if (countTokens(content.text) <= chunkTokens) {
        result = await generateGrounded(
          definition,
          systemPrompt(definition),
          definition.buildUser(input),
          content,
          context,
        );
      } else if (MAP_REDUCE_STAGES.has(definition.stage)) {
        result = await mapReduce(definition, input, content, context);
      } else {
        result = await cutSource(definition, input, content, context);
      }
      let output = result.output;
      if (definition.stage === 'claims') {
        const claimsOutput = output as StageOutputMap['claims'];
        output = {
          ...claimsOutput,
          claims: limitClaims(claimsOutput.claims, input.maxClaims),
        } as StageOutputMap[S];
      }
      output = withGroundedSpans(definition.stage, output, content);
      return result.dropped.length > 0
        ? uncertain(output, droppedReason(result.dropped))
        : ok(output);
    };
  }

  return {
    summarize: stageFor(CREW.summarize),
    claims: stageFor(CREW.claims),
    sentiment: stageFor(CREW.sentiment),
    'fact-check': stageFor(CREW['fact-check']),
    fallacies: stageFor(CREW.fallacies),
    perspectives: stageFor(CREW.perspectives),
    threat: stageFor(CREW.threat),
    'knowledge-graph': stageFor(CREW['knowledge-graph']),
    'speaker-profile': stageFor(CREW['speaker-profile']),
    'second-opinion': stageFor(CREW['second-opinion']),
    briefing: stageFor(CREW.briefing),
  };
}
