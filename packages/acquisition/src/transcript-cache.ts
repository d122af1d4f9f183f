import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StorageError } from '@orch/core';
import { z } from 'zod';
import type { TranscriptCue } from './transcript-cue.js';

/** A transcript kept for a piece of media, so that it is not transcribed (or downloaded) again. */
export interface CachedTranscript {
  cues: TranscriptCue[];
  language?: string;
  /** How long the media lasts, in seconds, when known. */
  durationSeconds?: number;
  /** Where the cues came from: the media's own subtitles or a transcription of its audio. */
  origin: 'subtitles' | 'transcription';
}

/**
 * The transcript cache port. Keys name the media, not the text: `youtube:dQw4w9WgXcQ` for a
 * video (platform and id from yt-dlp), `sha256:<hex of the file bytes>` for a local file, with
 * `@<language>` appended when a language was asked for.
 */
export interface TranscriptCache {
  /** The cached transcript, or undefined when there is none (or it is unreadable). */
  get(key: string): Promise<CachedTranscript | undefined>;
  set(key: string, transcript: CachedTranscript): Promise<void>;
}

const cueSchema = z.object({
  startSeconds: z.number().min(0),
  endSeconds: z.number().min(0),
  text: z.string().min(1),
  speaker: z.string().min(1).optional(),
});

const entrySchema = z.object({
  version: z.literal(1),
  key: z.string(),
  transcript: z.object({
    cues: z.array(cueSchema).min(1),
    language: z.string().min(1).optional(),
    durationSeconds: z.number().min(0).optional(),
    origin: z.enum(['subtitles', 'transcription']),
  }),
});

/**
 * A TranscriptCache of JSON files in `directory` (created on first write), one file per key
 * named by the key's sha256. Files are written atomically (temporary file, then rename); a
 * missing, corrupt or foreign file reads as a miss. `set` throws StorageError
 * TRANSCRIPT_CACHE_WRITE_FAILED when the directory is not writable.
 */
export function createTranscriptCache(directory: string): TranscriptCache {
  const fileOf = (key: string): string =>
    join(directory, `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`);
  return {
    async get(key) {
      let raw: string;
      try {
        raw = await readFile(fileOf(key), 'utf8');
      } catch {
        return undefined;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return undefined;
      }
      const parsed = entrySchema.safeParse(value);
      if (!parsed.success || parsed.data.key !== key) return undefined;
      const { cues, language, durationSeconds, origin } = parsed.data.transcript;
      return {
        cues: cues.map((cue) => ({
          startSeconds: cue.startSeconds,
          endSeconds: cue.endSeconds,
          text: cue.text,
          ...(cue.speaker === undefined ? {} : { speaker: cue.speaker }),
        })),
        ...(language === undefined ? {} : { language }),
        ...(durationSeconds === undefined ? {} : { durationSeconds }),
        origin,
      };
    },
    async set(key, transcript) {
      const file = fileOf(key);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(directory, { recursive: true });
        await writeFile(temporary, JSON.stringify({ version: 1, key, transcript }), 'utf8');
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new StorageError(
          'TRANSCRIPT_CACHE_WRITE_FAILED',
          `Could not write the transcript cache in ${directory} (${error instanceof Error ? error.message : String(error)}). Make the directory writable or point the cache elsewhere.`,
          { cause: error, details: { directory } },
        );
      }
    },
  };
}
