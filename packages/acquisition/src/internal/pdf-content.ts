import { type Content, InputError } from '@orch/core';
import { assembleParagraphs, buildContent } from './build-content.js';
import { readPdf } from './read-pdf.js';

export interface PdfContext {
  source: { type: 'file' | 'url'; location: string };
  acquiredAt: Date;
}

/** Builds Content of kind 'document' from the bytes of a PDF. */
export async function contentOfPdf(bytes: Uint8Array, context: PdfContext): Promise<Content> {
  const location = context.source.location;
  const pdf = await readPdf(bytes, location);
  if (pdf.paragraphs.length === 0) {
    throw new InputError(
      'PDF_NO_TEXT',
      `${location} holds no extractable text (${pdf.pageCount} page${pdf.pageCount === 1 ? '' : 's'}); it is probably scanned images. Run OCR on it first (for example ocrmypdf) or provide the text as a .txt file.`,
      { details: { location, pageCount: pdf.pageCount } },
    );
  }
  return buildContent('document', assembleParagraphs(pdf.paragraphs), {
    source: context.source,
    mediaType: 'application/pdf',
    byteLength: bytes.length,
    title: pdf.title,
    author: pdf.author,
    publishedAt: pdf.publishedAt,
    language: pdf.language,
    acquiredAt: context.acquiredAt,
  });
}
