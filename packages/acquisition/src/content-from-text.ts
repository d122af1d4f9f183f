import { Buffer } from 'node:buffer';
import { type Content, InputError } from '@orch/core';
import { assembleParagraphs, buildContent } from './internal/build-content.js';
import { plainTextToDocument } from './internal/plain-text.js';
import { nonEmpty } from './internal/text-normalization.js';

/** Options of `contentFromText`. */
export interface ContentFromTextOptions {
  /** The title; when absent, a headline-like first line is used (see the README). */
  title?: string;
  /** What `metadata.source.location` says; default "inline text". */
  location?: string;
  /** The clock used for `metadata.acquiredAt`; default `() => new Date()`. */
  now?: () => Date;
}

/**
 * Builds Content of kind 'document' from text given inline, split into paragraphs like a .txt
 * file (`metadata.source.type` is 'text', mediaType text/plain). Throws InputError EMPTY_TEXT
 * when the text is empty or only whitespace.
 */
export function contentFromText(text: string, options: ContentFromTextOptions = {}): Content {
  const location = nonEmpty(options.location) ?? 'inline text';
  if (text.trim().length === 0) {
    throw new InputError(
      'EMPTY_TEXT',
      `The text to analyse (${location}) is empty or only whitespace; pass the text itself.`,
      { details: { location } },
    );
  }
  const document = plainTextToDocument(text);
  const now = options.now ?? (() => new Date());
  return buildContent('document', assembleParagraphs(document.paragraphs), {
    source: { type: 'text', location },
    mediaType: 'text/plain',
    byteLength: Buffer.byteLength(text, 'utf8'),
    title: nonEmpty(options.title) ?? document.title,
    author: document.author,
    acquiredAt: now(),
  });
}
