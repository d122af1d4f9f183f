import { lowerCasePreservingLength, normalizeWithOffsets } from './normalized-text.js';

/** The tokens that carry meaning in a claim or sentence. */
export interface ContentWords {
  /** Stemmed content words and numbers. */
  tokens: Set<string>;
  /** The numbers alone (commas removed: "1,000" -> "1000"). */
  numbers: Set<string>;
}

const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with about as into onto than ' +
    "then that this these those there here it its it's is are was were be been being am do " +
    'does did doing have has had having will would shall should can could may might must ' +
    'i me my we us our you your he him his she her they them their who whom whose which what ' +
    'when where why how not no also just very too only own same such both each few more most ' +
    'other some any all if because while until over under again further once up down out off ' +
    'said says say according'
  ).split(' '),
);

const TOKEN = /\d+(?:[.,]\d+)*|%|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu;

/** A light suffix stripper: "approved", "approves", "approving" and "approve" share "approv". */
export function stem(word: string): string {
  let result = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (result.endsWith('ies') && result.length > 4) result = `${result.slice(0, -3)}y`;
  else if (result.endsWith('ing') && result.length > 5) result = result.slice(0, -3);
  else if (result.endsWith('ed') && result.length > 4) result = result.slice(0, -2);
  else if (/(?:ss|x|ch|sh)es$/.test(result)) result = result.slice(0, -2);
  else if (result.endsWith('s') && !result.endsWith('ss') && result.length > 3) {
    result = result.slice(0, -1);
  }
  if (result.endsWith('e') && result.length > 4) result = result.slice(0, -1);
  return result;
}

/** Lower-cased, stemmed content words and numbers of `text`; "%" counts as "percent". */
export function contentWords(text: string): ContentWords {
  const normalized = lowerCasePreservingLength(normalizeWithOffsets(text).text);
  const tokens = new Set<string>();
  const numbers = new Set<string>();
  for (const [raw] of normalized.matchAll(TOKEN)) {
    if (/^\d/.test(raw)) {
      const number = raw.replace(/,/g, '');
      tokens.add(number);
      numbers.add(number);
    } else if (raw === '%') {
      tokens.add('percent');
    } else if (!STOPWORDS.has(raw)) {
      tokens.add(stem(raw));
    }
  }
  return { tokens, numbers };
}
