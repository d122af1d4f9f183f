import { createHash } from 'node:crypto';
import {
  ConfigError,
  type Content,
  type ContentKind,
  type ContentMetadata,
  contentSchema,
  type Segment,
  ValidationError,
} from '@orch/core';
import type { TranscriptCue } from '../transcript-cue.js';
import { countWords } from './text-normalization.js';

/** The separator between the paragraphs of articles and documents. */
export const PARAGRAPH_SEPARATOR = '\n\n';

export interface AssembledText {
  text: string;
  segments: Segment[];
}

/** Joins paragraphs with a blank line; one segment per paragraph with exact offsets. */
export function assembleParagraphs(paragraphs: readonly string[]): AssembledText {
  const segments: Segment[] = [];
  let text = '';
  for (const paragraph of paragraphs) {
    if (paragraph.length === 0) continue;
    if (segments.length > 0) text += PARAGRAPH_SEPARATOR;
    const start = text.length;
    text += paragraph;
    segments.push({ index: segments.length, text: paragraph, start, end: text.length });
  }
  return { text, segments };
}

/**
 * Joins cues into one running text: a single space between cues of the same speaker, a single
 * newline where the speaker changes. One segment per cue, with its times and speaker.
 */
export function assembleCues(cues: readonly TranscriptCue[]): AssembledText {
  const segments: Segment[] = [];
  let text = '';
  let previous: TranscriptCue | undefined;
  for (const cue of cues) {
    if (cue.text.length === 0) continue;
    if (previous !== undefined) text += previous.speaker === cue.speaker ? ' ' : '\n';
    const start = text.length;
    text += cue.text;
    segments.push({
      index: segments.length,
      text: cue.text,
      start,
      end: text.length,
      startSeconds: cue.startSeconds,
      endSeconds: cue.endSeconds,
      ...(cue.speaker === undefined ? {} : { speaker: cue.speaker }),
    });
    previous = cue;
  }
  return { text, segments };
}

/** The latest end time of the cues: the duration the transcript covers. */
export function transcriptDuration(cues: readonly TranscriptCue[]): number {
  let duration = 0;
  for (const cue of cues) duration = Math.max(duration, cue.endSeconds);
  return duration;
}

export type ContentMetadataInput = Omit<ContentMetadata, 'wordCount' | 'acquiredAt'> & {
  acquiredAt: Date;
};

/** Builds Content (id = sha256 of the text, word count) and validates it against the schema. */
export function buildContent(
  kind: ContentKind,
  assembled: AssembledText,
  metadata: ContentMetadataInput,
): Content {
  const { acquiredAt, ...rest } = metadata;
  if (Number.isNaN(acquiredAt.getTime())) {
    throw new ConfigError(
      'INVALID_CLOCK',
      'The `now` option returned an invalid Date; pass a function that returns a valid Date.',
    );
  }
  const definedMetadata = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  ) as Omit<ContentMetadata, 'wordCount' | 'acquiredAt'>;
  const candidate: Content = {
    id: createHash('sha256').update(assembled.text, 'utf8').digest('hex'),
    kind,
    text: assembled.text,
    segments: assembled.segments,
    metadata: {
      ...definedMetadata,
      wordCount: countWords(assembled.text),
      acquiredAt: acquiredAt.toISOString(),
    },
  };
  const result = contentSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? 'unknown field' : issue.path.join('.') || 'content';
    throw new ValidationError(
      'INVALID_CONTENT',
      `Acquisition of ${metadata.source.location} produced Content that fails its schema at ${where} (${issue?.message ?? 'invalid'}); this is a bug in @orch/acquisition, please report it with the input file.`,
      { cause: result.error, details: { location: metadata.source.location } },
    );
  }
  return result.data;
}
