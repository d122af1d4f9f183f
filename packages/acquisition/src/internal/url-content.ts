import { extname } from 'node:path';
import type { Content, ContentKind } from '@orch/core';
import type { FetchedUrl } from '../fetch-url.js';
import { htmlToDocument } from '../html-to-document.js';
import { markdownToDocument } from '../markdown-to-document.js';
import { parseSrt } from '../parse-srt.js';
import type { TranscriptCue } from '../transcript-cue.js';
import { detectBinary } from './binary-signature.js';
import {
  assembleCues,
  assembleParagraphs,
  buildContent,
  type ContentMetadataInput,
  transcriptDuration,
} from './build-content.js';
import { contentOfPdf } from './pdf-content.js';
import { plainTextToDocument } from './plain-text.js';
import { parseJsonTranscriptOf } from './read-json-transcript.js';
import { urlContentTypeNotSupported, urlEmptyContent, urlNoCues } from './url-errors.js';
import { parseVttDocument } from './vtt-document.js';

type UrlFormat = 'html' | 'markdown' | 'text' | 'srt' | 'vtt' | 'json' | 'pdf';

const FORMATS: Readonly<Record<UrlFormat, { mediaType: string; kind: ContentKind }>> = {
  html: { mediaType: 'text/html', kind: 'article' },
  markdown: { mediaType: 'text/markdown', kind: 'article' },
  text: { mediaType: 'text/plain', kind: 'document' },
  srt: { mediaType: 'application/x-subrip', kind: 'transcript' },
  vtt: { mediaType: 'text/vtt', kind: 'transcript' },
  json: { mediaType: 'application/json', kind: 'transcript' },
  pdf: { mediaType: 'application/pdf', kind: 'document' },
};

const BY_MEDIA_TYPE: Readonly<Record<string, UrlFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'text/srt': 'srt',
  'text/x-srt': 'srt',
  'text/vtt': 'vtt',
  'application/json': 'json',
  'text/json': 'json',
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
};

const BY_EXTENSION: Readonly<Record<string, UrlFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.srt': 'srt',
  '.vtt': 'vtt',
  '.json': 'json',
  '.pdf': 'pdf',
};

/** Types whose format is told by the URL's extension (or a PDF signature) instead. */
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

/** The media types loadUrl downloads; anything else is refused before the body is read. */
export const READABLE_CONTENT_TYPES: readonly string[] = Object.freeze([
  ...Object.keys(BY_MEDIA_TYPE),
  'text/plain',
  ...GENERIC_TYPES,
]);

export const READABLE_DESCRIPTION =
  'web pages (text/html), Markdown, plain text, PDF, SRT and WebVTT subtitles, JSON transcripts';

function startsWithPdfSignature(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

function formatOf(fetched: FetchedUrl): UrlFormat {
  const extension = extname(fetched.url.pathname).toLowerCase();
  if (extension === '.json3') {
    throw urlContentTypeNotSupported(
      fetched.url,
      fetched.mediaType,
      READABLE_DESCRIPTION,
      'YouTube json3 captions are read with the video itself by media acquisition; pass the video URL, or .srt/.vtt subtitles',
    );
  }
  if (startsWithPdfSignature(fetched.body)) return 'pdf';
  const declared = BY_MEDIA_TYPE[fetched.mediaType];
  if (declared !== undefined) return declared;
  if (fetched.mediaType === 'text/plain') {
    const byExtension = BY_EXTENSION[extension];
    return byExtension === 'markdown' || byExtension === 'srt' || byExtension === 'vtt'
      ? byExtension
      : 'text';
  }
  const byExtension = GENERIC_TYPES.has(fetched.mediaType) ? BY_EXTENSION[extension] : undefined;
  if (byExtension === undefined) {
    throw urlContentTypeNotSupported(
      fetched.url,
      fetched.mediaType,
      READABLE_DESCRIPTION,
      extension.length === 0 ? undefined : `and the extension ${extension} is not one orch reads`,
    );
  }
  return byExtension;
}

function decodeText(fetched: FetchedUrl): string {
  try {
    return new TextDecoder(fetched.charset ?? 'utf-8').decode(fetched.body);
  } catch {
    // An unknown charset label: read the bytes as UTF-8.
    return new TextDecoder('utf-8').decode(fetched.body);
  }
}

interface UrlContext {
  fetched: FetchedUrl;
  format: UrlFormat;
  acquiredAt: Date;
}

function baseMetadata(context: UrlContext): ContentMetadataInput {
  return {
    source: { type: 'url', location: context.fetched.url.href },
    mediaType: FORMATS[context.format].mediaType,
    byteLength: context.fetched.body.length,
    acquiredAt: context.acquiredAt,
  };
}

function articleContent(
  context: UrlContext,
  paragraphs: readonly string[],
  metadata: Partial<ContentMetadataInput>,
): Content {
  if (paragraphs.length === 0) {
    throw urlEmptyContent(context.fetched.url, 'holds no readable text');
  }
  return buildContent(FORMATS[context.format].kind, assembleParagraphs(paragraphs), {
    ...baseMetadata(context),
    ...metadata,
  });
}

function transcriptContent(
  context: UrlContext,
  cues: readonly TranscriptCue[],
  metadata: Partial<ContentMetadataInput>,
): Content {
  return buildContent('transcript', assembleCues(cues), {
    ...baseMetadata(context),
    durationSeconds: transcriptDuration(cues),
    ...metadata,
  });
}

/** Turns a downloaded response into Content according to its content type (and extension). */
export async function contentOfResponse(fetched: FetchedUrl, acquiredAt: Date): Promise<Content> {
  const { url } = fetched;
  if (fetched.body.length === 0) throw urlEmptyContent(url, 'answered with an empty body');
  const format = formatOf(fetched);
  const context: UrlContext = { fetched, format, acquiredAt };
  if (format === 'pdf') {
    return contentOfPdf(fetched.body, { source: { type: 'url', location: url.href }, acquiredAt });
  }
  const signature = detectBinary(fetched.body);
  if (signature !== undefined) {
    throw urlContentTypeNotSupported(
      url,
      fetched.mediaType,
      READABLE_DESCRIPTION,
      `its content is ${signature.description}`,
    );
  }
  const text = decodeText(fetched);
  if (text.trim().length === 0) throw urlEmptyContent(url, 'holds only whitespace');
  switch (format) {
    case 'text': {
      const document = plainTextToDocument(text);
      return articleContent(context, document.paragraphs, {
        title: document.title,
        author: document.author,
      });
    }
    case 'markdown': {
      const document = markdownToDocument(text);
      return articleContent(context, document.paragraphs, {
        title: document.title,
        author: document.author,
        publishedAt: document.publishedAt,
      });
    }
    case 'html': {
      const document = htmlToDocument(text);
      return articleContent(context, document.paragraphs, {
        title: document.title,
        author: document.author,
        publishedAt: document.publishedAt,
        siteName: document.siteName,
        language: document.language,
      });
    }
    case 'srt': {
      const cues = parseSrt(text);
      if (cues.length === 0) throw urlNoCues(url, 'SRT');
      return transcriptContent(context, cues, {});
    }
    case 'vtt': {
      const document = parseVttDocument(text);
      if (document.cues.length === 0) throw urlNoCues(url, 'WebVTT');
      return transcriptContent(context, document.cues, { language: document.language });
    }
    case 'json': {
      const transcript = parseJsonTranscriptOf(text, url.href);
      return transcriptContent(context, transcript.cues, {
        title: transcript.title,
        language: transcript.language,
      });
    }
  }
}
