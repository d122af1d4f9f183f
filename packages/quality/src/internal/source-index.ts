import { type Content, type Span, secondsAt } from '@orch/core';
import { type ContentWords, contentWords } from './content-words.js';
import {
  lowerCasePreservingLength,
  type NormalizedText,
  normalizeWithOffsets,
} from './normalized-text.js';
import { type SentenceRange, splitContentSentences } from './sentences.js';

/** A located quote before it is shaped into the public QuoteMatch. */
export interface Located {
  span: Span;
  startSeconds: number | undefined;
  occurrences: number;
  caseInsensitive: boolean;
}

/** A sentence (or two sentences split by a transcript cue) with its content words. */
export interface SentenceCandidate {
  span: Span;
  words: ContentWords;
}

/**
 * The source prepared once for many look-ups: normalised text with offsets, its lower-case form,
 * and (on first use) its sentences.
 */
export interface SourceIndex {
  content: Content;
  normalized: NormalizedText;
  lower: string;
  sentences(): readonly SentenceRange[];
  candidates(): readonly SentenceCandidate[];
}

export function createSourceIndex(content: Content): SourceIndex {
  const normalized = normalizeWithOffsets(content.text);
  let sentences: SentenceRange[] | undefined;
  let candidates: SentenceCandidate[] | undefined;
  const index: SourceIndex = {
    content,
    normalized,
    lower: lowerCasePreservingLength(normalized.text),
    sentences() {
      sentences ??= splitContentSentences(content);
      return sentences;
    },
    candidates() {
      if (candidates) return candidates;
      const list = index.sentences();
      candidates = [];
      list.forEach((sentence, position) => {
        const words = (span: Span) => contentWords(content.text.slice(span.start, span.end));
        const single = { start: sentence.start, end: sentence.end };
        candidates?.push({ span: single, words: words(single) });
        const next = list[position + 1];
        if (sentence.continues && next && next.region !== sentence.region) {
          const joined = { start: sentence.start, end: next.end };
          candidates?.push({ span: joined, words: words(joined) });
        }
      });
      return candidates;
    },
  };
  return index;
}

const WRAPPING_QUOTES = /^(["'])(.+)\1$/su;

function countOccurrences(haystack: string, needle: string, first: number): number {
  let count = 1;
  let from = haystack.indexOf(needle, first + 1);
  while (from !== -1) {
    count += 1;
    from = haystack.indexOf(needle, from + 1);
  }
  return count;
}

/**
 * Finds `quote` in the source: exact after normalisation first; then the quote without wrapping
 * quotation marks; then, only if both fail, case-insensitively. Reports the first occurrence.
 */
export function locateInSource(index: SourceIndex, quote: string): Located | undefined {
  const normalizedQuote = normalizeWithOffsets(quote).text;
  if (normalizedQuote.length === 0) return undefined;
  const forms = [normalizedQuote];
  const unwrapped = WRAPPING_QUOTES.exec(normalizedQuote)?.[2]?.trim();
  if (unwrapped) forms.push(unwrapped);
  const attempts: Array<{ haystack: string; needle: string; caseInsensitive: boolean }> = [
    ...forms.map((form) => ({
      haystack: index.normalized.text,
      needle: form,
      caseInsensitive: false,
    })),
    ...forms.map((form) => ({
      haystack: index.lower,
      needle: lowerCasePreservingLength(form),
      caseInsensitive: true,
    })),
  ];
  for (const { haystack, needle, caseInsensitive } of attempts) {
    const at = haystack.indexOf(needle);
    if (at === -1) continue;
    const start = index.normalized.starts[at];
    const end = index.normalized.ends[at + needle.length - 1];
    if (start === undefined || end === undefined) continue;
    return {
      span: { start, end },
      startSeconds: secondsAt(index.content, start),
      occurrences: countOccurrences(haystack, needle, at),
      caseInsensitive,
    };
  }
  return undefined;
}
