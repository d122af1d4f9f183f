import { parseDocument } from './internal/document.js';
import { ensureText } from './internal/validate.js';

/** A sentence of the input with its exact character offsets (end exclusive). */
export interface Sentence {
  /** Position of the sentence in the text, from 0. */
  index: number;
  /** Exactly `input.slice(start, end)`: no surrounding whitespace. */
  text: string;
  start: number;
  end: number;
}

/**
 * Splits text into sentences with wink-nlp's sentence boundary detection. Paragraphs separated by
 * blank lines, Markdown headings and list items never share a sentence. Handles abbreviations
 * ("Dr.", "U.S."), decimals and quoted questions.
 */
export function splitSentences(text: string): Sentence[] {
  return parseDocument(ensureText(text, 'splitSentences')).sentences.map(
    ({ index, text: sentenceText, start, end }) => ({
      index,
      text: sentenceText,
      start,
      end,
    }),
  );
}
