import { ABSOLUTES, HEDGES } from './internal/lexicons/deception.js';
import { ensureText } from './internal/validate.js';
import { countWords, round } from './internal/words.js';

/** Linguistic cues; the same shape as `DeceptionOutput['linguisticCues']` in @orch/core. */
export interface DeceptionCues {
  hedges: number;
  absolutes: number;
  /** Hedges per 100 words. */
  hedgeRate: number;
  /** Absolutes per 100 words. */
  absoluteRate: number;
  /** Up to five cue words or phrases exactly as written in the text, in text order. */
  examples: string[];
}

const MAX_EXAMPLES = 5;
const DETERMINER_BEFORE =
  /\b(?:a|an|the|this|that|these|those|what|which|any|some|certain|same|one|every|each|new|other)\s+$/i;

function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) =>
      phrase
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '\\s+')
        .replace(/'/g, "['’]"),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const HEDGE_PATTERN = phrasePattern(HEDGES);
const ABSOLUTE_PATTERN = phrasePattern(ABSOLUTES);

interface Hit {
  start: number;
  end: number;
  text: string;
}

function findHits(text: string, pattern: RegExp, taken: Hit[]): Hit[] {
  const hits: Hit[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((hit) => start < hit.end && end > hit.start)) continue;
    hits.push({ start, end, text: match[0] });
  }
  return hits;
}

/**
 * Counts hedges ("I think", "probably", "to be honest") and absolutes ("always", "never",
 * "everyone", "100 percent") as linguistic deception cues, with rates per 100 words. Cues are
 * weak signals about style, not evidence of lying.
 */
export function detectDeceptionCues(text: string): DeceptionCues {
  const words = countWords(ensureText(text, 'detectDeceptionCues'));
  // "kind of" and "sort of" after a determiner name a type ("a certain kind of executive")
  const hedges = findHits(text, HEDGE_PATTERN, []).filter(
    (hit) =>
      !/^(?:kind|sort) of$/i.test(hit.text.replace(/\s+/g, ' ')) ||
      !DETERMINER_BEFORE.test(text.slice(Math.max(0, hit.start - 12), hit.start)),
  );
  const absolutes = findHits(text, ABSOLUTE_PATTERN, hedges);
  const examples: string[] = [];
  for (const hit of [...hedges, ...absolutes].sort((a, b) => a.start - b.start)) {
    if (examples.length >= MAX_EXAMPLES) break;
    if (!examples.some((example) => example.toLowerCase() === hit.text.toLowerCase())) {
      examples.push(hit.text);
    }
  }
  const per100 = (count: number): number => (words === 0 ? 0 : round((count / words) * 100, 2));
  return {
    hedges: hedges.length,
    absolutes: absolutes.length,
    hedgeRate: per100(hedges.length),
    absoluteRate: per100(absolutes.length),
    examples,
  };
}
