import { z } from 'zod';
import type { TranscriptCue } from './transcript-cue.js';

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** One timed segment of a JSON transcript. Extra fields (Whisper's `id`, `tokens`...) are ignored. */
export const jsonTranscriptSegmentSchema = z
  .object({
    start: z.number().min(0),
    end: z.number().min(0),
    text: z.string(),
    speaker: z.string().nullish(),
  })
  .refine((segment) => segment.end >= segment.start, {
    message: 'end must not be before start',
    path: ['end'],
  });

/**
 * The JSON transcript format orch reads:
 * `{ "title"?: string, "language"?: string, "segments": [{ "start": seconds, "end": seconds,
 * "text": string, "speaker"?: string }] }`. Whisper's JSON output matches it.
 */
export const jsonTranscriptSchema = z.object({
  title: z.string().nullish(),
  language: z.string().regex(LANGUAGE_TAG, 'must be a language tag like "en" or "en-GB"').nullish(),
  segments: z.array(jsonTranscriptSegmentSchema).min(1, 'must hold at least one segment'),
});

/** What a JSON transcript file may contain (before validation fills nothing in: no defaults). */
export type JsonTranscriptInput = z.input<typeof jsonTranscriptSchema>;

/** A parsed JSON transcript. */
export interface JsonTranscript {
  cues: TranscriptCue[];
  title?: string;
  language?: string;
  /** The distinct speakers in order of first appearance; absent when no segment names one. */
  speakers?: string[];
}

/** The expected shape, quoted in every INVALID_TRANSCRIPT message about JSON. */
export const JSON_TRANSCRIPT_FORMAT =
  '{"title"?: string, "language"?: string, "segments": [{"start": seconds, "end": seconds, "text": string, "speaker"?: string}]}';
