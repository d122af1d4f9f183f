import { join } from 'node:path';
import { createMediaLoader, createTranscriptCache, type LoadOptions } from '@orch/acquisition';
import type { Logger } from '@orch/core';
import { createTranscriber, type LlmConfig } from '@orch/llm';
import { resolveDataDir } from '@orch/store-sqlite';
import type { CliIo } from './cli-io.js';

/** The flags that shape acquisition. */
export interface SourceFlags {
  /** Hosts a URL may reach although they resolve to a private or loopback address. */
  readonly allowHost?: readonly string[];
}

/**
 * How the CLI acquires sources: URLs behind the SSRF guard (with `--allow-host` exceptions),
 * audio and video through yt-dlp and ffmpeg, transcribed by the configured endpoint's audio API
 * (offline: only media with subtitles), transcripts cached under `<data dir>/transcripts` so a
 * second analysis of the same video does not transcribe it again.
 */
export function sourceLoadOptions(
  flags: SourceFlags,
  llm: LlmConfig | undefined,
  io: CliIo,
  logger: Logger,
): LoadOptions {
  const media = createMediaLoader({
    ...(llm === undefined ? {} : { transcriber: createTranscriber(llm) }),
    cache: createTranscriptCache(join(resolveDataDir(io.env), 'transcripts')),
    logger,
  });
  return { signal: io.signal, allowHosts: flags.allowHost ?? [], media };
}
