import { StorageError } from '@orch/core';
import type {
  RunFilter,
  RunLease,
  RunPatch,
  RunRecord,
  StageCheckpoint,
} from '@orch/workflow-state';
import type Database from 'better-sqlite3';
import type { SqliteStore } from '../sqlite-store.js';
import {
  CHECKPOINT_COLUMNS,
  type CheckpointRow,
  checkpointToRow,
  type LeaseRow,
  patchToParameters,
  RUN_COLUMNS,
  type RunRow,
  rowToCheckpoint,
  rowToLease,
  rowToRun,
  runToRow,
} from './rows.js';
import { deleteRunsSql, listLimit, listRunsSql, runFilterSql } from './run-filter-sql.js';
import {
  isForeignKeyError,
  isPrimaryKeyError,
  storeClosedError,
  toStorageError,
} from './storage-errors.js';

const UPDATE_RUN = `UPDATE runs SET
  status = CASE WHEN @set_status THEN @status ELSE status END,
  progress = CASE WHEN @set_progress THEN @progress ELSE progress END,
  started_at = CASE WHEN @set_started_at THEN @started_at ELSE started_at END,
  finished_at = CASE WHEN @set_finished_at THEN @finished_at ELSE finished_at END,
  archived_at = CASE WHEN @set_archived_at THEN @archived_at ELSE archived_at END,
  error_json = CASE WHEN @set_error THEN @error_json ELSE error_json END,
  report_json = CASE WHEN @set_report THEN @report_json ELSE report_json END,
  extra_json = CASE WHEN @set_extra THEN @extra_json ELSE extra_json END,
  updated_at = @updated_at
WHERE id = @id`;

/** The statements every store prepares once, when it opens. */
function prepareStatements(database: Database.Database) {
  return {
    insertRun: database.prepare(
      `INSERT INTO runs (${RUN_COLUMNS}) VALUES (${RUN_COLUMNS.split(', ')
        .map((column) => `@${column}`)
        .join(', ')})`,
    ),
    selectRun: database.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`),
    updateRun: database.prepare(UPDATE_RUN),
    updateRunIfStatus: database.prepare(`${UPDATE_RUN} AND status = @expected_status`),
    upsertCheckpoint: database.prepare(
      `INSERT INTO checkpoints (${CHECKPOINT_COLUMNS}, sequence)
       VALUES (${CHECKPOINT_COLUMNS.split(', ')
         .map((column) => `@${column}`)
         .join(', ')},
         (SELECT coalesce(max(sequence), 0) + 1 FROM checkpoints WHERE run_id = @run_id))
       ON CONFLICT (run_id, stage) DO UPDATE SET ${CHECKPOINT_COLUMNS.split(', ')
         .filter((column) => column !== 'run_id' && column !== 'stage')
         .map((column) => `${column} = excluded.${column}`)
         .join(', ')}`,
    ),
    selectCheckpoints: database.prepare(
      `SELECT ${CHECKPOINT_COLUMNS} FROM checkpoints WHERE run_id = ? ORDER BY sequence`,
    ),
    selectLease: database.prepare('SELECT owner, expires_at FROM leases WHERE run_id = ?'),
    upsertLease: database.prepare(
      `INSERT INTO leases (run_id, owner, expires_at) VALUES (@run_id, @owner, @expires_at)
       ON CONFLICT (run_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at`,
    ),
    deleteLease: database.prepare('DELETE FROM leases WHERE run_id = ? AND owner = ?'),
  };
}

/** RunStore on one better-sqlite3 connection: synchronous inside, promises outside. */
export class SqliteRunStore implements SqliteStore {
  readonly path: string;
  readonly #database: Database.Database;
  readonly #statements: ReturnType<typeof prepareStatements>;
  /** List and delete statements, one per filter shape, prepared on first use. */
  readonly #filterStatements = new Map<string, Database.Statement>();
  readonly #acquireLease: (runId: string, owner: string, ttlMs: number, now: number) => RunLease;
  #closed = false;

  constructor(database: Database.Database, path: string) {
    this.path = path;
    this.#database = database;
    this.#statements = prepareStatements(database);
    const takeLease = database.transaction(
      (runId: string, owner: string, ttlMs: number, now: number): RunLease => {
        const held = this.#statements.selectLease.get(runId) as LeaseRow | undefined;
        if (held !== undefined && held.owner !== owner && held.expires_at > now) {
          return rowToLease(held);
        }
        const lease: RunLease = { owner, expiresAt: now + ttlMs };
        this.#statements.upsertLease.run({ run_id: runId, owner, expires_at: lease.expiresAt });
        return lease;
      },
    );
    // BEGIN IMMEDIATE: the read and the write happen under the write lock, so two processes
    // racing for one lease serialise and exactly one of them takes it.
    this.#acquireLease = (runId, owner, ttlMs, now) =>
      takeLease.immediate(runId, owner, ttlMs, now);
  }

  /** Runs `work` on the open connection, turning SQLite failures into StorageErrors. */
  #run<T>(action: string, work: () => T): T {
    if (this.#closed) throw storeClosedError(this.path);
    try {
      return work();
    } catch (error) {
      throw toStorageError(error, this.path, action);
    }
  }

  #runNotFound(runId: string, action: string, cause: unknown): StorageError {
    return new StorageError(
      'RUN_NOT_FOUND',
      `Cannot ${action}: no run with id "${runId}" exists in ${this.path} (never created, or ` +
        'deleted). Create the run first, or check the id with `orch runs list`.',
      { cause, details: { runId, path: this.path } },
    );
  }

  #filterStatement(kind: 'list' | 'delete', shape: string, sql: () => string): Database.Statement {
    const key = `${kind}:${shape}`;
    let statement = this.#filterStatements.get(key);
    if (statement === undefined) {
      statement = this.#database.prepare(sql());
      this.#filterStatements.set(key, statement);
    }
    return statement;
  }

  async createRun(run: RunRecord): Promise<void> {
    this.#run('creating a run', () => {
      try {
        this.#statements.insertRun.run(runToRow(run));
      } catch (error) {
        if (!isPrimaryKeyError(error)) throw error;
        throw new StorageError(
          'RUN_EXISTS',
          `A run with id "${run.id}" already exists in ${this.path}. ` +
            'Resume that run, or start a new one with another id.',
          { cause: error, details: { runId: run.id, path: this.path } },
        );
      }
    });
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return this.#run('reading a run', () => {
      const row = this.#statements.selectRun.get(id) as RunRow | undefined;
      return row === undefined ? undefined : rowToRun(row);
    });
  }

  async listRuns(filter: RunFilter = {}): Promise<RunRecord[]> {
    return this.#run('listing runs', () => {
      const { shape, where, parameters } = runFilterSql(filter);
      const statement = this.#filterStatement('list', shape, () => listRunsSql(where));
      const rows = statement.all({ ...parameters, limit: listLimit(filter.limit) }) as RunRow[];
      return rows.map(rowToRun);
    });
  }

  async updateRun(
    id: string,
    patch: RunPatch,
    expectedStatus?: RunRecord['status'],
  ): Promise<boolean> {
    return this.#run('updating a run', () => {
      const parameters = {
        ...patchToParameters(patch),
        id,
        updated_at: new Date().toISOString(),
      };
      const result =
        expectedStatus === undefined
          ? this.#statements.updateRun.run(parameters)
          : this.#statements.updateRunIfStatus.run({
              ...parameters,
              expected_status: expectedStatus,
            });
      return result.changes === 1;
    });
  }

  async saveCheckpoint(checkpoint: StageCheckpoint): Promise<void> {
    this.#run('saving a checkpoint', () => {
      try {
        this.#statements.upsertCheckpoint.run(checkpointToRow(checkpoint));
      } catch (error) {
        if (!isForeignKeyError(error)) throw error;
        throw this.#runNotFound(
          checkpoint.runId,
          `save the checkpoint of stage "${checkpoint.stage}"`,
          error,
        );
      }
    });
  }

  async listCheckpoints(runId: string): Promise<StageCheckpoint[]> {
    return this.#run('listing checkpoints', () =>
      (this.#statements.selectCheckpoints.all(runId) as CheckpointRow[]).map(rowToCheckpoint),
    );
  }

  async acquireLease(runId: string, owner: string, ttlMs: number, now: number): Promise<RunLease> {
    return this.#run('acquiring a run lease', () => {
      try {
        return this.#acquireLease(runId, owner, ttlMs, now);
      } catch (error) {
        if (!isForeignKeyError(error)) throw error;
        throw this.#runNotFound(runId, `lease run "${runId}"`, error);
      }
    });
  }

  async releaseLease(runId: string, owner: string): Promise<void> {
    this.#run('releasing a run lease', () => {
      this.#statements.deleteLease.run(runId, owner);
    });
  }

  async getLease(runId: string): Promise<RunLease | undefined> {
    return this.#run('reading a run lease', () => {
      const row = this.#statements.selectLease.get(runId) as LeaseRow | undefined;
      return row === undefined ? undefined : rowToLease(row);
    });
  }

  async deleteRuns(filter: RunFilter & { readonly createdBefore: string }): Promise<number> {
    return this.#run('deleting runs', () => {
      const { shape, where, parameters } = runFilterSql(filter);
      // Checkpoints and leases go with their run (ON DELETE CASCADE).
      const statement = this.#filterStatement('delete', shape, () => deleteRunsSql(where));
      return statement.run(parameters).changes;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#database.close();
  }
}
