import type { Span } from '@orch/core';
import type { SentenceMatch } from '../map-claim-to-sentence.js';
import { contentWords } from './content-words.js';
import { locateInSource, type SourceIndex } from './source-index.js';

/** Each number of the claim that the sentence lacks halves the similarity. */
export const MISSING_NUMBER_FACTOR = 0.5;

export interface ClaimMatchResult {
  /** The match, when it reaches the threshold. */
  match: SentenceMatch | undefined;
  /** The best similarity found, reached or not (for messages). */
  bestSimilarity: number;
}

/** The sentence span that covers `span`: from the start of its first sentence to the end of its last. */
function enclosingSentenceSpan(index: SourceIndex, span: Span): Span {
  let start = span.start;
  let end = span.end;
  for (const sentence of index.sentences()) {
    if (sentence.start <= span.start && span.start < sentence.end)
      start = Math.min(start, sentence.start);
    if (sentence.start < span.end && span.end <= sentence.end) end = Math.max(end, sentence.end);
  }
  return { start, end };
}

function toMatch(index: SourceIndex, span: Span, similarity: number): SentenceMatch {
  return { sentence: index.content.text.slice(span.start, span.end), span, similarity };
}

/**
 * Maps a claim to the source: the sentence containing it verbatim (after normalisation), else the
 * sentence (or cue-spanning sentence pair) with the highest share of the claim's content words.
 */
export function matchClaim(
  index: SourceIndex,
  claim: string,
  minSimilarity: number,
): ClaimMatchResult {
  const located = locateInSource(index, claim);
  if (located) {
    return {
      match: toMatch(index, enclosingSentenceSpan(index, located.span), 1),
      bestSimilarity: 1,
    };
  }
  const claimWords = contentWords(claim);
  if (claimWords.tokens.size === 0) return { match: undefined, bestSimilarity: 0 };
  let best: { span: Span; similarity: number } | undefined;
  for (const candidate of index.candidates()) {
    let shared = 0;
    for (const token of claimWords.tokens) if (candidate.words.tokens.has(token)) shared += 1;
    let missingNumbers = 0;
    for (const number of claimWords.numbers)
      if (!candidate.words.numbers.has(number)) missingNumbers += 1;
    const similarity = (shared / claimWords.tokens.size) * MISSING_NUMBER_FACTOR ** missingNumbers;
    // Strictly greater: on a tie the earlier, shorter candidate (a single sentence) wins.
    if (!best || similarity > best.similarity) best = { span: candidate.span, similarity };
  }
  if (!best) return { match: undefined, bestSimilarity: 0 };
  return {
    match:
      best.similarity >= minSimilarity && best.similarity > 0
        ? toMatch(index, best.span, best.similarity)
        : undefined,
    bestSimilarity: best.similarity,
  };
}
