import type { Content } from '@orch/core';

/** A sentence of `content.text`, with exact offsets (end exclusive, no surrounding whitespace). */
export interface SentenceRange {
  start: number;
  end: number;
  /** Index into the segment regions; sentences of different regions never merge. */
  region: number;
  /**
   * True when the sentence ends its region without terminal punctuation: a transcript cue that
   * breaks a sentence in the middle, so the next region may continue it.
   */
  continues: boolean;
}

/** Words that end with a period without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'gen',
  'gov',
  'sen',
  'rep',
  'rev',
  'capt',
  'col',
  'lt',
  'sgt',
  'no',
  'nos',
  'fig',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ca',
  'cf',
  'al',
]);

const TERMINAL = /[.!?\u2026]/u;
const CLOSERS = /["'\u2019\u201D)\]\u00BB]/u;
const BLANK_LINE = /\n[ \t\r\f\v]*\n\s*/g;

/** True when the period at `index` belongs to an abbreviation, an initial or a dotted acronym. */
function isAbbreviationPeriod(text: string, index: number, blockStart: number): boolean {
  let wordStart = index;
  while (wordStart > blockStart && /[\p{L}.]/u.test(text[wordStart - 1] ?? '')) wordStart -= 1;
  const word = text.slice(wordStart, index).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // "J." (an initial), "U.S.", "e.g.", "i.e.", "a.m.": letters separated by single periods.
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) && (word.length === 1 || word.includes('.'));
}

function splitBlock(
  text: string,
  blockStart: number,
  blockEnd: number,
  region: number,
  into: SentenceRange[],
): void {
  let sentenceStart = blockStart;
  const push = (start: number, end: number, continues: boolean) => {
    let from = start;
    let to = end;
    while (from < to && /\s/u.test(text[from] ?? '')) from += 1;
    while (to > from && /\s/u.test(text[to - 1] ?? '')) to -= 1;
    if (to > from) into.push({ start: from, end: to, region, continues });
  };
  for (let index = blockStart; index < blockEnd; index += 1) {
    const character = text[index] ?? '';
    if (!TERMINAL.test(character)) continue;
    if (character === '.' && isAbbreviationPeriod(text, index, blockStart)) continue;
    let end = index + 1;
    while (end < blockEnd && (TERMINAL.test(text[end] ?? '') || CLOSERS.test(text[end] ?? ''))) {
      end += 1;
    }
    // A boundary needs whitespace (or the end of the block) after it: "3.5" and "example.com" stay whole.
    if (end < blockEnd && !/\s/u.test(text[end] ?? '')) {
      index = end - 1;
      continue;
    }
    push(sentenceStart, end, false);
    sentenceStart = end;
    index = end - 1;
  }
  const rest = text.slice(sentenceStart, blockEnd).trim();
  if (rest.length > 0) push(sentenceStart, blockEnd, true);
}

/** The character ranges the text is split within: the segments, else the whole text. */
function regionsOf(content: Content): Array<{ start: number; end: number }> {
  const length = content.text.length;
  const regions = content.segments
    .map((segment) => ({
      start: Math.max(0, Math.min(segment.start, length)),
      end: Math.max(0, Math.min(segment.end, length)),
    }))
    .filter((region) => region.end > region.start)
    .sort((left, right) => left.start - right.start);
  return regions.length > 0 ? regions : [{ start: 0, end: length }];
}

/**
 * Splits content into sentences: at terminal punctuation followed by whitespace (not after
 * abbreviations such as "Mr.", "Dr.", "U.S.", "e.g." and not inside numbers such as "3.5"), at
 * blank lines, and at segment boundaries (paragraphs of an article, cues of a transcript).
 */
export function splitContentSentences(content: Content): SentenceRange[] {
  const sentences: SentenceRange[] = [];
  const { text } = content;
  regionsOf(content).forEach((region, regionIndex) => {
    let blockStart = region.start;
    const regionText = text.slice(region.start, region.end);
    for (const blank of regionText.matchAll(BLANK_LINE)) {
      const blankStart = region.start + blank.index;
      splitBlock(text, blockStart, blankStart, regionIndex, sentences);
      // A paragraph break ends a sentence even without punctuation.
      const last = sentences.at(-1);
      if (last && last.region === regionIndex) last.continues = false;
      blockStart = blankStart + blank[0].length;
    }
    splitBlock(text, blockStart, region.end, regionIndex, sentences);
  });
  return sentences;
}
