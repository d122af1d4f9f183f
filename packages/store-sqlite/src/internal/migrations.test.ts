import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../open-sqlite-store.js';
import {
  applyMigrations,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  readSchemaVersion,
} from './migrations.js';
import { listRunsSql, runFilterSql } from './run-filter-sql.js';
import { makeCheckpoint, temporaryDirectory } from './test-support.js';

let directory: ReturnType<typeof temporaryDirectory>;
let databasePath: string;

beforeEach(() => {
  directory = temporaryDirectory();
  databasePath = join(directory.path, 'orch.db');
});

afterEach(() => directory.remove());

/** A database as the first release of orch left it: only migration 1, with one run in it. */
function createVersionOneDatabase(): void {
  const database = new Database(databasePath);
  try {
    expect(applyMigrations(database, 1)).toEqual([1]);
    database
      .prepare(
        `INSERT INTO runs (id, tenant_id, depth, status, progress, created_at, updated_at,
           request_json, planned_stages_json, stage_estimates_json, report_json)
         VALUES ('old-run', 'tenant-a', 'quick', 'completed', 1, '2024-05-01T08:00:00.000Z',
           '2024-05-01T08:01:00.000Z', ?, '["acquire","summarize"]', '{"acquire":40}', ?)`,
      )
      .run(
        JSON.stringify({ source: { type: 'file', path: 'talk.txt' }, depth: 'quick' }),
        JSON.stringify({ version: 'old' }),
      );
    database
      .prepare(
        `INSERT INTO checkpoints (run_id, stage, sequence, status, attempts, cost_usd)
         VALUES ('old-run', 'acquire', 1, 'ok', 1, 0)`,
      )
      .run();
  } finally {
    database.close();
  }
}

describe('the migration list', () => {
  it('numbers migrations 1, 2, 3... with a description each, and ends at the latest version', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      MIGRATIONS.map((_, index) => index + 1),
    );
    for (const migration of MIGRATIONS) expect(migration.description.length).toBeGreaterThan(10);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });
});

describe('upgrading', () => {
  it('upgrades a version 1 database to the latest version and keeps its runs readable', async () => {
    createVersionOneDatabase();
    const store = openSqliteStore({ path: databasePath });
    try {
      expect(await store.getRun('old-run')).toEqual({
        id: 'old-run',
        tenantId: 'tenant-a',
        depth: 'quick',
        request: { source: { type: 'file', path: 'talk.txt' }, depth: 'quick' },
        status: 'completed',
        plannedStages: ['acquire', 'summarize'],
        stageEstimatesMs: { acquire: 40 },
        progress: 1,
        createdAt: '2024-05-01T08:00:00.000Z',
        updatedAt: '2024-05-01T08:01:00.000Z',
        report: { version: 'old' },
      });
      expect((await store.listRuns()).map((run) => run.id)).toEqual(['old-run']);
      await store.saveCheckpoint(makeCheckpoint({ runId: 'old-run', stage: 'summarize' }));
      expect(
        (await store.listCheckpoints('old-run')).map((checkpoint) => checkpoint.stage),
      ).toEqual(['acquire', 'summarize']);
    } finally {
      await store.close();
    }
    const database = new Database(databasePath, { readonly: true });
    try {
      expect(readSchemaVersion(database)).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      database.close();
    }
  });

  it('applies each migration once when two connections upgrade the same file', () => {
    createVersionOneDatabase();
    const first = new Database(databasePath);
    const second = new Database(databasePath);
    try {
      expect(readSchemaVersion(second)).toBe(1);
      expect(applyMigrations(first)).toEqual(
        MIGRATIONS.filter((migration) => migration.version > 1).map(
          (migration) => migration.version,
        ),
      );
      expect(applyMigrations(second)).toEqual([]);
      expect(readSchemaVersion(second)).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      first.close();
      second.close();
    }
  });

  it('rolls a failing migration back entirely and leaves the version where it was', () => {
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'A migration that fails half way',
      up(database) {
        database.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('disk on fire');
      },
    };
    const database = new Database(databasePath);
    try {
      expect(() =>
        applyMigrations(database, LATEST_SCHEMA_VERSION + 1, [...MIGRATIONS, failing]),
      ).toThrow('disk on fire');
      expect(readSchemaVersion(database)).toBe(LATEST_SCHEMA_VERSION);
      const table = database
        .prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'")
        .get();
      expect(table).toBeUndefined();
    } finally {
      database.close();
    }
  });
});

describe('migration 2', () => {
  function plan(database: Database.Database, filter: Parameters<typeof runFilterSql>[0]): string {
    const { where, parameters } = runFilterSql(filter);
    const rows = database
      .prepare(`EXPLAIN QUERY PLAN ${listRunsSql(where)}`)
      .all({ ...parameters, limit: 50 }) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join('\n');
  }

  it('serves the default listing from the unarchived index, without sorting', () => {
    const database = new Database(databasePath);
    try {
      applyMigrations(database);
      const listing = plan(database, {});
      expect(listing).toContain('runs_unarchived_created_at');
      expect(listing).not.toContain('TEMP B-TREE');
      expect(plan(database, { tenantId: 'tenant-a' })).toContain(
        'runs_unarchived_tenant_created_at',
      );
    } finally {
      database.close();
    }
  });
});
