import { z } from 'zod';
import { isoDateTimeSchema, type Span } from './primitives.js';

export const CONTENT_KINDS = ['article', 'transcript', 'document', 'media'] as const;
export const contentKindSchema = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof contentKindSchema>;

/**
 * A piece of the text: a paragraph of an article or a cue of a transcript. Offsets index
 * `Content.text`; transcript segments carry their time range in seconds.
 */
export const segmentSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  startSeconds: z.number().min(0).optional(),
  endSeconds: z.number().min(0).optional(),
  speaker: z.string().min(1).optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const contentMetadataSchema = z.object({
  source: z.object({
    type: z.enum(['file', 'url', 'text']),
    location: z.string().min(1),
  }),
  mediaType: z.string().min(1),
  byteLength: z.number().int().min(0),
  wordCount: z.number().int().min(0),
  title: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  publishedAt: z.string().min(1).optional(),
  siteName: z.string().min(1).optional(),
  platform: z.string().min(1).optional(),
  language: z.string().min(2).optional(),
  durationSeconds: z.number().min(0).optional(),
  videoId: z.string().min(1).optional(),
  uploader: z.string().min(1).optional(),
  acquiredAt: isoDateTimeSchema,
});
export type ContentMetadata = z.infer<typeof contentMetadataSchema>;

/** What acquisition hands every later stage: the text, its segments and where it came from. */
export const contentSchema = z.object({
  /** sha256 of `text`, hex: the identity of the content for caches and memory. */
  id: z.string().regex(/^[a-f0-9]{64}$/),
  kind: contentKindSchema,
  text: z.string(),
  segments: z.array(segmentSchema),
  metadata: contentMetadataSchema,
});
export type Content = z.infer<typeof contentSchema>;

/** The transcript time (seconds) at a character offset of `content.text`, when it has one. */
export function secondsAt(content: Content, offset: number): number | undefined {
  const segment = content.segments.find((item) => offset >= item.start && offset < item.end);
  return segment?.startSeconds;
}

/** Adds the transcript time of each item's span, so quotes keep their timestamps. */
export function withTimestamps<T extends { span?: Span | undefined }>(
  items: readonly T[],
  content: Content,
): T[] {
  return items.map((item) => {
    const seconds = item.span ? secondsAt(content, item.span.start) : undefined;
    return seconds === undefined ? item : { ...item, startSeconds: seconds };
  });
}
