import { buildCostReport, costReportQuery, formatCostReport } from '@orch/budget';
import type { CliIo } from './cli-io.js';
import { withLedger } from './run-store.js';

export interface BudgetReportOptions {
  readonly tenant?: string;
  readonly since?: string;
  readonly until?: string;
  readonly run?: string;
  readonly json: boolean;
}

/**
 * `orch budget report`: what model calls cost, from the ledger in the data dir, in total and by
 * tenant, day, model and run.
 */
export async function budgetReportCommand(options: BudgetReportOptions, io: CliIo): Promise<void> {
  const query = costReportQuery({
    tenant: options.tenant,
    since: options.since,
    until: options.until,
    runId: options.run,
  });
  const report = await withLedger(io, async (ledger) =>
    buildCostReport(await ledger.entries(query), { query }),
  );
  io.stdout(
    options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatCostReport(report)}\n`,
  );
}
