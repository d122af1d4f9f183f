import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, InputError, isOrchError, StageError } from '@orch/core';
import type { Transcriber, TranscriberResult } from '../transcriber.js';
import type { TranscriptCue } from '../transcript-cue.js';
import { type AudioChunk, probeMedia, splitAudio } from './ffmpeg.js';
import type { MediaSettings } from './media-settings.js';
import { collapseWhitespace } from './text-normalization.js';
import { throwIfAborted } from './throw-if-aborted.js';

export interface MediaTranscript {
  cues: TranscriptCue[];
  language?: string;
  durationSeconds?: number;
}

/** ConfigError TRANSCRIBER_MISSING: the media needs transcribing and nothing can do it. */
export function transcriberMissing(what: string): ConfigError {
  return new ConfigError(
    'TRANSCRIBER_MISSING',
    `${what} needs to be transcribed, but no transcriber is configured. Set OPENAI_API_KEY (or OPENAI_BASE_URL of a Whisper-compatible server) so orch can transcribe audio, or analyse a transcript file (.srt, .vtt, .json) instead.`,
  );
}

/**
 * Probes `input`, converts its audio to mono 16 kHz MP3 chunks in a fresh temporary directory,
 * transcribes the chunks (at most `settings.concurrency` at once), shifts every segment by the
 * start of its chunk and returns the cues in order. The temporary directory is always removed.
 */
export async function transcribeMedia(
  input: string,
  transcriber: Transcriber,
  settings: MediaSettings,
  signal: AbortSignal | undefined,
): Promise<MediaTranscript> {
  const scope = {
    paths: settings.paths,
    timeoutMs: settings.toolTimeoutMs,
    ...(signal === undefined ? {} : { signal }),
  };
  const probe = await probeMedia(input, scope);
  if (!probe.hasAudio) {
    throw new InputError(
      'MEDIA_NO_AUDIO',
      `${input} has no audio track, so there is nothing to transcribe. Check that you picked the right file.`,
      { details: { path: input } },
    );
  }
  const directory = await mkdtemp(join(settings.temporaryDirectory, 'orch-chunks-'));
  try {
    const chunks = await splitAudio(input, directory, settings.chunkSeconds, scope);
    const results = await transcribeChunks(chunks, transcriber, settings, signal);
    const cues: TranscriptCue[] = [];
    let language: string | undefined;
    results.forEach((result, index) => {
      const chunk = chunks[index] as AudioChunk;
      language ??= result.language;
      for (const segment of result.segments) {
        const text = collapseWhitespace(segment.text);
        if (text.length === 0) continue;
        const startSeconds = chunk.startSeconds + Math.max(0, segment.startSeconds);
        cues.push({
          startSeconds,
          endSeconds: Math.max(startSeconds, chunk.startSeconds + segment.endSeconds),
          text,
          ...(segment.speaker === undefined || segment.speaker.trim() === ''
            ? {}
            : { speaker: segment.speaker.trim() }),
        });
      }
    });
    if (cues.length === 0) {
      throw new InputError(
        'MEDIA_NO_SPEECH',
        `The transcription of ${input} holds no words. Check that the media contains speech (and the language option, if you set it).`,
        { details: { path: input } },
      );
    }
    const lastChunk = chunks[chunks.length - 1];
    const durationSeconds = probe.durationSeconds ?? lastChunk?.endSeconds;
    return {
      cues,
      ...(language === undefined ? {} : { language }),
      ...(durationSeconds === undefined ? {} : { durationSeconds }),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Transcribes the chunks with bounded concurrency; the results keep the order of the chunks. */
async function transcribeChunks(
  chunks: readonly AudioChunk[],
  transcriber: Transcriber,
  settings: MediaSettings,
  signal: AbortSignal | undefined,
): Promise<TranscriberResult[]> {
  // One failed chunk stops the others: their work would be thrown away.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const results: TranscriberResult[] = new Array(chunks.length);
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      const index = next;
      next += 1;
      const chunk = chunks[index];
      if (chunk === undefined) return;
      try {
        throwIfAborted(signal, 'Transcription');
        const result = await transcriber({
          path: chunk.path,
          signal: controller.signal,
          ...(settings.language === undefined ? {} : { language: settings.language }),
        });
        results[index] = checkResult(result, index);
      } catch (error) {
        failure ??= error;
        controller.abort(error);
      }
    }
  };
  try {
    const workers = Math.min(settings.concurrency, chunks.length);
    await Promise.all(Array.from({ length: workers }, () => worker()));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) {
    throwIfAborted(signal, 'Transcription');
    if (isOrchError(failure)) throw failure;
    throw new StageError(
      'TRANSCRIPTION_FAILED',
      `The transcriber failed: ${failure instanceof Error ? failure.message : String(failure)}. Check the transcription endpoint and retry.`,
      { cause: failure, retryable: true },
    );
  }
  return results;
}

function checkResult(result: TranscriberResult, index: number): TranscriberResult {
  const valid =
    typeof result === 'object' &&
    result !== null &&
    Array.isArray(result.segments) &&
    result.segments.every(
      (segment) =>
        typeof segment === 'object' &&
        segment !== null &&
        typeof segment.text === 'string' &&
        Number.isFinite(segment.startSeconds) &&
        Number.isFinite(segment.endSeconds),
    );
  if (!valid) {
    throw new StageError(
      'TRANSCRIPTION_INVALID',
      `The transcriber returned something other than timed segments for audio chunk ${index + 1}. Check that it follows the Transcriber contract of @orch/acquisition.`,
    );
  }
  return result;
}
