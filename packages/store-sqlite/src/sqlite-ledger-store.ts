import type { LedgerStore } from '@orch/budget';

/** The budget LedgerStore of orch on one SQLite file (table `ledger_entries`). */
export interface SqliteLedgerStore extends LedgerStore {
  /** The database file this ledger reads and writes. */
  readonly path: string;
}
