import { ensureString } from './internal/ensure.js';
import { normalizeWithOffsets } from './internal/normalized-text.js';

/**
 * The form quotes and sources are compared in: NFKC (per character cluster), curly quotes and
 * apostrophes (‘ ’ ‚ ‛ ‹ › -> ', “ ” „ ‟ « » -> "), dashes (‐ ‑ ‒ – — ― − -> -) and the ellipsis
 * (… -> ...) unified, soft hyphens and zero-width characters removed, every run of whitespace
 * (spaces, tabs, newlines, no-break spaces) collapsed to one space, trimmed. Case is preserved.
 *
 * @throws InputError QUALITY_TEXT_NOT_STRING when `text` is not a string.
 */
export function normalizeForMatching(text: string): string {
  return normalizeWithOffsets(ensureString(text, 'text', 'normalizeForMatching')).text;
}
