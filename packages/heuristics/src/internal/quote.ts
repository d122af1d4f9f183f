import type { ParsedSentence } from './document.js';

/** Sentences longer than this are narrowed to the clause that holds the cue. */
const LONG_SENTENCE = 250;
const CLAUSE_BREAK = /[;:—–]|\s-\s/g;

export interface Quote {
  quote: string;
  start: number;
  end: number;
}

/**
 * The exact source text to quote for a cue found at [matchStart, matchEnd) inside a sentence:
 * the whole sentence, or for long sentences the clause (between ; : or dashes) that contains
 * the cue. Offsets are absolute; `text.slice(start, end) === quote` always holds.
 */
export function quoteAround(
  text: string,
  sentence: ParsedSentence,
  matchStart: number,
  matchEnd: number,
): Quote {
  let start = sentence.start;
  let end = sentence.end;
  if (sentence.text.length > LONG_SENTENCE) {
    for (const breakMatch of sentence.text.matchAll(CLAUSE_BREAK)) {
      const breakStart = sentence.start + breakMatch.index;
      const breakEnd = breakStart + breakMatch[0].length;
      if (breakEnd <= matchStart) start = Math.max(start, breakEnd);
      else if (breakStart >= matchEnd) {
        end = Math.min(end, breakStart);
        break;
      }
    }
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  }
  return { quote: text.slice(start, end), start, end };
}
