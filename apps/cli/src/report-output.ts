import { randomUUID } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError, type IntelligenceReport } from '@orch/core';
import { type ReportFormat, renderReport } from '@orch/report';
import type { CliIo } from './cli-io.js';

/** Checks before a run that `--out` can be written, so a long run does not fail at the end. */
export async function checkOutputPath(cwd: string, out: string): Promise<string> {
  const path = resolve(cwd, out);
  const directory = dirname(path);
  const info = await stat(directory).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new InputError(
      'OUTPUT_DIRECTORY_MISSING',
      `Cannot write the report to ${path}: the directory ${directory} does not exist. Create it or choose another --out path.`,
    );
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new InputError(
      'OUTPUT_IS_DIRECTORY',
      `Cannot write the report to ${path}: it is a directory. Pass a file path to --out.`,
    );
  }
  return path;
}

/** Writes the whole report or nothing: a temporary file renamed into place. */
export async function writeReportFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/** Prints the report to stdout, or writes it to `outPath` and says where on stderr. */
export async function deliverReport(
  report: IntelligenceReport,
  delivery: {
    readonly format: ReportFormat;
    readonly outPath: string | undefined;
    readonly quiet: boolean;
  },
  io: CliIo,
): Promise<void> {
  const text = renderReport(report, delivery.format);
  if (delivery.outPath === undefined) {
    io.stdout(text);
    return;
  }
  await writeReportFile(delivery.outPath, text);
  if (!delivery.quiet) io.stderr(`orch: report written to ${delivery.outPath}\n`);
}
