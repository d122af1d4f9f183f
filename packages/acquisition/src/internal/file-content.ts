import type { Content } from '@orch/core';
import { htmlToDocument } from '../html-to-document.js';
import { markdownToDocument } from '../markdown-to-document.js';
import { parseSrt } from '../parse-srt.js';
import type { TranscriptCue } from '../transcript-cue.js';
import {
  assembleCues,
  assembleParagraphs,
  buildContent,
  type ContentMetadataInput,
  transcriptDuration,
} from './build-content.js';
import { emptyFile, noCues } from './file-errors.js';
import type { FileFormatInfo } from './file-formats.js';
import { plainTextToDocument } from './plain-text.js';
import { parseJsonTranscriptOf } from './read-json-transcript.js';
import { parseVttDocument } from './vtt-document.js';

export interface FileContext {
  /** The absolute path. */
  location: string;
  byteLength: number;
  acquiredAt: Date;
}

function baseMetadata(info: FileFormatInfo, context: FileContext): ContentMetadataInput {
  return {
    source: { type: 'file', location: context.location },
    mediaType: info.mediaType,
    byteLength: context.byteLength,
    acquiredAt: context.acquiredAt,
  };
}

function articleContent(
  info: FileFormatInfo,
  context: FileContext,
  paragraphs: readonly string[],
  metadata: Partial<ContentMetadataInput>,
): Content {
  if (paragraphs.length === 0) {
    throw emptyFile(context.location, 'holds no readable text once its markup is removed');
  }
  return buildContent(info.kind, assembleParagraphs(paragraphs), {
    ...baseMetadata(info, context),
    ...metadata,
  });
}

function transcriptContent(
  info: FileFormatInfo,
  context: FileContext,
  cues: readonly TranscriptCue[],
  metadata: Partial<ContentMetadataInput>,
): Content {
  return buildContent(info.kind, assembleCues(cues), {
    ...baseMetadata(info, context),
    durationSeconds: transcriptDuration(cues),
    ...metadata,
  });
}

/** Turns the decoded text of a file into Content according to its format. */
export function contentOfFile(info: FileFormatInfo, text: string, context: FileContext): Content {
  switch (info.format) {
    case 'text': {
      const document = plainTextToDocument(text);
      return articleContent(info, context, document.paragraphs, {
        title: document.title,
        author: document.author,
      });
    }
    case 'markdown': {
      const document = markdownToDocument(text);
      return articleContent(info, context, document.paragraphs, {
        title: document.title,
        author: document.author,
        publishedAt: document.publishedAt,
      });
    }
    case 'html': {
      const document = htmlToDocument(text);
      return articleContent(info, context, document.paragraphs, {
        title: document.title,
        author: document.author,
        publishedAt: document.publishedAt,
        siteName: document.siteName,
        language: document.language,
      });
    }
    case 'srt': {
      const cues = parseSrt(text);
      if (cues.length === 0) throw noCues(context.location, 'SRT');
      return transcriptContent(info, context, cues, {});
    }
    case 'vtt': {
      const document = parseVttDocument(text);
      if (document.cues.length === 0) throw noCues(context.location, 'WebVTT');
      return transcriptContent(info, context, document.cues, { language: document.language });
    }
    case 'json': {
      const transcript = parseJsonTranscriptOf(text, context.location);
      return transcriptContent(info, context, transcript.cues, {
        title: transcript.title,
        language: transcript.language,
      });
    }
  }
}
