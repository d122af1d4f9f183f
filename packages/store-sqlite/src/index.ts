export { DEFAULT_DATABASE_FILE, resolveDataDir } from './data-dir.js';
export { openSqliteLedger } from './open-sqlite-ledger.js';
export { openSqliteStore, resolveDatabasePath } from './open-sqlite-store.js';
export type { SqliteLedgerStore } from './sqlite-ledger-store.js';
export type { SqliteStore, SqliteStoreOptions } from './sqlite-store.js';
