/** A word: letters or digits, with inner apostrophes or hyphens (don't, well-known, 3-year). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words of the text in order, as written. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Counts the words of the text. */
export function countWords(text: string): number {
  return wordsOf(text).length;
}

/**
 * Unique-word ratio that does not fall just because a text is long: the mean type/token ratio
 * over a moving window of `window` words (MATTR). For texts shorter than the window it equals
 * the plain ratio of distinct words to words.
 */
export function uniqueWordRatio(words: readonly string[], window = 200): number {
  if (words.length === 0) return 0;
  const lower = words.map((word) => word.toLowerCase());
  if (lower.length <= window) return new Set(lower).size / lower.length;
  const counts = new Map<string, number>();
  for (let index = 0; index < window; index += 1) {
    const word = lower[index]!;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  let total = counts.size / window;
  let windows = 1;
  for (let index = window; index < lower.length; index += 1) {
    const incoming = lower[index]!;
    const outgoing = lower[index - window]!;
    counts.set(incoming, (counts.get(incoming) ?? 0) + 1);
    const remaining = (counts.get(outgoing) ?? 1) - 1;
    if (remaining === 0) counts.delete(outgoing);
    else counts.set(outgoing, remaining);
    total += counts.size / window;
    windows += 1;
  }
  return total / windows;
}

/** Share of word trigrams that repeat an earlier trigram: 0 for varied text, near 1 for loops. */
export function repetitionRatio(words: readonly string[], window = 1000): number {
  if (words.length <= window) return trigramRepetition(words);
  // Consecutive windows, the last one aligned to the end: a long talk repeats its stock
  // phrases over the hours without being looped, but a loop repeats inside every window.
  let total = 0;
  let windows = 0;
  for (let start = 0; start < words.length; start += window) {
    const from = Math.min(start, words.length - window);
    total += trigramRepetition(words.slice(from, from + window));
    windows += 1;
  }
  return total / windows;
}

function trigramRepetition(words: readonly string[]): number {
  if (words.length < 3) return 0;
  const seen = new Set<string>();
  let repeats = 0;
  let total = 0;
  for (let index = 0; index + 2 < words.length; index += 1) {
    const trigram = `${words[index]} ${words[index + 1]} ${words[index + 2]}`.toLowerCase();
    total += 1;
    if (seen.has(trigram)) repeats += 1;
    else seen.add(trigram);
  }
  return repeats / total;
}

/** Average characters per word. */
export function averageWordLength(words: readonly string[]): number {
  if (words.length === 0) return 0;
  return words.reduce((sum, word) => sum + word.length, 0) / words.length;
}

/** Clamps a number to 0..1. */
export function clampUnit(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Rounds to three decimals so reports stay readable. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
