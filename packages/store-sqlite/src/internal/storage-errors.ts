import { existsSync } from 'node:fs';
import { StorageError } from '@orch/core';

/** The SQLite result code of a better-sqlite3 error (`SQLITE_CORRUPT`, `SQLITE_BUSY_SNAPSHOT`...). */
export function sqliteErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

function hasPrimaryCode(error: unknown, primary: string): boolean {
  const code = sqliteErrorCode(error);
  return code === primary || (code?.startsWith(`${primary}_`) ?? false);
}

/** SQLITE_NOTADB or SQLITE_CORRUPT (and its extended codes): the file is not a sound database. */
export function isCorruptionError(error: unknown): boolean {
  return hasPrimaryCode(error, 'SQLITE_NOTADB') || hasPrimaryCode(error, 'SQLITE_CORRUPT');
}

export function isForeignKeyError(error: unknown): boolean {
  return sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function isPrimaryKeyError(error: unknown): boolean {
  return sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fileTimestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * The shell command that moves a damaged database aside. A leftover `-wal` or `-shm` file is
 * moved with it: SQLite would otherwise replay a stale write-ahead log into the fresh database.
 */
export function moveAsideCommand(path: string, now: Date = new Date()): string {
  const aside = `${path}.corrupt-${fileTimestamp(now)}`;
  const sidecars = [`${path}-wal`, `${path}-shm`].filter((sidecar) => existsSync(sidecar));
  if (sidecars.length === 0) return `mv "${path}" "${aside}"`;
  const files = [path, ...sidecars].map((file) => `"${file}"`).join(' ');
  return `mkdir "${aside}" && mv ${files} "${aside}/"`;
}

export function databaseCorruptError(path: string, detail: string, cause?: unknown): StorageError {
  return new StorageError(
    'DATABASE_CORRUPT',
    `The orch database at ${path} is damaged or is not a SQLite database (${detail}). ` +
      `Move it aside and start a fresh one: ${moveAsideCommand(path)}`,
    { cause, details: { path, detail } },
  );
}

export function databaseUnavailableError(
  path: string,
  reason: string,
  cause?: unknown,
): StorageError {
  return new StorageError(
    'DATABASE_UNAVAILABLE',
    `The orch database at ${path} cannot be opened: ${reason}. ` +
      'Make sure the path is a file in a directory orch can write to, or choose another ' +
      'location with ORCH_DATA_DIR or the store path option.',
    { cause, details: { path, reason } },
  );
}

export function storeClosedError(path: string): StorageError {
  return new StorageError(
    'STORE_CLOSED',
    `The orch store for ${path} was closed. Open a new one with openSqliteStore() to keep using it.`,
    { details: { path } },
  );
}

/** `TypeError: The database connection is not open` from better-sqlite3. */
function isClosedConnectionError(error: unknown): boolean {
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

/**
 * Turns an error raised while `action` (e.g. "saving a checkpoint") into a StorageError that
 * says what to do. StorageErrors pass through unchanged.
 */
export function toStorageError(error: unknown, path: string, action: string): StorageError {
  if (error instanceof StorageError) return error;
  if (isClosedConnectionError(error)) return storeClosedError(path);
  if (isCorruptionError(error)) return databaseCorruptError(path, messageOf(error), error);
  const details = { path, sqliteCode: sqliteErrorCode(error) };
  if (hasPrimaryCode(error, 'SQLITE_BUSY') || hasPrimaryCode(error, 'SQLITE_LOCKED')) {
    return new StorageError(
      'DATABASE_BUSY',
      `The orch database at ${path} stayed locked by another process for more than 5 s while ` +
        `${action}. Retry; if it persists, check for a stuck orch process using this data directory.`,
      { cause: error, details, retryable: true },
    );
  }
  if (hasPrimaryCode(error, 'SQLITE_READONLY')) {
    return new StorageError(
      'DATABASE_READONLY',
      `The orch database at ${path} cannot be written while ${action} (${messageOf(error)}). ` +
        'Open the store without `readonly`, and check the permissions of the file and its directory.',
      { cause: error, details },
    );
  }
  if (
    hasPrimaryCode(error, 'SQLITE_FULL') ||
    hasPrimaryCode(error, 'SQLITE_IOERR') ||
    hasPrimaryCode(error, 'SQLITE_CANTOPEN') ||
    hasPrimaryCode(error, 'SQLITE_PERM')
  ) {
    return databaseUnavailableError(path, `${messageOf(error)} while ${action}`, error);
  }
  return new StorageError(
    'DATABASE_ERROR',
    `The orch database at ${path} failed while ${action}: ${messageOf(error)}. ` +
      'This is probably a bug in orch; please report it with this message.',
    { cause: error, details },
  );
}
