import { openDatabase } from './internal/open-database.js';
import { SqliteLedger } from './internal/sqlite-ledger.js';
import { toStorageError } from './internal/storage-errors.js';
import { resolveDatabasePath } from './open-sqlite-store.js';
import type { SqliteLedgerStore } from './sqlite-ledger-store.js';
import type { SqliteStoreOptions } from './sqlite-store.js';

/**
 * Opens the budget ledger in the orch database (the same file as `openSqliteStore`, on its own
 * connection), upgrading the schema when needed. Pass it as `ledger` to `createBudget` from
 * `@orch/budget`: every process using the file shares the tenants' daily caps. Throws the same
 * StorageErrors as `openSqliteStore` when the file cannot be used.
 */
export function openSqliteLedger(options: SqliteStoreOptions = {}): SqliteLedgerStore {
  const path = resolveDatabasePath(options);
  const database = openDatabase(path, options.readonly ?? false);
  try {
    return new SqliteLedger(database, path);
  } catch (error) {
    database.close();
    throw toStorageError(error, path, 'preparing its statements');
  }
}
