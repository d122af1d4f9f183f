import { type Logger, silentLogger } from '@orch/core';
import type { CliIo } from './cli-io.js';

/** Log lines on stderr with --verbose; silent otherwise (the progress display owns stderr). */
export function cliLogger(io: CliIo, verbose: boolean): Logger {
  if (!verbose) return silentLogger;
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    io.stderr(`orch: ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
