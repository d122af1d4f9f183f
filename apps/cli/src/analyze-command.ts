import { resolve } from 'node:path';
import { loadSource } from '@orch/acquisition';
import { type Logger, ok, parseDepth, type SourceRef, silentLogger } from '@orch/core';
import { createHeuristicStages, createOrchestrator } from '@orch/orchestrator';
import { parseReportFormat, renderReport } from '@orch/report';
import type { CliIo } from './cli-io.js';
import { createProgressRenderer, type ProgressMode } from './progress-renderer.js';
import { checkOutputPath, writeReportFile } from './report-output.js';

export interface AnalyzeOptions {
  readonly depth: string;
  readonly format: string;
  readonly out?: string;
  readonly verbose: boolean;
  readonly quiet: boolean;
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

function sourceOf(argument: string, cwd: string): SourceRef {
  return URL_PATTERN.test(argument)
    ? { type: 'url', url: argument }
    : { type: 'file', path: resolve(cwd, argument) };
}

function stderrLogger(io: CliIo): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    io.stderr(`orch: ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

/**
 * `orch analyze <source>`: validates everything it can before starting (depth, format, the
 * output path, the source itself), runs the analysis with live progress on stderr, and writes
 * the report only when the run succeeded.
 */
export async function analyzeCommand(
  argument: string,
  options: AnalyzeOptions,
  io: CliIo,
): Promise<void> {
  const depth = parseDepth(options.depth);
  const format = parseReportFormat(options.format);
  const outPath =
    options.out === undefined ? undefined : await checkOutputPath(io.cwd, options.out);
  const source = sourceOf(argument, io.cwd);
  const content = await loadSource(source, { signal: io.signal });

  const orchestrator = createOrchestrator({
    stages: { ...createHeuristicStages(), acquire: async () => ok(content) },
    planOptions: { pricing: null, wordCount: content.metadata.wordCount },
    logger: options.verbose ? stderrLogger(io) : silentLogger,
  });
  const handle = orchestrator.run({ source, depth }, { signal: io.signal });
  const mode: ProgressMode = options.quiet ? 'quiet' : io.stderrIsTty ? 'live' : 'plain';
  const renderer = createProgressRenderer({ mode, write: io.stderr });
  for await (const event of handle.events) renderer.handle(event);

  const text = renderReport(await handle.report, format);
  if (outPath === undefined) {
    io.stdout(text);
  } else {
    await writeReportFile(outPath, text);
    if (!options.quiet) io.stderr(`orch: report written to ${outPath}\n`);
  }
}
