import { spawn } from 'node:child_process';
import { CancelledError, ConfigError, StageError } from '@orch/core';
import { type MediaToolName, mediaToolFix } from './media-tool-paths.js';

export interface RunToolOptions {
  /** Kill the tool after this many milliseconds. */
  timeoutMs: number;
  /** Kills the tool (and the processes it started) when it fires. */
  signal?: AbortSignal;
  cwd?: string;
  /** Kill the tool when it prints more than this on stdout; default 64 MiB. */
  maxStdoutBytes?: number;
}

export interface ToolRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const DEFAULT_MAX_STDOUT_BYTES = 64 * 1024 * 1024;
/** Only the end of stderr is kept: it holds the error that matters. */
const STDERR_TAIL_BYTES = 64 * 1024;

/**
 * Runs a media tool without a shell, in its own process group so that a timeout or the signal
 * kills it together with the processes it started (yt-dlp runs ffmpeg). Resolves with the exit
 * code and output; throws ConfigError MEDIA_TOOL_MISSING when the executable cannot be run,
 * StageError MEDIA_TOOL_TIMEOUT and CancelledError.
 */
export function runTool(
  tool: MediaToolName,
  command: string,
  args: readonly string[],
  options: RunToolOptions,
): Promise<ToolRun> {
  const { signal } = options;
  if (signal?.aborted === true) {
    return Promise.reject(
      new CancelledError(`Running ${tool} was cancelled.`, { cause: signal.reason }),
    );
  }
  const maxStdoutBytes = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES;
  return new Promise<ToolRun>((resolve, reject) => {
    const useGroup = process.platform !== 'win32';
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      detached: useGroup,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = Buffer.alloc(0);
    let failure: Error | undefined;
    let settled = false;

    const kill = (): void => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (useGroup) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const stop = (error: Error): void => {
      failure ??= error;
      kill();
    };
    const timer = setTimeout(() => {
      stop(
        new StageError(
          'MEDIA_TOOL_TIMEOUT',
          `${tool} did not finish within ${Math.round(options.timeoutMs / 1000)} s and was stopped. Retry, or raise toolTimeoutMs for long media or slow connections.`,
          { retryable: true, details: { tool, timeoutMs: options.timeoutMs } },
        ),
      );
    }, options.timeoutMs);
    const onAbort = (): void => {
      stop(new CancelledError(`Running ${tool} was cancelled.`, { cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) {
        stop(
          new StageError(
            'MEDIA_TOOL_OUTPUT_TOO_LARGE',
            `${tool} printed more than ${maxStdoutBytes} bytes and was stopped. Check that the URL is a single video, not a channel or a playlist.`,
            { details: { tool } },
          ),
        );
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const joined = Buffer.concat([stderr, chunk]);
      stderr = joined.length > STDERR_TAIL_BYTES ? joined.subarray(-STDERR_TAIL_BYTES) : joined;
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      finish();
      if (settled) return;
      settled = true;
      if (error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'ENOTDIR') {
        reject(missingTool(tool, command, error));
        return;
      }
      reject(failure ?? missingTool(tool, command, error));
    });
    child.once('close', (code, killedBy) => {
      finish();
      if (settled) return;
      settled = true;
      if (failure !== undefined) {
        reject(failure);
        return;
      }
      resolve({
        exitCode: code ?? (killedBy === null ? 1 : 128),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: stderr.toString('utf8'),
      });
    });
  });
}

/** ConfigError MEDIA_TOOL_MISSING naming the tool and the package that provides it. */
export function missingTool(tool: MediaToolName, command: string, cause?: unknown): ConfigError {
  const reason =
    typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === 'EACCES'
      ? 'is not executable'
      : 'was not found';
  return new ConfigError(
    'MEDIA_TOOL_MISSING',
    `${tool} ${reason} (tried "${command}"); audio and video need it. Install it with \`${mediaToolFix(tool)}\`, or pass its path with the ${optionOf(tool)} option.`,
    { cause, details: { tool, command, fix: mediaToolFix(tool) } },
  );
}

function optionOf(tool: MediaToolName): string {
  switch (tool) {
    case 'yt-dlp':
      return 'ytDlpPath';
    case 'ffmpeg':
      return 'ffmpegPath';
    case 'ffprobe':
      return 'ffprobePath';
  }
}

/** The last line of a tool's stderr that says something (yt-dlp's ERROR line, ffmpeg's reason). */
export function lastStderrLine(stderr: string): string | undefined {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const errorLine = [...lines].reverse().find((line) => line.startsWith('ERROR:'));
  const line = errorLine ?? lines[lines.length - 1];
  if (line === undefined) return undefined;
  // yt-dlp appends a request to file a bug report; it does not help the user here.
  return line.replace(/;\s*please report this issue on.*$/i, '').slice(0, 500);
}
