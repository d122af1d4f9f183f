import type { Claim, ClaimKind } from '@orch/core';
import type { DocumentEntity, ParsedSentence } from './internal/document.js';
import { parseDocument } from './internal/document.js';
import { locateEntities } from './internal/entity-mentions.js';
import {
  ATTRIBUTION_PATTERNS,
  CAUSAL_PATTERNS,
  COMPARISON_PATTERNS,
  OPINION_PATTERNS,
  STATISTIC_WORDS,
  TEMPORAL_PATTERNS,
} from './internal/lexicons/claims.js';
import { isQuestion } from './internal/rhetoric.js';
import { countOption, ensureText } from './internal/validate.js';
import { clampUnit, round } from './internal/words.js';

export interface ClaimCandidateOptions {
  /** Maximum number of claims; default 10. */
  limit?: number;
}

const DEFAULT_LIMIT = 10;
/** Sentences with fewer words are not claims ("Thank you.", "Let me explain."). */
const MIN_CLAIM_WORDS = 6;
/** Below this check-worthiness a sentence is not returned. */
const MIN_CHECK_WORTHINESS = 0.2;

/** How much each kind of evidence adds to check-worthiness. */
const KIND_WEIGHT: Readonly<Record<ClaimKind, number>> = {
  statistic: 0.35,
  attribution: 0.2,
  comparison: 0.15,
  'named-entity': 0.15,
  causal: 0.15,
  temporal: 0.1,
};
const EXTRA_NUMBER_BONUS = 0.05;
const OPINION_PENALTY = 0.15;

const AMOUNT_ENTITY = new Set(['MONEY', 'PERCENT']);
const TIME_ENTITY = new Set(['DATE', 'TIME']);

/**
 * Counts the quantities of a sentence: money and percentages, other numbers written with digits
 * (but not dates or times: "in 2023" is temporal, not a statistic), and spelled-out large numbers.
 */
function countQuantities(sentence: ParsedSentence, entities: DocumentEntity[]): number {
  const inside = (start: number, types: Set<string>): boolean =>
    entities.some(
      (entity) => types.has(entity.type) && start >= entity.start && start < entity.end,
    );
  let count = entities.filter((entity) => AMOUNT_ENTITY.has(entity.type)).length;
  count += entities.filter(
    (entity) =>
      entity.type === 'CARDINAL' && !/\d/.test(entity.value) && STATISTIC_WORDS.test(entity.value),
  ).length;
  for (const token of sentence.tokens) {
    if (token.type !== 'number' || !/\d/.test(token.value)) continue;
    if (inside(token.start, AMOUNT_ENTITY) || inside(token.start, TIME_ENTITY)) continue;
    count += 1;
  }
  return count;
}

interface ScoredSentence {
  sentence: ParsedSentence;
  kinds: ClaimKind[];
  checkWorthiness: number;
}

function scoreSentence(
  sentence: ParsedSentence,
  entities: DocumentEntity[],
  namedMentionStarts: number[],
): ScoredSentence | undefined {
  const words = sentence.tokens.filter((token) => token.type === 'word').length;
  if (words < MIN_CLAIM_WORDS || isQuestion(sentence) || /^\s*#/.test(sentence.text))
    return undefined;
  const text = sentence.text;
  const kinds: ClaimKind[] = [];
  const quantities = countQuantities(sentence, entities);
  if (quantities > 0 || STATISTIC_WORDS.test(text)) kinds.push('statistic');
  if (namedMentionStarts.some((start) => start >= sentence.start && start < sentence.end)) {
    kinds.push('named-entity');
  }
  if (COMPARISON_PATTERNS.some((pattern) => pattern.test(text))) kinds.push('comparison');
  if (ATTRIBUTION_PATTERNS.some((pattern) => pattern.test(text))) kinds.push('attribution');
  if (CAUSAL_PATTERNS.some((pattern) => pattern.test(text))) kinds.push('causal');
  if (
    entities.some((entity) => TIME_ENTITY.has(entity.type) || entity.type === 'DURATION') ||
    TEMPORAL_PATTERNS.some((pattern) => pattern.test(text))
  ) {
    kinds.push('temporal');
  }
  let score = kinds.reduce((sum, kind) => sum + KIND_WEIGHT[kind], 0);
  if (quantities > 1) score += EXTRA_NUMBER_BONUS;
  if (OPINION_PATTERNS.some((pattern) => pattern.test(text))) score -= OPINION_PENALTY;
  const checkWorthiness = round(clampUnit(score));
  if (checkWorthiness < MIN_CHECK_WORTHINESS) return undefined;
  return { sentence, kinds, checkWorthiness };
}

/**
 * Check-worthy sentences: statistics and numbers, named people/organisations/places,
 * comparisons ("more than", "-er than", "the highest"), attributions ("according to", "X
 * said"), causal links ("because", "led to") and dates. Questions, headings and sentences under
 * six words are skipped; opinions ("I think", "we should") score lower.
 *
 * The best `limit` sentences by check-worthiness are returned in source order with ids c1, c2…;
 * each claim's text is the exact source sentence and its span points at it.
 */
export function findClaimCandidates(text: string, options: ClaimCandidateOptions = {}): Claim[] {
  const limit = countOption(options.limit, 'limit', 'findClaimCandidates', DEFAULT_LIMIT);
  const document = parseDocument(ensureText(text, 'findClaimCandidates'));
  const namedMentionStarts = locateEntities(document)
    .filter(
      (entity) =>
        entity.type === 'person' || entity.type === 'organization' || entity.type === 'place',
    )
    .flatMap((entity) => entity.mentions.map((mention) => mention.start));
  const scored: ScoredSentence[] = [];
  for (const sentence of document.sentences) {
    const entities = document.entities.filter((entity) => entity.sentenceIndex === sentence.index);
    const result = scoreSentence(sentence, entities, namedMentionStarts);
    if (result !== undefined) scored.push(result);
  }
  return scored
    .sort((a, b) => b.checkWorthiness - a.checkWorthiness || a.sentence.index - b.sentence.index)
    .slice(0, limit)
    .sort((a, b) => a.sentence.index - b.sentence.index)
    .map((item, position) => ({
      id: `c${position + 1}`,
      text: item.sentence.text,
      span: { start: item.sentence.start, end: item.sentence.end },
      kinds: item.kinds,
      checkWorthiness: item.checkWorthiness,
    }));
}
