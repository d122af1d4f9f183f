import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { loadSource } from '@orch/acquisition';
import {
  InputError,
  LOCAL_TENANT,
  ok,
  parseDepth,
  type SourceRef,
  type TenantContext,
  tenantContextSchema,
} from '@orch/core';
import { planRun } from '@orch/planner';
import { parseReportFormat } from '@orch/report';
import { createAnalysisEngine, type EngineFlags } from './analysis-engine.js';
import type { CliIo } from './cli-io.js';
import { cliLogger } from './cli-logger.js';
import { estimateRun, formatEstimate } from './estimate-output.js';
import { executeDurably } from './execute-durably.js';
import { checkOutputPath, deliverReport } from './report-output.js';
import { withLedger, withWorkflowState } from './run-store.js';
import { type SourceFlags, sourceLoadOptions } from './source-loader.js';

export interface AnalyzeOptions extends EngineFlags, SourceFlags {
  readonly depth: string;
  readonly format: string;
  readonly out?: string;
  readonly verbose: boolean;
  readonly quiet: boolean;
  /** Whose daily budget and ledger the run uses. Default 'local'. */
  readonly tenant?: string;
  /** Print the expected cost and time, then exit without running. */
  readonly estimate?: boolean;
}

function parseTenant(value: string | undefined): TenantContext {
  const parsed = tenantContextSchema.safeParse({ tenantId: value ?? LOCAL_TENANT.tenantId });
  if (parsed.success) return parsed.data;
  throw new InputError(
    'TENANT_INVALID',
    `--tenant "${value}" is not a tenant id: use 1 to 128 letters, digits, ".", "_", ":" or "-".`,
  );
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

function sourceOf(argument: string, cwd: string): SourceRef {
  return URL_PATTERN.test(argument)
    ? { type: 'url', url: argument }
    : { type: 'file', path: resolve(cwd, argument) };
}

/**
 * `orch analyze <source>`: validates everything it can before a run exists (depth, format, the
 * output path, the source itself), records the run, runs it with a checkpoint after every stage,
 * and delivers the report only when the run succeeded.
 */
export async function analyzeCommand(
  argument: string,
  options: AnalyzeOptions,
  io: CliIo,
): Promise<void> {
  const depth = parseDepth(options.depth);
  const tenant = parseTenant(options.tenant);
  const format = parseReportFormat(options.format);
  const outPath =
    options.out === undefined ? undefined : await checkOutputPath(io.cwd, options.out);
  const source = sourceOf(argument, io.cwd);
  const logger = cliLogger(io, options.verbose);
  const engine = await createAnalysisEngine(options, io, logger);
  const content = await loadSource(source, sourceLoadOptions(options, engine.llm, io, logger));
  // Planned once; the run executes this same plan.
  const planOptions = { pricing: engine.pricing, wordCount: content.metadata.wordCount };
  if (options.estimate === true) {
    const llm = engine.llm;
    const estimate = estimateRun(
      planRun(depth, planOptions),
      content.metadata.wordCount,
      engine.capFor(depth),
      engine.priceTable,
      llm ? (stage) => llm.stages[stage]?.model ?? llm.model : undefined,
    );
    io.stdout(
      format === 'json' ? `${JSON.stringify(estimate, null, 2)}\n` : formatEstimate(estimate),
    );
    return;
  }

  await withWorkflowState(io, async (state) =>
    withLedger(io, async (ledger) => {
      const runId = randomUUID();
      const request = { source, depth, runId, tenant };
      const plan = planRun(depth, planOptions);
      await state.createRun({
        runId,
        request,
        plannedStages: plan.stages.map((stage) => stage.id),
        stageEstimatesMs: Object.fromEntries(
          plan.stages.map((stage) => [stage.id, stage.estimatedMs]),
        ),
      });
      // The source was read above to refuse bad input before a run exists; the run reuses it.
      const report = await executeDurably(
        {
          state,
          runId,
          request,
          engine,
          ledger,
          stageOverrides: { acquire: async () => ok(content) },
          planOptions,
          quiet: options.quiet,
          logger,
        },
        io,
      );
      await deliverReport(report, { format, outPath, quiet: options.quiet }, io);
    }),
  );
}
