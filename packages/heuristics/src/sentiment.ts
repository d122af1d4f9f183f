import type { SentimentLabel, SentimentOutput } from '@orch/core';
import { parseDocument } from './internal/document.js';
import { EMOTION_LEXICON } from './internal/lexicons/emotions.js';
import { findRhetoricalDevices } from './internal/rhetoric.js';
import { ensureText } from './internal/validate.js';
import { clampUnit, round } from './internal/words.js';

/** A sentence counts as positive or negative when wink's score passes this magnitude. */
const SENTENCE_THRESHOLD = 0.1;
/** The text is positive or negative when the weighted mean passes this magnitude. */
const TEXT_THRESHOLD = 0.1;
/** ...and positive sentences must outnumber negative ones by this share of all sentences. */
const NET_SHARE = 0.25;
/** Both shares at or above this, without a clear lean, make the text mixed. */
const MIXED_SHARE = 0.25;
/** Emotion words per word at which an emotion scores 1 (5 in 100 words). */
const EMOTION_SATURATION = 0.05;

const EMOTION_SETS = Object.entries(EMOTION_LEXICON).map(
  ([name, words]) => [name, new Set(words)] as const,
);

function labelFor(score: number, positiveShare: number, negativeShare: number): SentimentLabel {
  const net = positiveShare - negativeShare;
  if (score >= TEXT_THRESHOLD && net >= NET_SHARE) return 'positive';
  if (score <= -TEXT_THRESHOLD && net <= -NET_SHARE) return 'negative';
  if (positiveShare >= MIXED_SHARE && negativeShare >= MIXED_SHARE) return 'mixed';
  return 'neutral';
}

/**
 * Sentiment with wink-nlp's lexicon model (negation-aware, per sentence), an emotion lexicon
 * over Plutchik's eight emotions, and rhetorical devices (rhetorical questions, loaded
 * language, hyperbolic superlatives, repetition, us-versus-them framing) quoted exactly.
 *
 * `score` is the mean sentence sentiment weighted by sentence length, -1..1. The label is
 * positive (or negative) when the score passes ±0.1 and positive sentences outnumber negative
 * ones (or the reverse) by a quarter of all sentences; mixed when both kinds make up a quarter or
 * more without such a lean; neutral otherwise.
 */
export function analyzeSentiment(text: string): SentimentOutput {
  const document = parseDocument(ensureText(text, 'analyzeSentiment'));
  let weighted = 0;
  let weights = 0;
  let positive = 0;
  let negative = 0;
  const emotionHits = new Map<string, number>();
  let wordCount = 0;
  for (const sentence of document.sentences) {
    const words = sentence.tokens.filter((token) => token.type === 'word');
    wordCount += words.length;
    const weight = Math.max(1, words.length);
    weighted += sentence.sentiment * weight;
    weights += weight;
    if (sentence.sentiment > SENTENCE_THRESHOLD) positive += 1;
    else if (sentence.sentiment < -SENTENCE_THRESHOLD) negative += 1;
    for (const token of words) {
      if (token.negated) continue;
      for (const [name, lexicon] of EMOTION_SETS) {
        if (lexicon.has(token.normal) || lexicon.has(token.lemma)) {
          emotionHits.set(name, (emotionHits.get(name) ?? 0) + 1);
        }
      }
    }
  }
  const sentenceCount = document.sentences.length;
  const score = weights === 0 ? 0 : Math.max(-1, Math.min(1, weighted / weights));
  const positiveShare = sentenceCount === 0 ? 0 : positive / sentenceCount;
  const negativeShare = sentenceCount === 0 ? 0 : negative / sentenceCount;
  const emotions = [...emotionHits.entries()]
    .map(([name, hits]) => ({
      name,
      score: round(clampUnit(hits / Math.max(1, wordCount) / EMOTION_SATURATION)),
    }))
    .filter((emotion) => emotion.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const rhetoric = findRhetoricalDevices(document).map(({ device, quote, explanation }) => ({
    device,
    quote,
    explanation,
  }));
  return {
    method: 'heuristic',
    label: labelFor(score, positiveShare, negativeShare),
    score: round(score),
    positiveShare: round(positiveShare),
    negativeShare: round(negativeShare),
    emotions,
    rhetoric,
  };
}
