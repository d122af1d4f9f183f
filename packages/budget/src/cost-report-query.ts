import { InputError } from '@orch/core';
import type { LedgerQuery } from './ledger-store.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** What `orch budget report` accepts on its command line. */
export interface CostReportQueryOptions {
  tenant?: string | undefined;
  /** `YYYY-MM-DD` (start of that UTC day), an ISO 8601 instant, or an age such as `7d`, `24h`, `2w`. */
  since?: string | undefined;
  /** Same forms as `since`; entries before it. */
  until?: string | undefined;
  runId?: string | undefined;
  /** The reference for ages. Default `new Date()`. */
  now?: Date | undefined;
}

function parseInstant(text: string, flag: string, now: Date): Date {
  const trimmed = text.trim();
  const age = /^(\d+)\s*([mhdw])$/i.exec(trimmed);
  if (age?.[1] !== undefined && age[2] !== undefined) {
    const unit = age[2].toLowerCase() as keyof typeof UNIT_MS;
    return new Date(now.getTime() - Number(age[1]) * UNIT_MS[unit]);
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(trimmed);
  const parsed = new Date(day ? `${trimmed}T00:00:00.000Z` : trimmed);
  if ((day || instant) && !Number.isNaN(parsed.getTime())) return parsed;
  throw new InputError(
    'INVALID_REPORT_DATE',
    `${flag} "${text}" is not a date. Write a UTC day (2025-03-01), an ISO instant (2025-03-01T12:00:00Z) or an age before now (30m, 24h, 7d, 2w).`,
    { details: { flag, value: text } },
  );
}

/** Turns the options of `orch budget report` into the LedgerQuery to read entries with. */
export function costReportQuery(options: CostReportQueryOptions = {}): LedgerQuery {
  const now = options.now ?? new Date();
  const query: LedgerQuery = {};
  if (options.tenant !== undefined) query.tenant = options.tenant;
  if (options.runId !== undefined) query.runId = options.runId;
  if (options.since !== undefined) query.since = parseInstant(options.since, '--since', now);
  if (options.until !== undefined) query.until = parseInstant(options.until, '--until', now);
  return query;
}
