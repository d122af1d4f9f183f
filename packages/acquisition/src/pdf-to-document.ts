import { PARAGRAPH_SEPARATOR } from './internal/build-content.js';
import { readPdf } from './internal/read-pdf.js';

/** The text of a PDF document and what its information dictionary says about it. */
export interface PdfDocument {
  /** The paragraphs joined with a blank line. */
  text: string;
  paragraphs: string[];
  pageCount: number;
  /** `/Title` of the document information. */
  title?: string;
  /** `/Author` of the document information. */
  author?: string;
  /** `/CreationDate` as an ISO 8601 timestamp (UTC). */
  publishedAt?: string;
  /** `/Lang` of the document catalog, when it is a language tag. */
  language?: string;
}

/**
 * Extracts the text of a PDF (pdf.js through `unpdf`: no browser, canvas or worker needed), page
 * by page: text runs become lines by their position, and a blank line or a vertical gap wider
 * than 1.75 line heights (or a new page) starts a new paragraph; lines of a paragraph are joined
 * with a space, and a word hyphenated at a line end is joined again. A PDF without a text layer
 * (scanned images) gives no paragraphs. Throws InputError `PDF_INVALID` for bytes that are not a
 * readable PDF and `PDF_ENCRYPTED` for a password-protected one.
 */
export async function pdfToDocument(bytes: Uint8Array): Promise<PdfDocument> {
  const { paragraphs, ...rest } = await readPdf(bytes, 'The PDF');
  return { text: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphs, ...rest };
}
