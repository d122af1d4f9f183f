import { tmpdir } from 'node:os';
import { ConfigError, type Logger, silentLogger } from '@orch/core';
import {
  DEFAULT_CHUNK_SECONDS,
  MAX_CHUNK_SECONDS,
  type MediaLoadOptions,
} from '../media-options.js';
import { languageTag } from './language-tag.js';
import { type ResolvedMediaToolPaths, resolveMediaToolPaths } from './media-tool-paths.js';

const DEFAULT_CONCURRENCY = 2;
const DEFAULT_TOOL_TIMEOUT_MS = 30 * 60 * 1000;
const DEFAULT_SUBTITLE_LANGUAGE = 'en';

/** MediaLoadOptions checked and with their defaults. */
export interface MediaSettings {
  paths: ResolvedMediaToolPaths;
  chunkSeconds: number;
  concurrency: number;
  toolTimeoutMs: number;
  temporaryDirectory: string;
  /** The language asked for, if any (passed to the transcriber, part of the cache key). */
  language?: string;
  /** The subtitle language to look for: `language`, else `en`. */
  subtitleLanguage: string;
  logger: Logger;
  now: () => Date;
}

/** Checks the options; throws ConfigError INVALID_MEDIA_OPTIONS naming the wrong one. */
export function mediaSettings(options: MediaLoadOptions): MediaSettings {
  const chunkSeconds = options.chunkSeconds ?? DEFAULT_CHUNK_SECONDS;
  if (!Number.isFinite(chunkSeconds) || chunkSeconds < 1 || chunkSeconds > MAX_CHUNK_SECONDS) {
    throw invalid(
      `chunkSeconds must be a number of seconds from 1 to ${MAX_CHUNK_SECONDS}, got ${String(options.chunkSeconds)}`,
    );
  }
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw invalid(
      `concurrency must be a whole number of at least 1, got ${String(options.concurrency)}`,
    );
  }
  const toolTimeoutMs = options.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  if (!Number.isFinite(toolTimeoutMs) || toolTimeoutMs <= 0) {
    throw invalid(
      `toolTimeoutMs must be a positive number of milliseconds, got ${String(options.toolTimeoutMs)}`,
    );
  }
  let language: string | undefined;
  if (options.language !== undefined) {
    language = languageTag(options.language);
    if (language === undefined) {
      throw invalid(`language must be a language code such as "en", got "${options.language}"`);
    }
  }
  return {
    paths: resolveMediaToolPaths(options),
    chunkSeconds,
    concurrency,
    toolTimeoutMs,
    temporaryDirectory: options.temporaryDirectory ?? tmpdir(),
    ...(language === undefined ? {} : { language }),
    subtitleLanguage: language ?? DEFAULT_SUBTITLE_LANGUAGE,
    logger: options.logger ?? silentLogger,
    now: options.now ?? (() => new Date()),
  };
}

function invalid(problem: string): ConfigError {
  return new ConfigError('INVALID_MEDIA_OPTIONS', `Invalid media option: ${problem}.`);
}
