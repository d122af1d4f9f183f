import type Database from 'better-sqlite3';

/** Marks a database as orch's (`PRAGMA application_id`): the bytes of "ORCH". */
export const ORCH_APPLICATION_ID = 0x4f524348;

/**
 * One forward-only schema change. `up` runs inside a write transaction together with the bump
 * of `PRAGMA user_version` to `version`, so a crash leaves the database at the previous version.
 * Released migrations are never edited: a change to the schema is a new migration.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  up(database: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Initial schema: runs, stage checkpoints and run leases',
    up(database) {
      database.pragma(`application_id = ${ORCH_APPLICATION_ID}`);
      database.exec(`
        CREATE TABLE runs (
          id TEXT NOT NULL PRIMARY KEY,
          tenant_id TEXT NOT NULL,
          workspace_id TEXT,
          depth TEXT NOT NULL,
          status TEXT NOT NULL,
          progress REAL NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          started_at TEXT,
          finished_at TEXT,
          archived_at TEXT,
          request_json TEXT NOT NULL,
          planned_stages_json TEXT NOT NULL,
          stage_estimates_json TEXT NOT NULL,
          error_json TEXT,
          report_json TEXT,
          extra_json TEXT
        );
        CREATE INDEX runs_status ON runs (status);
        CREATE INDEX runs_tenant_id ON runs (tenant_id);
        CREATE INDEX runs_created_at ON runs (created_at);

        CREATE TABLE checkpoints (
          run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          stage TEXT NOT NULL,
          sequence INTEGER NOT NULL,
          status TEXT NOT NULL,
          attempts INTEGER NOT NULL,
          input_hash TEXT,
          output_json TEXT,
          reason TEXT,
          error_json TEXT,
          cost_usd REAL NOT NULL,
          model TEXT,
          prompt_version TEXT,
          started_at TEXT,
          finished_at TEXT,
          duration_ms REAL,
          PRIMARY KEY (run_id, stage)
        );

        CREATE TABLE leases (
          run_id TEXT NOT NULL PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
          owner TEXT NOT NULL,
          expires_at INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description:
      'Index the default run listing: unarchived runs newest first, overall and per tenant',
    up(database) {
      database.exec(`
        CREATE INDEX runs_unarchived_created_at ON runs (created_at) WHERE archived_at IS NULL;
        CREATE INDEX runs_unarchived_tenant_created_at ON runs (tenant_id, created_at)
          WHERE archived_at IS NULL;
      `);
    },
  },
  {
    version: 3,
    description:
      'Budget ledger: one row per model call (open reservation or settled spend) for daily caps and cost reports',
    up(database) {
      database.exec(`
        CREATE TABLE ledger_entries (
          id TEXT NOT NULL PRIMARY KEY,
          tenant_id TEXT NOT NULL,
          run_id TEXT NOT NULL,
          stage TEXT NOT NULL,
          model TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('reserved', 'settled')),
          reserved_usd REAL NOT NULL,
          cost_usd REAL,
          price_known INTEGER NOT NULL,
          usage_json TEXT,
          reserved_at TEXT NOT NULL,
          settled_at TEXT
        );
        CREATE INDEX ledger_entries_tenant_reserved_at ON ledger_entries (tenant_id, reserved_at);
        CREATE INDEX ledger_entries_reserved_at ON ledger_entries (reserved_at);
        CREATE INDEX ledger_entries_run_id ON ledger_entries (run_id);
      `);
    },
  },
];

/** The schema version this code writes and reads. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function readSchemaVersion(database: Database.Database): number {
  return database.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the database's version up to `targetVersion`, each in its own
 * `BEGIN IMMEDIATE` transaction that re-reads the version first, so two processes opening the
 * same old file at once apply each migration exactly once. Returns the versions applied here.
 */
export function applyMigrations(
  database: Database.Database,
  targetVersion: number = LATEST_SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version > targetVersion) break;
    const apply = database.transaction(() => {
      if (readSchemaVersion(database) >= migration.version) return false;
      migration.up(database);
      database.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}
