/**
 * Text normalised for matching, with the original character range of every normalised UTF-16
 * unit, so a match in the normalised text maps back to exact offsets of the original.
 */
export interface NormalizedText {
  text: string;
  /** `starts[i]`: offset in the original where the character behind `text[i]` starts. */
  starts: number[];
  /** `ends[i]`: offset in the original where the character behind `text[i]` ends (exclusive). */
  ends: number[];
}

/** Characters unified before matching; an empty string removes the character. */
const CHARACTER_MAP: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2039': "'", // ‹
  '\u203A': "'", // ›
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u00AB': '"', // «
  '\u00BB': '"', // »
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2026': '...', // …
  '\u00AD': '', // soft hyphen
  '\u200B': '', // zero-width space
  '\u200C': '', // zero-width non-joiner
  '\u200D': '', // zero-width joiner
  '\u2060': '', // word joiner
  '\uFEFF': '', // byte order mark
};

/** A base code point with its combining marks (or a run of stray marks). */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
const WHITESPACE = /\s/u;

function mapCharacters(value: string): string {
  let result = '';
  for (const character of value) result += CHARACTER_MAP[character] ?? character;
  return result;
}

/**
 * Normalises `original` (NFKC per character cluster, unified quotes, dashes and ellipses, zero-
 * width characters removed, whitespace runs collapsed to one space, trimmed; case preserved) and
 * records where each normalised character came from.
 */
export function normalizeWithOffsets(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingStart = -1;
  let pendingEnd = -1;
  for (const match of original.matchAll(CLUSTER)) {
    const clusterStart = match.index;
    const clusterEnd = clusterStart + match[0].length;
    const mapped = mapCharacters(match[0].normalize('NFKC'));
    for (const unit of mapped) {
      if (WHITESPACE.test(unit)) {
        if (pendingStart === -1) pendingStart = clusterStart;
        pendingEnd = clusterEnd;
        continue;
      }
      if (pendingStart !== -1 && text.length > 0) {
        text += ' ';
        starts.push(pendingStart);
        ends.push(pendingEnd);
      }
      pendingStart = -1;
      for (let index = 0; index < unit.length; index += 1) {
        starts.push(clusterStart);
        ends.push(clusterEnd);
      }
      text += unit;
    }
  }
  return { text, starts, ends };
}

/**
 * Lower-cases `text` unit by unit, keeping any character whose lower-case form has another
 * length, so offsets into the result equal offsets into `text`.
 */
export function lowerCasePreservingLength(text: string): string {
  let result = '';
  for (const character of text) {
    const lower = character.toLowerCase();
    result += lower.length === character.length ? lower : character;
  }
  return result;
}
