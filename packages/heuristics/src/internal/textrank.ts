import type { ParsedDocument, ParsedSentence } from './document.js';

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;
/** Sentences with fewer words are never picked for a summary (headings, fragments, bylines). */
export const MIN_SUMMARY_WORDS = 5;

export interface RankedSentence {
  sentence: ParsedSentence;
  score: number;
  /** Content lemmas of the sentence, for similarity checks. */
  terms: Set<string>;
}

function termsOf(sentence: ParsedSentence): Set<string> {
  const terms = new Set<string>();
  for (const token of sentence.tokens) {
    if (
      (token.type === 'word' || token.type === 'number') &&
      !token.stopWord &&
      token.normal.length > 1
    ) {
      terms.add(token.lemma.toLowerCase());
    }
  }
  return terms;
}

/** TextRank similarity: shared terms over the log lengths of the two sentences. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  if (shared === 0) return 0;
  return shared / (Math.log(a.size + 1) + Math.log(b.size + 1));
}

/** Whether a sentence may appear in a summary: enough words, not a heading or a question. */
export function isSummarizable(sentence: ParsedSentence): boolean {
  const words = sentence.tokens.filter((token) => token.type === 'word').length;
  return (
    words >= MIN_SUMMARY_WORDS &&
    !/^\s*#/.test(sentence.text) &&
    !/\?["'”’)]*$/u.test(sentence.text)
  );
}

/**
 * TextRank (Mihalcea and Tarau, 2004): sentences are nodes, edges are weighted by shared
 * content lemmas, and PageRank gives each sentence its centrality. Returns every sentence with
 * its score, in source order.
 */
export function rankSentences(document: ParsedDocument): RankedSentence[] {
  const nodes = document.sentences.map((sentence) => ({ sentence, terms: termsOf(sentence) }));
  const count = nodes.length;
  if (count === 0) return [];
  const weights: number[][] = nodes.map((a, i) =>
    nodes.map((b, j) => (i === j ? 0 : similarity(a.terms, b.terms))),
  );
  const outgoing = weights.map((row) => row.reduce((sum, value) => sum + value, 0));
  let scores = new Array<number>(count).fill(1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const next = new Array<number>(count).fill(1 - DAMPING);
    for (let j = 0; j < count; j += 1) {
      const total = outgoing[j]!;
      if (total === 0) continue;
      const share = (DAMPING * scores[j]!) / total;
      const row = weights[j]!;
      for (let i = 0; i < count; i += 1) {
        const weight = row[i]!;
        if (weight > 0) next[i]! += weight * share;
      }
    }
    const change = next.reduce((sum, value, index) => sum + Math.abs(value - scores[index]!), 0);
    scores = next;
    if (change < TOLERANCE) break;
  }
  return nodes.map((node, index) => ({ ...node, score: scores[index]! }));
}

/** Eligible sentences, best first (ties: earlier first). */
export function bestSentences(ranked: RankedSentence[]): RankedSentence[] {
  const eligible = ranked.filter((item) => isSummarizable(item.sentence));
  const pool = eligible.length > 0 ? eligible : ranked;
  return [...pool].sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
}

/** Jaccard overlap of two term sets. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}
