import { z } from 'zod';
import { utcDay } from './internal/utc-day.js';
import type { LedgerEntry, LedgerQuery } from './ledger-store.js';

const usd = z.number().min(0);
const count = z.number().int().min(0);

/** Spend of one group (a tenant, a day, a model or a run). */
export const costReportRowSchema = z.object({
  /** The tenant id, `YYYY-MM-DD` (UTC), model id or run id. */
  key: z.string(),
  /** Actual cost of the settled calls with a known price. */
  usd,
  /** Settled calls. */
  calls: count,
  /** Settled calls of models without a price: their cost is unknown and not in `usd`. */
  unknownPriceCalls: count,
  /** Reservations not settled or released (calls in flight, or left by a crashed process). */
  openReservations: count,
  openReservedUsd: usd,
  promptTokens: count,
  cachedPromptTokens: count,
  completionTokens: count,
  reasoningTokens: count,
});

export type CostReportRow = z.infer<typeof costReportRowSchema>;

/** What `orch budget report` prints: totals per tenant, UTC day, model and run. */
export const costReportSchema = z.object({
  generatedAt: z.string(),
  /** The query the entries were read with, as ISO strings. */
  query: z.object({
    tenant: z.string().optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    runId: z.string().optional(),
  }),
  total: costReportRowSchema,
  /** Largest spend first. */
  byTenant: z.array(costReportRowSchema),
  /** Oldest day first. */
  byDay: z.array(costReportRowSchema),
  /** Largest spend first. */
  byModel: z.array(costReportRowSchema),
  /** Largest spend first; `tenant` says whose run it was. */
  byRun: z.array(costReportRowSchema.extend({ tenant: z.string() })),
});

export type CostReport = z.infer<typeof costReportSchema>;

export interface CostReportOptions {
  /** The query the entries came from; echoed in the report. */
  query?: LedgerQuery | undefined;
  /** Default `new Date()`. */
  now?: Date | undefined;
}

function emptyRow(key: string): CostReportRow {
  return {
    key,
    usd: 0,
    calls: 0,
    unknownPriceCalls: 0,
    openReservations: 0,
    openReservedUsd: 0,
    promptTokens: 0,
    cachedPromptTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
  };
}

function add(row: CostReportRow, entry: LedgerEntry): void {
  if (entry.status === 'reserved') {
    row.openReservations += 1;
    row.openReservedUsd += entry.reservedUsd;
    return;
  }
  row.calls += 1;
  if (entry.costUsd === null) row.unknownPriceCalls += 1;
  else row.usd += entry.costUsd;
  if (entry.usage !== undefined) {
    row.promptTokens += entry.usage.promptTokens;
    row.cachedPromptTokens += entry.usage.cachedPromptTokens;
    row.completionTokens += entry.usage.completionTokens;
    row.reasoningTokens += entry.usage.reasoningTokens;
  }
}

function byKey<Row extends CostReportRow>(
  entries: readonly LedgerEntry[],
  keyOf: (entry: LedgerEntry) => string,
  makeRow: (key: string, entry: LedgerEntry) => Row,
): Row[] {
  const rows = new Map<string, Row>();
  for (const entry of entries) {
    const key = keyOf(entry);
    let row = rows.get(key);
    if (row === undefined) {
      row = makeRow(key, entry);
      rows.set(key, row);
    }
    add(row, entry);
  }
  return [...rows.values()];
}

const largestFirst = (left: CostReportRow, right: CostReportRow): number =>
  right.usd - left.usd || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0);

/** Groups ledger entries into the totals of `orch budget report`. */
export function buildCostReport(
  entries: readonly LedgerEntry[],
  options: CostReportOptions = {},
): CostReport {
  const query = options.query ?? {};
  const total = emptyRow('total');
  for (const entry of entries) add(total, entry);
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    query: {
      ...(query.tenant === undefined ? {} : { tenant: query.tenant }),
      ...(query.since === undefined ? {} : { since: query.since.toISOString() }),
      ...(query.until === undefined ? {} : { until: query.until.toISOString() }),
      ...(query.runId === undefined ? {} : { runId: query.runId }),
    },
    total,
    byTenant: byKey(entries, (entry) => entry.tenant, emptyRow).sort(largestFirst),
    byDay: byKey(entries, (entry) => utcDay(entry.reservedAt), emptyRow).sort((left, right) =>
      left.key < right.key ? -1 : left.key > right.key ? 1 : 0,
    ),
    byModel: byKey(entries, (entry) => entry.model, emptyRow).sort(largestFirst),
    byRun: byKey(
      entries,
      (entry) => entry.runId,
      (key, entry) => ({
        ...emptyRow(key),
        tenant: entry.tenant,
      }),
    ).sort(largestFirst),
  };
}
