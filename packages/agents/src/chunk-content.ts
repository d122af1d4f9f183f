import { type Content, InputError } from '@orch/core';
import { countTokens, truncateToTokens } from '@orch/llm';

/** A contiguous part of `content.text`: `text === content.text.slice(start, end)`. */
export interface Chunk {
  text: string;
  start: number;
  end: number;
}

interface Range {
  start: number;
  end: number;
}

/** Offsets where a new segment (or, without segments, a new paragraph) begins. */
function unitBoundaries(content: Content): number[] {
  const boundaries = new Set<number>([0, content.text.length]);
  if (content.segments.length > 0) {
    for (const segment of content.segments) {
      if (segment.start > 0 && segment.start < content.text.length) boundaries.add(segment.start);
    }
  } else {
    for (const match of content.text.matchAll(/\n\s*\n/g)) {
      boundaries.add(match.index + match[0].length);
    }
  }
  return [...boundaries].sort((a, b) => a - b);
}

/** Split points after sentence ends, then after whitespace, inside [start, end). */
function splitPoints(text: string, range: Range, pattern: RegExp): number[] {
  const points: number[] = [];
  const slice = text.slice(range.start, range.end);
  for (const match of slice.matchAll(pattern)) {
    const point = range.start + match.index + match[0].length;
    if (point > range.start && point < range.end) points.push(point);
  }
  return points;
}

/** Ranges within maxTokens covering [start, end): by sentences, then words, then characters. */
function splitRange(text: string, range: Range, maxTokens: number): Range[] {
  if (countTokens(text.slice(range.start, range.end)) <= maxTokens) return [range];
  for (const pattern of [/[.!?]["')\]]*\s+/g, /\s+/g]) {
    const points = splitPoints(text, range, pattern);
    if (points.length > 0) {
      return packRanges(text, [range.start, ...points, range.end], maxTokens);
    }
  }
  const ranges: Range[] = [];
  let start = range.start;
  while (start < range.end) {
    const prefix = truncateToTokens(text.slice(start, range.end), maxTokens);
    const end = start + Math.max(prefix.length, 1);
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

/** Greedily packs consecutive pieces (given by boundaries) into ranges within maxTokens. */
function packRanges(text: string, boundaries: readonly number[], maxTokens: number): Range[] {
  const pieces: Range[] = [];
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const start = boundaries[index] ?? 0;
    const end = boundaries[index + 1] ?? start;
    if (end > start) pieces.push(...splitRange(text, { start, end }, maxTokens));
  }
  const ranges: Range[] = [];
  let group: Range[] = [];
  let groupTokens = 0;
  const close = (): void => {
    // The sum of the pieces' counts is an estimate; the joined text is what gets sent.
    while (group.length > 0) {
      const first = group[0] as Range;
      let take = group.length;
      while (
        take > 1 &&
        countTokens(text.slice(first.start, (group[take - 1] as Range).end)) > maxTokens
      ) {
        take -= 1;
      }
      ranges.push({ start: first.start, end: (group[take - 1] as Range).end });
      group = group.slice(take);
    }
    groupTokens = 0;
  };
  for (const piece of pieces) {
    const pieceTokens = countTokens(text.slice(piece.start, piece.end));
    if (group.length > 0 && groupTokens + pieceTokens > maxTokens) close();
    group.push(piece);
    groupTokens += pieceTokens;
  }
  close();
  return ranges;
}

/**
 * Splits content into chunks of at most `maxTokens` tokens each, on segment boundaries (paragraph
 * boundaries for content without segments); a unit larger than the limit is split at sentence
 * ends, then between words. Offsets index `content.text`; surrounding whitespace is left out.
 *
 * @throws InputError AGENTS_CHUNK_TOKENS_INVALID when maxTokens is not a positive integer.
 */
export function chunkContent(content: Content, maxTokens: number): Chunk[] {
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new InputError(
      'AGENTS_CHUNK_TOKENS_INVALID',
      `chunkContent: maxTokens must be a positive integer, but is ${String(maxTokens)}. Pass a token limit such as 6000.`,
    );
  }
  const text = content.text;
  const chunks: Chunk[] = [];
  for (const range of packRanges(text, unitBoundaries(content), maxTokens)) {
    let { start, end } = range;
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) chunks.push({ text: text.slice(start, end), start, end });
  }
  return chunks;
}
