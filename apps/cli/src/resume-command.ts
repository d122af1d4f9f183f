import { loadSource } from '@orch/acquisition';
import { contentSchema, ok, resultData } from '@orch/core';
import { parseReportFormat } from '@orch/report';
import { createAnalysisEngine, type EngineFlags } from './analysis-engine.js';
import type { CliIo } from './cli-io.js';
import { cliLogger } from './cli-logger.js';
import { executeDurably } from './execute-durably.js';
import { checkOutputPath, deliverReport } from './report-output.js';
import { requireRun, withLedger, withWorkflowState } from './run-store.js';
import { type SourceFlags, sourceLoadOptions } from './source-loader.js';

export interface ResumeOptions extends EngineFlags, SourceFlags {
  readonly format: string;
  readonly out?: string;
  readonly verbose: boolean;
  readonly quiet: boolean;
}

/**
 * `orch resume <id>`: continues a run that crashed, was cancelled or failed. Stages with a
 * checkpoint are restored, not run again; the rest run with their stored inputs.
 */
export async function resumeCommand(
  runId: string,
  options: ResumeOptions,
  io: CliIo,
): Promise<void> {
  const format = parseReportFormat(options.format);
  const outPath =
    options.out === undefined ? undefined : await checkOutputPath(io.cwd, options.out);
  const logger = cliLogger(io, options.verbose);
  const engine = await createAnalysisEngine(options, io, logger);
  const loadOptions = sourceLoadOptions(options, engine.llm, io, logger);
  await withWorkflowState(io, async (state) =>
    withLedger(io, async (ledger) => {
      await requireRun(state, runId);
      const { run, results } = await state.resumeState(runId);
      const acquired = contentSchema.safeParse(resultData(results.get('acquire')));
      const report = await executeDurably(
        {
          state,
          runId,
          request: run.request,
          engine,
          ledger,
          // a run that stopped before its source was read reads it the way analyze does
          stageOverrides: {
            acquire: async ({ request }, context) =>
              ok(await loadSource(request.source, { ...loadOptions, signal: context.signal })),
          },
          planOptions: {
            pricing: engine.pricing,
            ...(acquired.success ? { wordCount: acquired.data.metadata.wordCount } : {}),
          },
          resume: results,
          quiet: options.quiet,
          logger,
        },
        io,
      );
      await deliverReport(report, { format, outPath, quiet: options.quiet }, io);
    }),
  );
}
