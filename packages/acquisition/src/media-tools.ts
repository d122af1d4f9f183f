import {
  type MediaToolName,
  mediaToolFix,
  resolveMediaToolPaths,
} from './internal/media-tool-paths.js';
import { runTool } from './internal/run-tool.js';

export type { MediaToolName } from './internal/media-tool-paths.js';

/** Where the media tools are; each defaults to the name looked up on PATH. */
export interface MediaToolPaths {
  /** The yt-dlp executable; default `yt-dlp`. */
  ytDlpPath?: string;
  /** The ffmpeg executable; default `ffmpeg`. */
  ffmpegPath?: string;
  /** The ffprobe executable; default `ffprobe` beside `ffmpegPath` when that is a path, else `ffprobe`. */
  ffprobePath?: string;
}

/** Options of `checkMediaTools`. */
export interface CheckMediaToolsOptions extends MediaToolPaths {
  /** How long each `--version` call may take; default 15 seconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Whether one media tool is usable, for `orch doctor`. */
export interface MediaToolStatus {
  tool: MediaToolName;
  /** True when the tool ran and answered its version question. */
  found: boolean;
  /** The version it reported (`2023.03.04`, `5.1.9-0+deb12u1`). */
  version?: string;
  /** What to run to get it, when it is not found. */
  fix?: string;
}

const DEFAULT_CHECK_TIMEOUT_MS = 15_000;

/**
 * Runs `yt-dlp --version`, `ffmpeg -version` and `ffprobe -version` (no shell) and reports which
 * tools are usable and their versions; a missing or failing tool gets `found: false` and the
 * command that installs it. Never throws for a missing tool (CancelledError when `signal` fires).
 */
export async function checkMediaTools(
  options: CheckMediaToolsOptions = {},
): Promise<MediaToolStatus[]> {
  const paths = resolveMediaToolPaths(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const tools: { tool: MediaToolName; command: string; args: string[] }[] = [
    { tool: 'yt-dlp', command: paths.ytDlp, args: ['--version'] },
    { tool: 'ffmpeg', command: paths.ffmpeg, args: ['-version'] },
    { tool: 'ffprobe', command: paths.ffprobe, args: ['-version'] },
  ];
  return Promise.all(
    tools.map(async ({ tool, command, args }): Promise<MediaToolStatus> => {
      try {
        const run = await runTool(tool, command, args, {
          timeoutMs,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        });
        const version = readVersion(tool, run.stdout);
        if (run.exitCode !== 0 || version === undefined) {
          return { tool, found: false, fix: mediaToolFix(tool) };
        }
        return { tool, found: true, version };
      } catch (error) {
        if (options.signal?.aborted === true) throw error;
        return { tool, found: false, fix: mediaToolFix(tool) };
      }
    }),
  );
}

function readVersion(tool: MediaToolName, stdout: string): string | undefined {
  const firstLine = stdout.trim().split('\n')[0]?.trim() ?? '';
  if (firstLine.length === 0) return undefined;
  if (tool === 'yt-dlp') return firstLine;
  return /\bversion\s+(\S+)/.exec(firstLine)?.[1];
}
