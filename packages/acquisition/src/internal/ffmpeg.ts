import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError, StageError } from '@orch/core';
import type { ResolvedMediaToolPaths } from './media-tool-paths.js';
import { lastStderrLine, runTool } from './run-tool.js';

/** The upload limit of OpenAI's transcription endpoint: every chunk must stay under it. */
export const TRANSCRIPTION_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

/** Chunks are MP3 at this bit rate: 10 minutes take about 2.4 MB. */
const CHUNK_BITRATE = '32k';

export interface ToolRunScope {
  paths: ResolvedMediaToolPaths;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface MediaProbe {
  /** Undefined when the container does not say (some live recordings). */
  durationSeconds?: number;
  hasAudio: boolean;
  hasVideo: boolean;
}

/** Asks ffprobe for the duration and the kinds of streams of a media file. */
export async function probeMedia(file: string, scope: ToolRunScope): Promise<MediaProbe> {
  const run = await runTool(
    'ffprobe',
    scope.paths.ffprobe,
    ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type', '-of', 'json', file],
    runOptions(scope),
  );
  if (run.exitCode !== 0) throw undecodable(file, run.stderr);
  let parsed: { format?: { duration?: unknown }; streams?: { codec_type?: unknown }[] };
  try {
    parsed = JSON.parse(run.stdout) as typeof parsed;
  } catch (error) {
    throw undecodable(file, `ffprobe printed no JSON (${String(error)})`);
  }
  const duration = Number(parsed.format?.duration);
  const types = new Set((parsed.streams ?? []).map((stream) => stream.codec_type));
  return {
    ...(Number.isFinite(duration) && duration >= 0 ? { durationSeconds: duration } : {}),
    hasAudio: types.has('audio'),
    hasVideo: types.has('video'),
  };
}

export interface AudioChunk {
  path: string;
  /** Where the chunk starts in the original media, in seconds. */
  startSeconds: number;
  endSeconds: number;
}

/**
 * Converts the first audio stream of `input` to mono 16 kHz MP3 and cuts it into chunks of
 * `chunkSeconds` with ffmpeg's segment muxer, which reports the exact start of every chunk.
 * Throws InputError MEDIA_DECODE_FAILED when ffmpeg cannot read the file and StageError
 * MEDIA_CHUNK_TOO_LARGE when a chunk would exceed the 25 MB upload limit.
 */
export async function splitAudio(
  input: string,
  outputDirectory: string,
  chunkSeconds: number,
  scope: ToolRunScope,
): Promise<AudioChunk[]> {
  const listPath = join(outputDirectory, 'chunks.csv');
  const run = await runTool(
    'ffmpeg',
    scope.paths.ffmpeg,
    [
      '-nostdin',
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      input,
      '-map',
      '0:a:0',
      '-vn',
      '-sn',
      '-dn',
      '-ac',
      '1',
      '-ar',
      '16000',
      '-c:a',
      'libmp3lame',
      '-b:a',
      CHUNK_BITRATE,
      '-f',
      'segment',
      '-segment_time',
      String(chunkSeconds),
      '-reset_timestamps',
      '1',
      '-segment_list',
      listPath,
      '-segment_list_type',
      'csv',
      join(outputDirectory, 'chunk-%05d.mp3'),
    ],
    runOptions(scope),
  );
  if (run.exitCode !== 0) throw undecodable(input, run.stderr);
  const list = await readFile(listPath, 'utf8').catch(() => '');
  const chunks: AudioChunk[] = [];
  for (const line of list.split('\n')) {
    const [name, start, end] = line.trim().split(',');
    if (name === undefined || name === '' || start === undefined || end === undefined) continue;
    chunks.push({
      path: join(outputDirectory, basename(name)),
      startSeconds: Number(start),
      endSeconds: Number(end),
    });
  }
  if (chunks.length === 0) {
    throw new InputError(
      'MEDIA_NO_AUDIO',
      `${input} holds no audio that ffmpeg could convert. Check that the file plays and has a sound track.`,
      { details: { path: input } },
    );
  }
  for (const chunk of chunks) {
    const { size } = await stat(chunk.path);
    if (size > TRANSCRIPTION_UPLOAD_LIMIT_BYTES) {
      throw new StageError(
        'MEDIA_CHUNK_TOO_LARGE',
        `An audio chunk of ${input} is ${size} bytes, over the 25 MB transcription upload limit. Lower the chunkSeconds option.`,
        { details: { path: input, size } },
      );
    }
  }
  return chunks;
}

function runOptions(scope: ToolRunScope): { timeoutMs: number; signal?: AbortSignal } {
  return {
    timeoutMs: scope.timeoutMs,
    ...(scope.signal === undefined ? {} : { signal: scope.signal }),
  };
}

function undecodable(file: string, stderr: string): InputError {
  const said = lastStderrLine(stderr);
  return new InputError(
    'MEDIA_DECODE_FAILED',
    `ffmpeg could not read ${file}${said === undefined ? '' : ` (${said})`}. Check that the file is a complete audio or video file that plays in a media player.`,
    { details: { path: file } },
  );
}
