import type { FallacyType, Method } from '@orch/core';

/**
 * User text made safe for one line of Markdown: whitespace (newlines included) collapsed,
 * inline markup characters backslash-escaped (so `*`, `_`, backticks, brackets, `<`, `|` show
 * as typed and a pipe cannot split a table cell), and a leading block marker (`#`, `>`, `-`,
 * `+`, `=`, `1.`) escaped so the text cannot start a heading, quote or list.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** User text in double quotes, escaped: “the exact words”. */
export function inlineQuote(text: string): string {
  return `“${escapeInline(text)}”`;
}

/** A URL as a Markdown autolink when it is safe to be one, else as escaped text. */
export function linkOrText(location: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(location) ? `<${location}>` : escapeInline(location);
}

/** How a section was made, for its heading: "model: gpt-4o-mini", "heuristic", "formula". */
export function methodLabel(
  section: { method: Method; model?: string | undefined },
  heuristicWords = 'heuristic',
): string {
  if (section.method === 'llm') {
    return section.model ? `model: ${escapeInline(section.model)}` : 'language model';
  }
  return section.method === 'formula' ? 'formula' : heuristicWords;
}

/** "## Title (method)". */
export function heading(title: string, label?: string): string {
  return label ? `## ${title} (${label})` : `## ${title}`;
}

/** A fallacy type in words, capitalised: "slippery-slope" -> "Slippery slope". */
export function fallacyTitle(type: FallacyType): string {
  const words = type === 'no-true-scotsman' ? 'no true Scotsman' : type.replace(/-/g, ' ');
  return capitalise(words);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Two decimals: 0.3 -> "0.30". */
export function decimal(value: number): string {
  return value.toFixed(2);
}

/** 0.8333 -> "83%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** 1234 -> "1,234", independent of the machine's locale. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 claim" / "3 claims". */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${count(value)} ${value === 1 ? singular : plural}`;
}

/** A transcript position: 83 -> "01:23", 3723 -> "01:02:03". */
export function timestamp(seconds: number): string {
  const total = Math.floor(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(rest)}` : `${pad(minutes)}:${pad(rest)}`;
}

/** A duration for people: "850 ms", "4.5 s", "2 min 5 s". */
export function duration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`;
  const seconds = Math.round(milliseconds / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** Indents every line of a block so it nests inside a numbered list item ("1. "). */
export function indent(block: string, spaces = 3): string {
  const pad = ' '.repeat(spaces);
  return block
    .split('\n')
    .map((line) => (line.length > 0 ? `${pad}${line}` : line))
    .join('\n');
}
