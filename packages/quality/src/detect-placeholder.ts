import { ensureString } from './internal/ensure.js';
import { lowerCasePreservingLength, normalizeWithOffsets } from './internal/normalized-text.js';
import { findPlaceholder } from './internal/placeholder-patterns.js';

/** A placeholder found in a value. */
export interface PlaceholderHit {
  /** Which pattern fired, e.g. "goes here", "[insert", "sample video title", "stub value". */
  pattern: string;
  /** The hit with a few words of context (the whole value for whole-value patterns). */
  excerpt: string;
}

export interface DetectPlaceholderOptions {
  /** The analysed source. A hit whose excerpt occurs in it is source text, not a placeholder. */
  sourceText?: string;
}

/**
 * Detects text a model writes instead of real output, case-insensitively after normalisation:
 * "lorem ipsum", "sample video title" (and sample/example/dummy title), "... goes here",
 * "[insert" / "<insert", "insert ... here", "your text here", "the downloaded media file",
 * template markers ("{{title}}", "${name}"), bracketed slots ("[claim]", "[QUOTE 1]", "<name>"),
 * the word "placeholder", "xxx", upper-case "TODO"/"TBD"/"FIXME" (upper case only: "todo" is a
 * Spanish word), and whole values that are only "N/A", "null", "undefined", "nil", "TBD", "TODO"
 * or only punctuation. Editorial brackets such as "[the mayor]" and "[...]" do not fire.
 *
 * With `sourceText`, a hit whose excerpt also occurs in the source (a real article that says
 * "placeholder") is skipped; whole-value stubs are reported regardless.
 *
 * @throws InputError QUALITY_TEXT_NOT_STRING when `text` (or `sourceText`) is not a string.
 */
export function detectPlaceholder(
  text: string,
  options: DetectPlaceholderOptions = {},
): PlaceholderHit | undefined {
  ensureString(text, 'text', 'detectPlaceholder');
  const sourceLower =
    options.sourceText === undefined
      ? undefined
      : lowerCasePreservingLength(
          normalizeWithOffsets(ensureString(options.sourceText, 'sourceText', 'detectPlaceholder'))
            .text,
        );
  return findPlaceholder(text, sourceLower);
}
