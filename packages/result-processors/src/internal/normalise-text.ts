/**
 * The comparable form of a quote or claim: Unicode-normalised, lower case, quote marks
 * removed, whitespace collapsed, punctuation trimmed from both ends.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["'`\u2018\u2019\u201c\u201d\u00ab\u00bb]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}
