import { StorageError } from '@orch/core';
import { exceeds } from './internal/money.js';
import { utcDayBounds } from './internal/utc-day.js';
import type {
  LedgerEntry,
  LedgerQuery,
  LedgerReservation,
  LedgerReserveResult,
  LedgerSettlement,
  LedgerStore,
} from './ledger-store.js';

/** The spend of a tenant for one UTC day, open reservations at their reserved amount. */
function dayTotal(entries: Iterable<LedgerEntry>, tenant: string, at: Date): number {
  const { start, end } = utcDayBounds(at);
  let total = 0;
  for (const entry of entries) {
    if (entry.tenant !== tenant || entry.reservedAt < start || entry.reservedAt >= end) continue;
    total += entry.status === 'reserved' ? entry.reservedUsd : (entry.costUsd ?? 0);
  }
  return total;
}

function matches(entry: LedgerEntry, query: LedgerQuery): boolean {
  if (query.tenant !== undefined && entry.tenant !== query.tenant) return false;
  if (query.runId !== undefined && entry.runId !== query.runId) return false;
  if (query.since !== undefined && entry.reservedAt < query.since.toISOString()) return false;
  if (query.until !== undefined && entry.reservedAt >= query.until.toISOString()) return false;
  return true;
}

/**
 * A LedgerStore in process memory: daily caps hold across every Budget sharing it, but nothing
 * survives the process. The default ledger of `createBudget`; use `openSqliteLedger` from
 * `@orch/store-sqlite` to keep spend across runs.
 */
export function createMemoryLedger(): LedgerStore {
  const entries = new Map<string, LedgerEntry>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) {
      throw new StorageError(
        'STORE_CLOSED',
        'The in-memory ledger was closed. Create a new one with createMemoryLedger() to keep using it.',
      );
    }
  };

  return {
    async reserve(reservation: LedgerReservation): Promise<LedgerReserveResult> {
      ensureOpen();
      if (entries.has(reservation.id)) {
        throw new StorageError(
          'LEDGER_ENTRY_EXISTS',
          `The ledger already has an entry with id "${reservation.id}". Use a new id for each reservation.`,
          { details: { id: reservation.id } },
        );
      }
      const spentTodayUsd = dayTotal(entries.values(), reservation.tenant, reservation.at);
      if (
        reservation.dailyCapUsd !== undefined &&
        exceeds(spentTodayUsd + reservation.amountUsd, reservation.dailyCapUsd)
      ) {
        return { ok: false, spentTodayUsd };
      }
      entries.set(reservation.id, {
        id: reservation.id,
        tenant: reservation.tenant,
        runId: reservation.runId,
        stage: reservation.stage,
        model: reservation.model,
        status: 'reserved',
        reservedUsd: reservation.amountUsd,
        costUsd: null,
        priceKnown: reservation.priceKnown,
        reservedAt: reservation.at.toISOString(),
      });
      return { ok: true, spentTodayUsd };
    },

    async settle(id: string, settlement: LedgerSettlement): Promise<void> {
      ensureOpen();
      const entry = entries.get(id);
      if (entry === undefined) {
        throw new StorageError(
          'LEDGER_ENTRY_NOT_FOUND',
          `No open reservation with id "${id}" is in the ledger (never made, or released). Reserve before settling.`,
          { details: { id } },
        );
      }
      if (entry.status === 'settled') {
        throw new StorageError(
          'LEDGER_ENTRY_SETTLED',
          `The ledger entry "${id}" is already settled; a call is settled once. Reserve again for a new call.`,
          { details: { id } },
        );
      }
      entries.set(id, {
        ...entry,
        status: 'settled',
        costUsd: settlement.costUsd,
        ...(settlement.usage === undefined ? {} : { usage: { ...settlement.usage } }),
        settledAt: settlement.at.toISOString(),
      });
    },

    async release(id: string): Promise<void> {
      ensureOpen();
      if (entries.get(id)?.status === 'reserved') entries.delete(id);
    },

    async entries(query: LedgerQuery = {}): Promise<LedgerEntry[]> {
      ensureOpen();
      return [...entries.values()]
        .filter((entry) => matches(entry, query))
        .sort((left, right) =>
          left.reservedAt === right.reservedAt
            ? left.id < right.id
              ? -1
              : left.id > right.id
                ? 1
                : 0
            : left.reservedAt < right.reservedAt
              ? -1
              : 1,
        )
        .map((entry) => structuredClone(entry));
    },

    async close(): Promise<void> {
      closed = true;
    },
  };
}
