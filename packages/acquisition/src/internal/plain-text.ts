import { bylineAuthor } from './byline.js';
import { normalizeLineEndings, stripByteOrderMark } from './text-normalization.js';

/** A plain-text document split into paragraphs, with the title and author it shows. */
export interface PlainTextDocument {
  paragraphs: string[];
  title?: string;
  author?: string;
}

const LIST_ITEM = /^(?:[-*+\u2022]|\d{1,3}[.)])\s+/;
const HEADLINE_MAX_CHARACTERS = 120;
const NOT_HEADLINE_ENDING = /[.,;:]$/;
const BYLINE_WINDOW = 3;

/**
 * One paragraph from its lines: hard-wrapped lines are joined with a space, except that a line
 * starting a list item (`-`, `*`, `•`, `1.`) keeps its line break; runs of spaces and tabs
 * become one space.
 */
function joinLines(lines: readonly string[]): string {
  let paragraph = '';
  for (const line of lines) {
    const cleaned = line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim();
    if (cleaned.length === 0) continue;
    if (paragraph.length > 0) paragraph += LIST_ITEM.test(cleaned) ? '\n' : ' ';
    paragraph += cleaned;
  }
  return paragraph;
}

/**
 * Splits plain text into paragraphs at blank lines. The title is the first paragraph when it
 * looks like a headline: a single line of at most 120 characters that does not end with `.`,
 * `,`, `;` or `:`, is not a byline, and is followed by more text. The author comes from a byline
 * ("By Jane Doe") among the first three paragraphs.
 */
export function plainTextToDocument(text: string): PlainTextDocument {
  const normalized = normalizeLineEndings(stripByteOrderMark(text));
  const rawParagraphs = normalized.split(/\n[ \t\f\v\u00a0]*\n/);
  const paragraphs: string[] = [];
  let firstIsSingleLine = false;
  for (const raw of rawParagraphs) {
    const lines = raw.split('\n').filter((line) => line.trim().length > 0);
    const paragraph = joinLines(lines);
    if (paragraph.length === 0) continue;
    if (paragraphs.length === 0) firstIsSingleLine = lines.length === 1;
    paragraphs.push(paragraph);
  }

  const result: PlainTextDocument = { paragraphs };
  const first = paragraphs[0];
  if (
    first !== undefined &&
    paragraphs.length > 1 &&
    firstIsSingleLine &&
    first.length <= HEADLINE_MAX_CHARACTERS &&
    !NOT_HEADLINE_ENDING.test(first) &&
    bylineAuthor(first) === undefined
  ) {
    result.title = first;
  }
  for (const paragraph of paragraphs.slice(0, BYLINE_WINDOW)) {
    const author = bylineAuthor(paragraph);
    if (author !== undefined) {
      result.author = author;
      break;
    }
  }
  return result;
}
