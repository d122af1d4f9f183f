import { type Content, InputError, isStageId, type StageId, type StageOutputMap } from '@orch/core';
import { matchClaim } from './internal/claim-matching.js';
import { ensureContent, unitOption } from './internal/ensure.js';
import {
  collectField,
  collectStrings,
  type FieldValue,
  GROUNDED_FIELDS,
} from './internal/grounded-fields.js';
import { findPlaceholder } from './internal/placeholder-patterns.js';
import { createSourceIndex, locateInSource } from './internal/source-index.js';
import { DEFAULT_MIN_SIMILARITY } from './map-claim-to-sentence.js';

/** The kinds of problem checkGrounding reports. */
export type GroundingProblem =
  | 'quote-not-in-source'
  | 'claim-not-in-source'
  | 'placeholder'
  | 'empty';

/** One problem in a stage output, phrased so a model can fix it in a repair round. */
export interface GroundingIssue {
  /** Where the value sits in the output, e.g. "fallacies[2].quote". */
  path: string;
  problem: GroundingProblem;
  /** What is wrong and what to do, in words a model can act on. */
  message: string;
  /** The offending value. */
  value: string;
}

export interface CheckGroundingOptions {
  /** Least similarity for a claim to map to a source sentence (see mapClaimToSentence). Default 0.6. */
  minSimilarity?: number;
}

const SHOWN_CHARACTERS = 160;

function shown(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_CHARACTERS ? `${flat.slice(0, SHOWN_CHARACTERS - 3)}...` : flat;
}

/** The strings checked for placeholders: all of them, but only the metadata of acquired content (its text is the source). */
function placeholderCandidates(stage: StageId, output: unknown): FieldValue[] {
  if (stage === 'acquire' || stage === 'transcribe') {
    const metadata = (output as { metadata?: unknown } | null)?.metadata;
    return collectStrings(metadata, 'metadata');
  }
  return collectStrings(output);
}

/**
 * Checks a stage output against the content it analysed and returns every problem (an empty
 * array when the output is grounded). It never throws for bad model output.
 *
 * - Every string of the output (for acquire/transcribe: the metadata) must not be empty or
 *   whitespace only (`empty`) and must not look like a placeholder (`placeholder`, see
 *   detectPlaceholder; placeholder words that occur in the source are accepted).
 * - Quotes must occur in the source after normalisation (`quote-not-in-source`, see locateQuote):
 *   fallacies[].quote; fact-check checks[].evidence[].quote whose `source` is absent or "content"
 *   (external evidence is not checked); sentiment rhetoric[].quote; knowledge-graph
 *   relations[].evidence; perspectives perspectives[].supportingQuotes[] and
 *   bias.indicators[].quote; threat manipulationIndicators[].quote when present; speaker-profile
 *   speakers[].persuasionTechniques[].quote.
 * - Claims must map to a source sentence (`claim-not-in-source`, see mapClaimToSentence):
 *   claims[].text and fact-check checks[].claim.
 *
 * Each path is reported at most once, with the first problem in the order empty, placeholder,
 * grounding.
 *
 * @throws InputError QUALITY_STAGE_UNKNOWN for an unknown stage, QUALITY_CONTENT_INVALID when
 *   `content` is not a Content, QUALITY_OPTION_INVALID for a bad minSimilarity.
 */
export function checkGrounding<S extends StageId>(
  stage: S,
  output: StageOutputMap[S],
  content: Content,
  options: CheckGroundingOptions = {},
): GroundingIssue[] {
  if (!isStageId(stage)) {
    throw new InputError(
      'QUALITY_STAGE_UNKNOWN',
      `checkGrounding received the unknown stage ${JSON.stringify(stage)}. Pass a stage id from STAGE_IDS in @orch/core, such as "fallacies".`,
      { details: { stage: String(stage) } },
    );
  }
  const minSimilarity = unitOption(
    options.minSimilarity,
    'minSimilarity',
    'checkGrounding',
    DEFAULT_MIN_SIMILARITY,
  );
  const index = createSourceIndex(ensureContent(content, 'checkGrounding'));
  const issues: GroundingIssue[] = [];
  const reported = new Set<string>();
  const report = (issue: GroundingIssue) => {
    if (reported.has(issue.path)) return;
    reported.add(issue.path);
    issues.push(issue);
  };

  for (const { path, value } of placeholderCandidates(stage, output)) {
    if (typeof value !== 'string') continue;
    if (value.trim().length === 0) {
      report({
        path,
        problem: 'empty',
        value,
        message: `${path} is empty. Write the real value taken from the source, or leave the item out.`,
      });
      continue;
    }
    const hit = findPlaceholder(value, index.lower);
    if (hit) {
      report({
        path,
        problem: 'placeholder',
        value,
        message: `${path} looks like placeholder text, not real output: "${shown(hit.excerpt)}" (matched "${hit.pattern}"). Replace it with content from the source, or leave the item out.`,
      });
    }
  }

  for (const field of GROUNDED_FIELDS[stage] ?? []) {
    for (const { path, value } of collectField(output, field)) {
      if (typeof value !== 'string' || reported.has(path) || value.trim().length === 0) continue;
      if (field.kind === 'quote') {
        if (locateInSource(index, value)) continue;
        report({
          path,
          problem: 'quote-not-in-source',
          value,
          message: `${path} must quote the source word for word, but "${shown(value)}" does not occur in it. Copy the exact words from the source text (no paraphrase, no added or elided words), or leave the item out.`,
        });
      } else {
        const { match, bestSimilarity } = matchClaim(index, value, minSimilarity);
        if (match) continue;
        report({
          path,
          problem: 'claim-not-in-source',
          value,
          message: `${path} must state a claim the source makes, but "${shown(value)}" matches no source sentence (best word overlap ${bestSimilarity.toFixed(2)}, needs ${minSimilarity}). Restate the claim close to the source's own wording with its exact numbers, or leave it out if the source does not make it.`,
        });
      }
    }
  }
  return issues;
}
