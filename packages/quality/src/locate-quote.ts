import type { Content, Span } from '@orch/core';
import { ensureContent, ensureString } from './internal/ensure.js';
import { createSourceIndex, locateInSource } from './internal/source-index.js';

/** Where a quote occurs in the content. */
export interface QuoteMatch {
  found: boolean;
  /** Offsets into `content.text` of the first occurrence: `content.text.slice(span.start, span.end)` is the source's own form of the quote. */
  span?: Span;
  /** Transcript time of the segment containing the start, when the content has timings. */
  startSeconds?: number;
  /** How many times the quote occurs; a short quote may occur several times and the first is reported. */
  occurrences?: number;
  /** True when only the case-insensitive fallback found the quote. */
  caseInsensitive?: boolean;
}

/**
 * Finds `quote` in `content.text` after normalising both (see normalizeForMatching), and maps the
 * match back to exact offsets of the original text. Order of attempts: the quote as given; the
 * quote without one pair of wrapping quotation marks; then, only if both fail, the same two
 * case-insensitively (`caseInsensitive: true`). Nothing else is forgiven: a changed word, an
 * inserted "..." or a paraphrase is not found. Returns `{ found: false }` for an empty quote.
 *
 * @throws InputError QUALITY_TEXT_NOT_STRING when `quote` is not a string,
 *   QUALITY_CONTENT_INVALID when `content` is not a Content.
 */
export function locateQuote(quote: string, content: Content): QuoteMatch {
  ensureString(quote, 'quote', 'locateQuote');
  const located = locateInSource(createSourceIndex(ensureContent(content, 'locateQuote')), quote);
  return toQuoteMatch(located);
}

/** Shapes an internal location into the public QuoteMatch. */
function toQuoteMatch(located: ReturnType<typeof locateInSource>): QuoteMatch {
  if (!located) return { found: false };
  return {
    found: true,
    span: located.span,
    ...(located.startSeconds === undefined ? {} : { startSeconds: located.startSeconds }),
    occurrences: located.occurrences,
    caseInsensitive: located.caseInsensitive,
  };
}
