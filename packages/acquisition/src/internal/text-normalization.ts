/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Turns CRLF and lone CR line endings into LF. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Removes a leading byte order mark, if any. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The trimmed value, or undefined when nothing is left: metadata never holds empty strings. */
export function nonEmpty(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const collapsed = collapseWhitespace(value);
  return collapsed.length > 0 ? collapsed : undefined;
}

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['\u2019\-.][\p{L}\p{N}]+|(?<=\d),\d+)*/gu;

/**
 * Words: runs of letters and digits, with inner apostrophes, hyphens and dots kept together
 * ("don't", "7-2", "3.5") and digit groups too ("2,000").
 */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD_PATTERN)) count += 1;
  return count;
}
