import type { Content, Span } from '@orch/core';
import { matchClaim } from './internal/claim-matching.js';
import { ensureContent, ensureString, unitOption } from './internal/ensure.js';
import { createSourceIndex } from './internal/source-index.js';

/** The source sentence a claim maps to. */
export interface SentenceMatch {
  /** The source text of `span`. */
  sentence: string;
  /** Offsets into `content.text`. */
  span: Span;
  /** 1 for a verbatim match; otherwise the weighted share of the claim's content words found (0 to 1). */
  similarity: number;
}

export interface MapClaimToSentenceOptions {
  /** The least similarity that counts as a match, 0 to 1. Default 0.6. */
  minSimilarity?: number;
}

export const DEFAULT_MIN_SIMILARITY = 0.6;

/**
 * Maps a claim to the source sentence it comes from, or `undefined` when none is close enough.
 *
 * 1. Verbatim: the claim occurs in the source after normalisation (see locateQuote); the match is
 *    the sentence(s) containing it, similarity 1.
 * 2. Otherwise, word overlap: claim and sentences are reduced to content words (lower-cased,
 *    stop words dropped, light stemming: "approved"/"approves"/"approving" -> "approv"; numbers
 *    kept, "1,000" = "1000", "%" = "percent"). similarity = |claim ∩ sentence| / |claim words|,
 *    then halved for every number of the claim the sentence lacks, so a changed number ("rose 9
 *    percent" vs "rose 16 percent") stays below the default threshold. The best sentence wins
 *    (ties: the earlier one).
 *
 * Sentences come from a splitter that keeps abbreviations ("Mr.", "Dr.", "U.S.", "e.g.") and
 * decimals ("3.5") whole and never crosses a segment boundary; a sentence that a transcript cue
 * cuts without punctuation is also tried joined with the next cue.
 *
 * @throws InputError QUALITY_TEXT_NOT_STRING, QUALITY_CONTENT_INVALID, QUALITY_OPTION_INVALID.
 */
export function mapClaimToSentence(
  claim: string,
  content: Content,
  options: MapClaimToSentenceOptions = {},
): SentenceMatch | undefined {
  ensureString(claim, 'claim', 'mapClaimToSentence');
  const minSimilarity = unitOption(
    options.minSimilarity,
    'minSimilarity',
    'mapClaimToSentence',
    DEFAULT_MIN_SIMILARITY,
  );
  const index = createSourceIndex(ensureContent(content, 'mapClaimToSentence'));
  return matchClaim(index, claim, minSimilarity).match;
}
