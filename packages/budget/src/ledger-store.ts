import { z } from 'zod';
import { type Usage, usageSchema } from './usage.js';

/** A reservation to record: the worst-case cost of a call about to be sent. */
export interface LedgerReservation {
  /** Unique id of the reservation (and later of the spend). */
  id: string;
  tenant: string;
  runId: string;
  stage: string;
  model: string;
  /** The worst-case cost; 0 when the model's price is unknown. */
  amountUsd: number;
  /** False when the model had no price: the spend will be recorded with `costUsd: null`. */
  priceKnown: boolean;
  at: Date;
  /**
   * The tenant's cap for the UTC day of `at`. The reservation is refused when the tenant's
   * spend plus open reservations of that day, plus `amountUsd`, exceed it.
   */
  dailyCapUsd?: number | undefined;
}

/** What `LedgerStore.reserve` answers; `spentTodayUsd` is the tenant's day total before this reservation. */
export type LedgerReserveResult =
  | { ok: true; spentTodayUsd: number }
  | { ok: false; spentTodayUsd: number };

/** The outcome of a call that was sent. */
export interface LedgerSettlement {
  /** The actual cost; null when the model's price is unknown (never recorded as 0). */
  costUsd: number | null;
  usage?: Usage | undefined;
  at: Date;
}

/** Which entries to read: every given field must match. */
export interface LedgerQuery {
  tenant?: string | undefined;
  /** Entries reserved at or after this instant. */
  since?: Date | undefined;
  /** Entries reserved before this instant. */
  until?: Date | undefined;
  runId?: string | undefined;
}

export const LEDGER_ENTRY_STATUSES = ['reserved', 'settled'] as const;

/** One call in the ledger: an open reservation, or settled spend. */
export const ledgerEntrySchema = z.object({
  id: z.string().min(1),
  tenant: z.string().min(1),
  runId: z.string().min(1),
  stage: z.string().min(1),
  model: z.string().min(1),
  status: z.enum(LEDGER_ENTRY_STATUSES),
  /** The worst-case amount reserved before the call. */
  reservedUsd: z.number().min(0),
  /** The actual cost once settled; null while reserved or when the price is unknown. */
  costUsd: z.number().min(0).nullable(),
  priceKnown: z.boolean(),
  usage: usageSchema.optional(),
  /** ISO 8601 instant of the reservation; it decides the UTC day the entry counts for. */
  reservedAt: z.string(),
  settledAt: z.string().optional(),
});

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/**
 * Where spending is recorded across runs and processes: the port behind per-tenant daily caps
 * and `orch budget report`. Implementations: `createMemoryLedger` here, `openSqliteLedger` in
 * `@orch/store-sqlite`; every one must pass `ledgerStoreContract` from `@orch/budget/testing`.
 *
 * A tenant's day total counts settled entries at their `costUsd` (unknown prices count 0) and
 * open reservations at their `reservedUsd`, by the UTC day of `reservedAt`.
 */
export interface LedgerStore {
  /**
   * Records a reservation, atomically with the daily cap check, so two processes sharing the
   * store cannot both pass the cap. Throws StorageError `LEDGER_ENTRY_EXISTS` for a used id.
   */
  reserve(reservation: LedgerReservation): Promise<LedgerReserveResult>;
  /**
   * Turns a reservation into spend. Throws StorageError `LEDGER_ENTRY_NOT_FOUND` when no such
   * reservation exists (never made, or released) and `LEDGER_ENTRY_SETTLED` when already settled.
   */
  settle(id: string, settlement: LedgerSettlement): Promise<void>;
  /** Removes an open reservation (the call was never sent). Does nothing for settled or unknown ids. */
  release(id: string): Promise<void>;
  /** Matching entries, oldest reservation first (ties by id). */
  entries(query?: LedgerQuery): Promise<LedgerEntry[]>;
  close(): Promise<void>;
}
