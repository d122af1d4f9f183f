import type { RunFilter } from '@orch/workflow-state';
import { RUN_COLUMNS } from './rows.js';

export const DEFAULT_LIST_LIMIT = 50;

/** The WHERE clause of a run filter, and a key naming its shape (one prepared statement each). */
export interface RunFilterSql {
  readonly shape: string;
  readonly where: string;
  readonly parameters: Record<string, string>;
}

/**
 * Builds the WHERE clause with only the terms the filter uses, so SQLite plans each shape with
 * the right index: an unarchived listing names `archived_at IS NULL` literally, which lets it
 * use the partial indexes of migration 2.
 */
export function runFilterSql(filter: RunFilter): RunFilterSql {
  const terms: string[] = [];
  const parameters: Record<string, string> = {};
  const shape: string[] = [];
  if (filter.includeArchived !== true) {
    terms.push('archived_at IS NULL');
    shape.push('unarchived');
  }
  if (filter.status !== undefined) {
    terms.push('status = @status');
    parameters.status = filter.status;
    shape.push('status');
  }
  if (filter.tenantId !== undefined) {
    terms.push('tenant_id = @tenant_id');
    parameters.tenant_id = filter.tenantId;
    shape.push('tenant');
  }
  if (filter.createdBefore !== undefined) {
    terms.push('created_at < @created_before');
    parameters.created_before = canonicalTime(filter.createdBefore);
    shape.push('before');
  }
  return {
    shape: shape.join('+'),
    where: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`,
    parameters,
  };
}

/**
 * Stored times are `Date#toISOString()` strings, which sort as text in time order; a bound given
 * in another ISO form ("2025-01-01", "+02:00") is brought to that form before it is compared.
 */
function canonicalTime(time: string): string {
  const milliseconds = Date.parse(time);
  return Number.isNaN(milliseconds) ? time : new Date(milliseconds).toISOString();
}

/** SQLite's LIMIT for a filter: default 50, `Infinity` for all (-1), never negative (NaN: none). */
export function listLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIST_LIMIT;
  if (limit === Number.POSITIVE_INFINITY) return -1;
  return Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 0;
}

/** Runs matching `where`, newest first; the newer insert wins a tie of `created_at`. */
export function listRunsSql(where: string): string {
  return `SELECT ${RUN_COLUMNS} FROM runs ${where} ORDER BY created_at DESC, rowid DESC LIMIT @limit`;
}

/** Deletes the runs matching `where`; their checkpoints and leases cascade. */
export function deleteRunsSql(where: string): string {
  return `DELETE FROM runs ${where}`;
}
