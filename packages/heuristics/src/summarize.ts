import type { SummaryOutput } from '@orch/core';
import { parseDocument } from './internal/document.js';
import { locateEntities } from './internal/entity-mentions.js';
import { keyphrasesOfDocument, keywordsOfDocument } from './internal/keyword-ranking.js';
import { bestSentences, overlap, type RankedSentence, rankSentences } from './internal/textrank.js';
import { countOption, ensureText } from './internal/validate.js';
import type { Sentence } from './sentences.js';

export interface ExtractiveSummaryOptions {
  /** How many sentences the summary keeps; default 3. */
  maxSentences?: number;
}

export interface ExtractiveSummary {
  /** The chosen sentences in source order, joined with a space (a full stop is added to a headline that has none). */
  summary: string;
  sentences: Sentence[];
}

export interface SummarizeOptions extends ExtractiveSummaryOptions {
  /** How many key points to return; default 5. */
  maxKeyPoints?: number;
}

const DEFAULT_MAX_SENTENCES = 3;
const DEFAULT_MAX_KEY_POINTS = 5;
const MAX_TOPICS = 8;
/** Two key points sharing more than this share of their content words are the same point. */
const KEY_POINT_OVERLAP = 0.5;

function toSentence(item: RankedSentence): Sentence {
  const { index, text, start, end } = item.sentence;
  return { index, text, start, end };
}

/** Headlines have no full stop; give them one so the joined summary reads as sentences. */
function withFinalStop(sentence: string): string {
  return /[.!?…]["'”’)\]*_]*$/u.test(sentence) ? sentence : `${sentence}.`;
}

function pickSummary(ranked: RankedSentence[], maxSentences: number): ExtractiveSummary {
  const chosen = bestSentences(ranked)
    .slice(0, maxSentences)
    .sort((a, b) => a.sentence.index - b.sentence.index)
    .map(toSentence);
  return {
    summary: chosen.map((sentence) => withFinalStop(sentence.text)).join(' '),
    sentences: chosen,
  };
}

/**
 * Extractive summary by TextRank: the most central sentences (sentence similarity graph +
 * PageRank), returned in source order. Headings, questions and fragments under five words are
 * not picked unless nothing else is available.
 */
export function summarizeExtractive(
  text: string,
  options: ExtractiveSummaryOptions = {},
): ExtractiveSummary {
  const maxSentences = countOption(
    options.maxSentences,
    'maxSentences',
    'summarizeExtractive',
    DEFAULT_MAX_SENTENCES,
  );
  return pickSummary(
    rankSentences(parseDocument(ensureText(text, 'summarizeExtractive'))),
    maxSentences,
  );
}

/**
 * The heuristic summary stage output: TextRank summary, key points (top-ranked sentences that
 * do not repeat each other, best first), topics (key phrases, then the most mentioned people,
 * organisations and places), keywords and entities.
 */
export function summarizeText(text: string, options: SummarizeOptions = {}): SummaryOutput {
  const maxSentences = countOption(
    options.maxSentences,
    'maxSentences',
    'summarizeText',
    DEFAULT_MAX_SENTENCES,
  );
  const maxKeyPoints = countOption(
    options.maxKeyPoints,
    'maxKeyPoints',
    'summarizeText',
    DEFAULT_MAX_KEY_POINTS,
  );
  const document = parseDocument(ensureText(text, 'summarizeText'));
  const ranked = rankSentences(document);
  const { summary } = pickSummary(ranked, maxSentences);

  const keyPoints: RankedSentence[] = [];
  for (const candidate of bestSentences(ranked)) {
    if (keyPoints.length >= maxKeyPoints) break;
    if (keyPoints.some((point) => overlap(point.terms, candidate.terms) > KEY_POINT_OVERLAP))
      continue;
    keyPoints.push(candidate);
  }

  const entities = locateEntities(document);
  const topics: string[] = [];
  const addTopic = (topic: string): void => {
    if (
      topics.length < MAX_TOPICS &&
      !topics.some((item) => item.toLowerCase() === topic.toLowerCase())
    ) {
      topics.push(topic);
    }
  };
  for (const phrase of keyphrasesOfDocument(document, 6)) addTopic(phrase.term);
  for (const entity of entities) {
    if (entity.type === 'person' || entity.type === 'organization' || entity.type === 'place') {
      addTopic(entity.text);
    }
  }

  return {
    method: 'heuristic',
    summary,
    keyPoints: keyPoints.map((point) => point.sentence.text),
    topics,
    keywords: keywordsOfDocument(document, 10),
    entities: entities.map((entity) => ({
      text: entity.text,
      type: entity.type,
      count: entity.mentions.length,
    })),
  };
}
