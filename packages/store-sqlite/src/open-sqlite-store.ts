import { join, resolve } from 'node:path';
import { DEFAULT_DATABASE_FILE, resolveDataDir } from './data-dir.js';
import { openDatabase } from './internal/open-database.js';
import { SqliteRunStore } from './internal/sqlite-run-store.js';
import { toStorageError } from './internal/storage-errors.js';
import type { SqliteStore, SqliteStoreOptions } from './sqlite-store.js';

const IN_MEMORY = ':memory:';

/** The database file a store with these options opens (absolute, or `':memory:'`). */
export function resolveDatabasePath(options: SqliteStoreOptions = {}): string {
  if (options.path === IN_MEMORY) return IN_MEMORY;
  if (options.path !== undefined) return resolve(options.path);
  return resolve(join(options.dataDir ?? resolveDataDir(), DEFAULT_DATABASE_FILE));
}

/**
 * Opens the orch database (creating the file and its directory, mode 0700, when missing),
 * upgrades its schema to the current version and returns a RunStore on it. Throws StorageError
 * `DATABASE_CORRUPT`, `DATABASE_TOO_NEW`, `DATABASE_FOREIGN`, `DATABASE_NEEDS_UPGRADE` or
 * `DATABASE_UNAVAILABLE` when the file cannot be used; a damaged file is never modified.
 */
export function openSqliteStore(options: SqliteStoreOptions = {}): SqliteStore {
  const path = resolveDatabasePath(options);
  const database = openDatabase(path, options.readonly ?? false);
  try {
    return new SqliteRunStore(database, path);
  } catch (error) {
    database.close();
    throw toStorageError(error, path, 'preparing its statements');
  }
}
