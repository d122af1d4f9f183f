import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { extname, resolve } from 'node:path';
import { type Content, InputError } from '@orch/core';
import { emptyFile, fileSystemError } from './internal/file-errors.js';
import {
  mediaCacheKey,
  mediaContent,
  readTranscript,
  storeTranscript,
} from './internal/media-content.js';
import { mediaSettings } from './internal/media-settings.js';
import { statRegularFile } from './internal/stat-regular-file.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { transcribeMedia, transcriberMissing } from './internal/transcribe-media.js';
import { MEDIA_FILE_EXTENSIONS, mediaTypeOfExtension } from './media-file-types.js';
import type { MediaLoadOptions } from './media-options.js';

/**
 * Transcribes a local audio or video file (`MEDIA_FILE_EXTENSIONS`: .mp3 .wav .m4a .ogg .opus
 * .flac .mp4 .mkv .webm .mov ...) into Content of kind 'media': ffprobe reads the duration,
 * ffmpeg converts the audio to mono 16 kHz MP3 chunks of `chunkSeconds`, the transcriber
 * transcribes them and the segments are shifted to the time of their chunk. With a `cache`, the
 * transcript is kept under the sha256 of the file bytes and a second load transcribes nothing.
 *
 * @throws InputError FILE_NOT_FOUND, NOT_A_FILE, FILE_NOT_READABLE, EMPTY_FILE,
 *   UNSUPPORTED_MEDIA_TYPE, MEDIA_DECODE_FAILED, MEDIA_NO_AUDIO, MEDIA_NO_SPEECH;
 *   ConfigError MEDIA_TOOL_MISSING, TRANSCRIBER_MISSING, INVALID_MEDIA_OPTIONS; StageError
 *   MEDIA_TOOL_TIMEOUT, TRANSCRIPTION_FAILED; the transcriber's own errors; CancelledError.
 */
export async function loadMediaFile(
  path: string,
  options: MediaLoadOptions = {},
): Promise<Content> {
  const settings = mediaSettings(options);
  const location = resolve(path);
  const { signal } = options;
  const what = `Loading ${location}`;
  throwIfAborted(signal, what);

  const stats = await statRegularFile(location);
  const extension = extname(location);
  const mediaType = mediaTypeOfExtension(extension);
  if (mediaType === undefined) {
    throw new InputError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${location} is not an audio or video file orch can transcribe (extension "${extension}"). Supported: ${MEDIA_FILE_EXTENSIONS.join(', ')}.`,
      { details: { path: location, extension } },
    );
  }
  if (stats.size === 0) throw emptyFile(location, 'is empty');

  const key = mediaCacheKey(`sha256:${await hashFile(location, signal)}`, settings.language);
  throwIfAborted(signal, what);
  const metadata = {
    source: { type: 'file' as const, location },
    mediaType,
    byteLength: stats.size,
  };
  const cached = await readTranscript(options.cache, key, settings.logger);
  if (cached !== undefined) {
    return mediaContent(cached.cues, {
      ...metadata,
      language: cached.language,
      durationSeconds: cached.durationSeconds,
      acquiredAt: settings.now(),
    });
  }

  if (options.transcriber === undefined) throw transcriberMissing(location);
  const transcript = await transcribeMedia(location, options.transcriber, settings, signal);
  await storeTranscript(
    options.cache,
    key,
    { ...transcript, origin: 'transcription' },
    settings.logger,
  );
  return mediaContent(transcript.cues, {
    ...metadata,
    language: transcript.language ?? settings.language,
    durationSeconds: transcript.durationSeconds,
    acquiredAt: settings.now(),
  });
}

async function hashFile(location: string, signal: AbortSignal | undefined): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(
      location,
      signal === undefined ? {} : { signal },
    ) as AsyncIterable<Buffer>) {
      hash.update(chunk);
    }
  } catch (error) {
    throw fileSystemError(error, location);
  }
  return hash.digest('hex');
}
