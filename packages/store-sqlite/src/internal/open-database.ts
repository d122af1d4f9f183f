import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from '@orch/core';
import Database from 'better-sqlite3';
import {
  applyMigrations,
  LATEST_SCHEMA_VERSION,
  ORCH_APPLICATION_ID,
  readSchemaVersion,
} from './migrations.js';
import {
  databaseCorruptError,
  databaseUnavailableError,
  isCorruptionError,
  moveAsideCommand,
  sqliteErrorCode,
  toStorageError,
} from './storage-errors.js';

export const BUSY_TIMEOUT_MS = 5000;

const IN_MEMORY = ':memory:';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates the directory of the database file (0700: runs hold user content) when missing. */
function ensureDirectory(path: string): void {
  const directory = dirname(path);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw databaseUnavailableError(
      path,
      `its directory ${directory} cannot be created (${messageOf(error)})`,
      error,
    );
  }
}

function rejectNonFile(path: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return; // Missing (SQLite creates it) or unreadable (SQLite reports why).
  }
  if (isDirectory) throw databaseUnavailableError(path, 'the path is a directory, not a file');
}

/** The first line of `PRAGMA quick_check`, or the error it raised (a file that is no database). */
function quickCheckFirstLine(database: Database.Database, fallback: string): string {
  try {
    const rows = database.pragma('quick_check') as Array<Record<string, unknown>>;
    const first = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
    return typeof first === 'string' && first !== 'ok' ? first : fallback;
  } catch (error) {
    return messageOf(error);
  }
}

interface DatabaseHeader {
  readonly version: number;
  readonly applicationId: number;
  readonly schemaObjects: number;
}

/** The first reads of a fresh connection: they fail with NOTADB or CORRUPT on a damaged file. */
function readHeader(database: Database.Database): DatabaseHeader {
  return {
    version: readSchemaVersion(database),
    applicationId: database.pragma('application_id', { simple: true }) as number,
    schemaObjects: (
      database.prepare('SELECT count(*) AS count FROM sqlite_schema').get() as { count: number }
    ).count,
  };
}

function checkHeader(path: string, header: DatabaseHeader, readonly: boolean): void {
  const pristine = header.applicationId === 0 && header.version === 0 && header.schemaObjects === 0;
  if (header.applicationId !== ORCH_APPLICATION_ID && !pristine) {
    throw new StorageError(
      'DATABASE_FOREIGN',
      `The file at ${path} is a SQLite database that orch did not create (application id ` +
        `${header.applicationId}, schema version ${header.version}, ${header.schemaObjects} ` +
        'schema objects); orch leaves it untouched. Point orch at another file (ORCH_DATA_DIR or ' +
        `the store path option), or move this one aside: ${moveAsideCommand(path)}`,
      { details: { path, applicationId: header.applicationId, version: header.version } },
    );
  }
  if (header.version > LATEST_SCHEMA_VERSION) {
    throw new StorageError(
      'DATABASE_TOO_NEW',
      `The orch database at ${path} has schema version ${header.version}, but this orch only ` +
        `knows versions up to ${LATEST_SCHEMA_VERSION}: a newer orch wrote it. Upgrade orch to ` +
        'the latest version (or use the version that wrote it); schema upgrades are one-way.',
      { details: { path, version: header.version, supportedVersion: LATEST_SCHEMA_VERSION } },
    );
  }
  if (readonly && header.version < LATEST_SCHEMA_VERSION) {
    throw new StorageError(
      'DATABASE_NEEDS_UPGRADE',
      `The orch database at ${path} has schema version ${header.version} and this orch needs ` +
        `version ${LATEST_SCHEMA_VERSION}, but it was opened read-only so it cannot be upgraded. ` +
        'Open it once without `readonly` (any orch command that writes upgrades it).',
      { details: { path, version: header.version, supportedVersion: LATEST_SCHEMA_VERSION } },
    );
  }
}

/**
 * Opens (creating when missing, unless read-only) the orch database at `path`, checks it,
 * configures the connection (WAL, synchronous NORMAL, foreign keys, busy timeout) and applies
 * pending migrations. A damaged file is reported and never modified.
 */
export function openDatabase(path: string, readonly: boolean): Database.Database {
  const inMemory = path === IN_MEMORY;
  if (!inMemory) {
    if (!readonly) ensureDirectory(path);
    rejectNonFile(path);
    // SQLite silently falls back to read-only on a write-protected file; orch needs to write.
    if (!readonly && safeExists(path) && accessProblem(path, constants.W_OK) !== undefined) {
      throw databaseUnavailableError(
        path,
        `${diagnoseUnopenable(path, readonly, undefined)}; open it with \`readonly: true\` to only read it`,
      );
    }
  }

  let database: Database.Database;
  try {
    database = new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw databaseUnavailableError(path, diagnoseUnopenable(path, readonly, error), error);
  }
  try {
    // No I/O yet: applies to the reads below.
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    let header: DatabaseHeader;
    try {
      header = readHeader(database);
    } catch (error) {
      if (!isCorruptionError(error)) throw error;
      throw databaseCorruptError(path, quickCheckFirstLine(database, messageOf(error)), error);
    }
    checkHeader(path, header, readonly);
    if (!readonly) database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    if (!readonly) applyMigrations(database);
    return database;
  } catch (error) {
    database.close();
    if (isCannotOpenError(error)) {
      throw databaseUnavailableError(path, diagnoseUnopenable(path, readonly, error), error);
    }
    throw toStorageError(error, path, 'opening it');
  }
}

function isCannotOpenError(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  return code !== undefined && /^SQLITE_(CANTOPEN|PERM|READONLY)/.test(code);
}

function accessProblem(path: string, mode: number): string | undefined {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? messageOf(error);
  }
}

/** Why SQLite could not open the file, in words a user can act on ("unable to open" is not). */
function diagnoseUnopenable(path: string, readonly: boolean, error: unknown): string {
  const fallback = error === undefined ? 'it is not writable' : messageOf(error);
  if (path === IN_MEMORY) return fallback;
  if (!safeExists(path)) {
    if (readonly) return 'the file does not exist';
    const directory = dirname(path);
    const problem = accessProblem(directory, constants.W_OK | constants.X_OK);
    if (problem !== undefined) return `its directory ${directory} is not writable (${problem})`;
    return fallback;
  }
  const fileProblem = accessProblem(
    path,
    readonly ? constants.R_OK : constants.R_OK | constants.W_OK,
  );
  if (fileProblem !== undefined) {
    return `the file is not ${readonly ? 'readable' : 'readable and writable'} (${fileProblem})`;
  }
  if (!readonly) {
    // WAL mode keeps `-wal` and `-shm` files next to the database.
    const directory = dirname(path);
    const problem = accessProblem(directory, constants.W_OK | constants.X_OK);
    if (problem !== undefined) {
      return `its directory ${directory} is not writable (${problem}), and SQLite needs to create its -wal and -shm files there`;
    }
  }
  return fallback;
}

function safeExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
