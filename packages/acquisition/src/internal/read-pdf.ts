import { InputError } from '@orch/core';
import { languageTag } from './language-tag.js';
import { collapseWhitespace, nonEmpty } from './text-normalization.js';

/** The text of a PDF as paragraphs and what its information dictionary says. */
export interface PdfText {
  paragraphs: string[];
  pageCount: number;
  title?: string;
  author?: string;
  publishedAt?: string;
  language?: string;
}

interface PositionedLine {
  text: string;
  /** The baseline, in PDF units from the bottom of the page. */
  y: number;
  height: number;
}

interface TextRun {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

/** A vertical gap larger than this many line heights between two lines starts a paragraph. */
const PARAGRAPH_GAP = 1.75;

function isTextRun(item: unknown): item is TextRun {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function pageLines(items: readonly unknown[]): PositionedLine[] {
  const lines: PositionedLine[] = [];
  let current: PositionedLine | undefined;
  for (const item of items) {
    if (!isTextRun(item)) continue;
    const y = item.transform[5] ?? 0;
    const height = item.height > 0 ? item.height : Math.abs(item.transform[3] ?? 0);
    if (
      current !== undefined &&
      Math.abs(current.y - y) > Math.max(current.height, height, 1) * 0.5 &&
      item.str.trim().length > 0
    ) {
      lines.push(current);
      current = undefined;
    }
    if (current === undefined) current = { text: '', y, height };
    current.text += item.str;
    current.height = Math.max(current.height, height);
    if (item.hasEOL === true) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) lines.push(current);
  return lines;
}

function joinLine(paragraph: string, line: string): string {
  if (paragraph.length === 0) return line;
  // A word hyphenated at the end of a line continues on the next.
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/** Groups the lines of a page into paragraphs: a blank line or a wide gap starts a new one. */
function pageParagraphs(lines: readonly PositionedLine[]): string[] {
  const paragraphs: string[] = [];
  let paragraph = '';
  let previous: PositionedLine | undefined;
  for (const line of lines) {
    const text = collapseWhitespace(line.text);
    if (text.length === 0) {
      if (paragraph.length > 0) paragraphs.push(paragraph);
      paragraph = '';
      previous = undefined;
      continue;
    }
    if (previous !== undefined) {
      const gap = previous.y - line.y;
      const lineHeight = Math.max(previous.height, line.height, 1);
      if (gap < 0 || gap > lineHeight * PARAGRAPH_GAP) {
        if (paragraph.length > 0) paragraphs.push(paragraph);
        paragraph = '';
      }
    }
    paragraph = joinLine(paragraph, text);
    previous = line;
  }
  if (paragraph.length > 0) paragraphs.push(paragraph);
  return paragraphs;
}

/** A PDF date (`D:20240305093000+01'00'`) as an ISO 8601 timestamp in UTC. */
export function pdfDateToIso(value: string | undefined): string | undefined {
  const match =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(
      value?.trim() ?? '',
    );
  if (match === null) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00'] = match;
  const sign = match[7] === '-' ? -1 : match[7] === '+' ? 1 : 0;
  const offsetMinutes = sign * (Number(match[8] ?? 0) * 60 + Number(match[9] ?? 0));
  const time = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute) - offsetMinutes,
    Number(second),
  );
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function stringField(info: Record<string, unknown>, key: string): string | undefined {
  const value = info[key];
  return typeof value === 'string' ? nonEmpty(collapseWhitespace(value)) : undefined;
}

function invalidPdf(subject: string, error: unknown): InputError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return new InputError(
      'PDF_ENCRYPTED',
      `${subject} is protected by a password, so its text cannot be read. Remove the protection (for example with qpdf --decrypt) and try again.`,
      { cause: error, details: { location: subject } },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(
    'PDF_INVALID',
    `${subject} is not a readable PDF (${reason}). Check that the file is a complete PDF document, or export the text to a .txt file.`,
    { cause: error, details: { location: subject } },
  );
}

/**
 * Extracts the text of a PDF with pdf.js (through unpdf, which needs no browser or canvas), page
 * by page, as paragraphs. `subject` names the PDF in error messages.
 */
export async function readPdf(bytes: Uint8Array, subject: string): Promise<PdfText> {
  const { getDocumentProxy, getMeta } = await import('unpdf');
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given: hand it a copy.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    throw invalidPdf(subject, error);
  }
  try {
    const paragraphs: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      paragraphs.push(...pageParagraphs(pageLines(content.items)));
      page.cleanup();
    }
    const { info } = (await getMeta(document)) as { info: Record<string, unknown> };
    const result: PdfText = { paragraphs, pageCount: document.numPages };
    const title = stringField(info, 'Title');
    if (title !== undefined) result.title = title;
    const author = stringField(info, 'Author');
    if (author !== undefined) result.author = author;
    const publishedAt = pdfDateToIso(stringField(info, 'CreationDate'));
    if (publishedAt !== undefined) result.publishedAt = publishedAt;
    const language = languageTag(stringField(info, 'Language'));
    if (language !== undefined) result.language = language;
    return result;
  } catch (error) {
    throw invalidPdf(subject, error);
  } finally {
    await document.destroy();
  }
}
