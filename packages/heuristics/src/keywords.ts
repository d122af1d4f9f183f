import type { Keyword } from '@orch/core';
import { parseDocument } from './internal/document.js';
import { keyphrasesOfDocument, keywordsOfDocument } from './internal/keyword-ranking.js';
import { countOption, ensureText } from './internal/validate.js';

export interface KeywordOptions {
  /** Maximum number of results; default 10. */
  limit?: number;
}

const DEFAULT_LIMIT = 10;

/**
 * Single-word keywords: nouns, proper nouns, adjectives and verbs that are not stop words,
 * merged by lemma ("libraries" and "library" are one keyword), scored by weighted frequency
 * (nouns count more than adjectives and verbs) and normalised so the top keyword scores 1.
 */
export function extractKeywords(text: string, options: KeywordOptions = {}): Keyword[] {
  const limit = countOption(options.limit, 'limit', 'extractKeywords', DEFAULT_LIMIT);
  return keywordsOfDocument(parseDocument(ensureText(text, 'extractKeywords')), limit);
}

/**
 * Multi-word noun phrases (adjectives and nouns ending in a noun, 2-4 words, no stop words),
 * merged by lemma of the head noun, scored by how often the phrase occurs and how frequent its
 * words are in the text, normalised so the top phrase scores 1.
 */
export function extractKeyphrases(text: string, options: KeywordOptions = {}): Keyword[] {
  const limit = countOption(options.limit, 'limit', 'extractKeyphrases', DEFAULT_LIMIT);
  return keyphrasesOfDocument(parseDocument(ensureText(text, 'extractKeyphrases')), limit);
}
