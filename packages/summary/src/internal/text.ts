import type { FallacyType } from '@orch/core';

/** Collapses runs of whitespace (newlines included) into single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens text to at most `maximum` characters at a word boundary, marking the cut with "…". */
export function truncate(text: string, maximum: number): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= maximum) return clean;
  const cut = clean.slice(0, maximum - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > maximum / 2 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:.!?-]+$/, '')}…`;
}

/** A quotation from the source, shortened for one line: "the exact words…". */
export function quoted(text: string, maximum = 120): string {
  return `"${truncate(text, maximum)}"`;
}

/** The sentences of a short text, split after . ! ? followed by a space and a capital or digit. */
export function sentencesOf(text: string): string[] {
  return collapseWhitespace(text)
    .split(/(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[A-Z0-9])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Ends a sentence with a full stop unless it already ends with a sentence mark. */
export function asSentence(text: string): string {
  const clean = collapseWhitespace(text);
  return /[.!?]["'”’)]?$/.test(clean) ? clean : `${clean}.`;
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 claim" / "3 claims". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A score with two decimals: 0.3 -> "0.30", -0.4166 -> "-0.42". */
export function score(value: number): string {
  return value.toFixed(2);
}

/** A fallacy type in words: "slippery-slope" -> "slippery slope". */
export function fallacyName(type: FallacyType): string {
  if (type === 'no-true-scotsman') return 'no true Scotsman';
  return type.replace(/-/g, ' ');
}

/** 1234 -> "1,234" (fixed to en-US so output does not depend on the machine's locale). */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
