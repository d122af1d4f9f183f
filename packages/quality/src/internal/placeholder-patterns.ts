import type { PlaceholderHit } from '../detect-placeholder.js';
import { lowerCasePreservingLength, normalizeWithOffsets } from './normalized-text.js';

interface PlaceholderPattern {
  /** The name reported in PlaceholderHit.pattern. */
  pattern: string;
  regex: RegExp;
  /** True for patterns that match a whole value; those are reported even when the source has them. */
  wholeValue?: boolean;
}

const SLOT_WORDS =
  'claim|quote|title|name|source|date|summary|text|speaker|url|link|number|entity|explanation|description|author|topic|keyword|value|content|evidence|person|organization|location|transcript';

/** Checked in order; the first hit wins. Case-insensitive unless noted. */
const PATTERNS: readonly PlaceholderPattern[] = [
  { pattern: 'lorem ipsum', regex: /\blorem ipsum\b/i },
  {
    pattern: 'sample video title',
    regex: /\b(?:sample|example|dummy|placeholder) (?:video |article |podcast |episode )?title\b/i,
  },
  { pattern: 'goes here', regex: /\bgoes here\b/i },
  { pattern: '[insert', regex: /[[<]\s*insert\b/i },
  { pattern: 'insert ... here', regex: /\binsert (?:[\p{L}\p{N}]+ ){0,4}here\b/iu },
  {
    pattern: 'your text here',
    regex:
      /\byour (?:own )?(?:text|title|summary|content|name|quote|claim|answer|description|analysis|transcript) here\b/i,
  },
  { pattern: 'the downloaded media file', regex: /\bthe downloaded (?:media|video|audio) file\b/i },
  { pattern: '{{template}}', regex: /\{\{[^{}]*\}\}|\$\{[^{}]*\}/ },
  {
    pattern: '[slot]',
    regex: new RegExp(`[[<]\\s*(?:${SLOT_WORDS})(?:[ _-]?\\d+)?\\s*[\\]>]`, 'i'),
  },
  { pattern: 'placeholder', regex: /\bplaceholders?\b/i },
  // Upper case only: "todo" is an ordinary Spanish and Portuguese word.
  { pattern: 'TODO', regex: /\b(?:TODO|TBD|FIXME)\b/ },
  { pattern: 'xxx', regex: /\bx{3,}\b/i },
  {
    pattern: 'stub value',
    regex: /^(?:n\/a|null|undefined|nil|tbd|todo)$/i,
    wholeValue: true,
  },
  { pattern: 'punctuation only', regex: /^[\p{P}\p{S}\s]+$/u, wholeValue: true },
];

/** Words of context kept on each side of a hit in its excerpt. */
const CONTEXT_CHARACTERS = 40;

function excerptAround(value: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT_CHARACTERS);
  if (from > 0) {
    const space = value.indexOf(' ', from);
    from = space !== -1 && space < start ? space + 1 : start;
  }
  let to = Math.min(value.length, end + CONTEXT_CHARACTERS);
  if (to < value.length) {
    const space = value.lastIndexOf(' ', to);
    to = Math.max(space, end);
  }
  return value.slice(from, to);
}

/**
 * Finds placeholder-looking text in `value`. `sourceLower` is the normalised, lower-cased source:
 * a hit whose excerpt occurs there is real source text, not a placeholder, and is skipped.
 */
export function findPlaceholder(value: string, sourceLower?: string): PlaceholderHit | undefined {
  const normalized = normalizeWithOffsets(value).text;
  if (normalized.length === 0) return undefined;
  for (const { pattern, regex, wholeValue } of PATTERNS) {
    const match = regex.exec(normalized);
    if (!match) continue;
    const excerpt = wholeValue
      ? normalized
      : excerptAround(normalized, match.index, match.index + match[0].length);
    if (!wholeValue && sourceLower?.includes(lowerCasePreservingLength(excerpt))) continue;
    return { pattern, excerpt };
  }
  return undefined;
}
