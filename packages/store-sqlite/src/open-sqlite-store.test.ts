import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '@orch/core';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATABASE_FILE } from './data-dir.js';
import { applyMigrations, LATEST_SCHEMA_VERSION } from './internal/migrations.js';
import { makeCheckpoint, makeRun, temporaryDirectory } from './internal/test-support.js';
import { openSqliteStore, resolveDatabasePath } from './open-sqlite-store.js';
import type { SqliteStoreOptions } from './sqlite-store.js';

let directory: ReturnType<typeof temporaryDirectory>;
let databasePath: string;

beforeEach(() => {
  directory = temporaryDirectory();
  databasePath = join(directory.path, 'orch.db');
});

afterEach(() => {
  vi.unstubAllEnvs();
  directory.remove();
});

function openError(options: SqliteStoreOptions): StorageError {
  let thrown: unknown;
  try {
    const store = openSqliteStore(options);
    void store.close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StorageError);
  return thrown as StorageError;
}

/** A real orch database with enough runs to span many pages. */
async function createPopulatedDatabase(): Promise<void> {
  const store = openSqliteStore({ path: databasePath });
  for (let index = 0; index < 200; index += 1) {
    await store.createRun(makeRun({ id: `run-${index}`, extra: { padding: 'x'.repeat(500) } }));
    await store.saveCheckpoint(makeCheckpoint({ runId: `run-${index}` }));
  }
  await store.close();
}

describe('where the database lives', () => {
  it('defaults to orch.db in the data directory and creates the directory with mode 0700', async () => {
    const dataDir = join(directory.path, 'nested', 'data');
    const store = openSqliteStore({ dataDir });
    try {
      expect(store.path).toBe(join(dataDir, DEFAULT_DATABASE_FILE));
      await store.createRun(makeRun());
      expect(existsSync(join(dataDir, 'orch.db'))).toBe(true);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    } finally {
      await store.close();
    }
  });

  it('uses ORCH_DATA_DIR when neither path nor dataDir is given', () => {
    vi.stubEnv('ORCH_DATA_DIR', join(directory.path, 'from-env'));
    expect(resolveDatabasePath()).toBe(join(directory.path, 'from-env', 'orch.db'));
  });

  it('prefers an explicit path over the data directory and makes it absolute', () => {
    expect(resolveDatabasePath({ path: 'relative.db', dataDir: '/ignored' })).toBe(
      join(process.cwd(), 'relative.db'),
    );
  });

  it('opens an empty file as a new database', async () => {
    writeFileSync(databasePath, '');
    const store = openSqliteStore({ path: databasePath });
    try {
      await store.createRun(makeRun());
      expect(await store.getRun('run-1')).toBeDefined();
    } finally {
      await store.close();
    }
  });

  it('writes in WAL mode, so a second connection reads while one writes', async () => {
    const store = openSqliteStore({ path: databasePath });
    await store.createRun(makeRun());
    const reader = openSqliteStore({ path: databasePath });
    try {
      expect(existsSync(`${databasePath}-wal`)).toBe(true);
      expect(await reader.getRun('run-1')).toBeDefined();
    } finally {
      await reader.close();
      await store.close();
    }
    // Bytes 18 and 19 of the header are 2 in a WAL database.
    const header = readFileSync(databasePath).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);
  });
});

describe('a damaged database', () => {
  it('refuses a file of random bytes with DATABASE_CORRUPT and leaves it byte-for-byte unchanged', () => {
    const garbage = randomBytes(4096);
    writeFileSync(databasePath, garbage);
    const error = openError({ path: databasePath });
    expect(error.code).toBe('DATABASE_CORRUPT');
    expect(error.message).toContain(`The orch database at ${databasePath} is damaged`);
    expect(error.message).toContain('file is not a database');
    expect(error.message).toMatch(
      new RegExp(`mv "${databasePath}" "${databasePath}\\.corrupt-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z"`),
    );
    expect(readFileSync(databasePath).equals(garbage)).toBe(true);
  });

  it('refuses a valid database cut to half its size and leaves it unchanged', async () => {
    await createPopulatedDatabase();
    const size = statSync(databasePath).size;
    truncateSync(databasePath, Math.floor(size / 2));
    const before = readFileSync(databasePath);
    const error = openError({ path: databasePath });
    expect(error.code).toBe('DATABASE_CORRUPT');
    expect(error.message).toContain(databasePath);
    expect(error.message).toContain('malformed');
    expect(readFileSync(databasePath).equals(before)).toBe(true);
  });

  it('tells to move a leftover write-ahead log aside together with the file', () => {
    writeFileSync(databasePath, randomBytes(4096));
    writeFileSync(`${databasePath}-wal`, randomBytes(1024));
    const error = openError({ path: databasePath });
    expect(error.code).toBe('DATABASE_CORRUPT');
    expect(error.message).toMatch(/mkdir ".*\.corrupt-[^"]+" && mv ".*orch\.db" ".*orch\.db-wal"/);
  });

  it('refuses a database written by a newer orch with DATABASE_TOO_NEW and does not touch it', async () => {
    await createPopulatedDatabase();
    const database = new Database(databasePath);
    database.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    database.close();
    const before = readFileSync(databasePath);
    const error = openError({ path: databasePath });
    expect(error.code).toBe('DATABASE_TOO_NEW');
    expect(error.message).toContain(databasePath);
    expect(error.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 5}`);
    expect(error.message).toContain('Upgrade orch');
    expect(readFileSync(databasePath).equals(before)).toBe(true);
  });

  it('refuses a SQLite database of another program with DATABASE_FOREIGN and does not touch it', () => {
    const database = new Database(databasePath);
    database.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
    database.close();
    const before = readFileSync(databasePath);
    const error = openError({ path: databasePath });
    expect(error.code).toBe('DATABASE_FOREIGN');
    expect(error.message).toContain(databasePath);
    expect(readFileSync(databasePath).equals(before)).toBe(true);
  });
});

describe('an unusable location', () => {
  it('reports a directory where the file should be as DATABASE_UNAVAILABLE', () => {
    mkdirSync(databasePath);
    const error = openError({ path: databasePath });
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toContain(databasePath);
    expect(error.message).toContain('is a directory');
  });

  it('reports a data directory that cannot be created as DATABASE_UNAVAILABLE with the cause', () => {
    const blocker = join(directory.path, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const error = openError({ dataDir: join(blocker, 'data') });
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toContain(join(blocker, 'data', 'orch.db'));
    expect(error.message).toMatch(/ENOTDIR|EEXIST/);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a directory orch may not write to as DATABASE_UNAVAILABLE',
    () => {
      const locked = join(directory.path, 'locked');
      mkdirSync(locked, { mode: 0o500 });
      try {
        const error = openError({ path: join(locked, 'orch.db') });
        expect(error.code).toBe('DATABASE_UNAVAILABLE');
        expect(error.message).toContain(join(locked, 'orch.db'));
        expect(error.message).toContain('not writable (EACCES)');
      } finally {
        chmodSync(locked, 0o700);
      }
    },
  );
});

describe('read-only', () => {
  it.skipIf(process.getuid?.() === 0)(
    'refuses a write-protected file unless opened read-only',
    async () => {
      await createPopulatedDatabase();
      chmodSync(databasePath, 0o444);
      const error = openError({ path: databasePath });
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
      expect(error.message).toContain('readonly: true');
      const store = openSqliteStore({ path: databasePath, readonly: true });
      try {
        expect(await store.getRun('run-0')).toBeDefined();
      } finally {
        await store.close();
      }
    },
  );

  it('reads an existing database and refuses writes with DATABASE_READONLY', async () => {
    await createPopulatedDatabase();
    const before = readFileSync(databasePath);
    const store = openSqliteStore({ path: databasePath, readonly: true });
    try {
      expect((await store.getRun('run-7'))?.id).toBe('run-7');
      await expect(store.createRun(makeRun({ id: 'new' }))).rejects.toMatchObject({
        code: 'DATABASE_READONLY',
      });
    } finally {
      await store.close();
    }
    expect(readFileSync(databasePath).equals(before)).toBe(true);
  });

  it('does not create a missing file', () => {
    const error = openError({ path: databasePath, readonly: true });
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).toContain('does not exist');
    expect(existsSync(databasePath)).toBe(false);
  });

  it('asks to upgrade an old database once without readonly', () => {
    const database = new Database(databasePath);
    applyMigrations(database, 1);
    database.close();
    const error = openError({ path: databasePath, readonly: true });
    expect(error.code).toBe('DATABASE_NEEDS_UPGRADE');
    expect(error.message).toContain('without `readonly`');
  });
});
