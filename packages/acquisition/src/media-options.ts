import type { Logger } from '@orch/core';
import type { MediaToolPaths } from './media-tools.js';
import type { Transcriber } from './transcriber.js';
import type { TranscriptCache } from './transcript-cache.js';

/** Chunks are 10 minutes long unless told otherwise. */
export const DEFAULT_CHUNK_SECONDS = 600;

/** The longest chunk allowed: 50 minutes of 32 kbit/s MP3 stay well under the 25 MB upload limit. */
export const MAX_CHUNK_SECONDS = 3000;

/** Options of `loadMediaFile` and `loadMediaUrl`. */
export interface MediaLoadOptions extends MediaToolPaths {
  /** Turns audio into timed text; needed unless subtitles or the cache provide the transcript. */
  transcriber?: Transcriber;
  /** Keeps transcripts by media identity, so the same media is not transcribed twice. */
  cache?: TranscriptCache;
  /**
   * The spoken language (ISO 639-1, `en`). Picks the subtitle track (default `en`) and is passed
   * to the transcriber; when absent the transcriber detects the language.
   */
  language?: string;
  /** Audio is transcribed in chunks of this many seconds (1 to 3000); default 600. */
  chunkSeconds?: number;
  /** How many chunks are transcribed at once; default 2. */
  concurrency?: number;
  /** Each yt-dlp, ffmpeg or ffprobe run is killed after this many milliseconds; default 30 minutes. */
  toolTimeoutMs?: number;
  /** Where working files go (a fresh directory inside it, removed afterwards); default the OS temp directory. */
  temporaryDirectory?: string;
  /** Stops the load and kills running tools; the load then throws CancelledError. */
  signal?: AbortSignal;
  /** The clock used for `metadata.acquiredAt`; default `() => new Date()`. */
  now?: () => Date;
  /** Receives warnings (a transcript cache that cannot be written). */
  logger?: Logger;
}
