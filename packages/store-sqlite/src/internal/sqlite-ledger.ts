import type {
  LedgerEntry,
  LedgerQuery,
  LedgerReservation,
  LedgerReserveResult,
  LedgerSettlement,
  Usage,
} from '@orch/budget';
import { StorageError } from '@orch/core';
import type Database from 'better-sqlite3';
import type { SqliteLedgerStore } from '../sqlite-ledger-store.js';
import { isPrimaryKeyError, storeClosedError, toStorageError } from './storage-errors.js';

/** Tolerance for comparing sums of floating-point dollars against a cap (as in @orch/budget). */
const USD_EPSILON = 1e-8;
const DAY_MS = 86_400_000;

const COLUMNS =
  'id, tenant_id, run_id, stage, model, status, reserved_usd, cost_usd, price_known, usage_json, reserved_at, settled_at';

interface LedgerRow {
  id: string;
  tenant_id: string;
  run_id: string;
  stage: string;
  model: string;
  status: 'reserved' | 'settled';
  reserved_usd: number;
  cost_usd: number | null;
  price_known: number;
  usage_json: string | null;
  reserved_at: string;
  settled_at: string | null;
}

function rowToEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    tenant: row.tenant_id,
    runId: row.run_id,
    stage: row.stage,
    model: row.model,
    status: row.status,
    reservedUsd: row.reserved_usd,
    costUsd: row.cost_usd,
    priceKnown: row.price_known === 1,
    ...(row.usage_json === null ? {} : { usage: JSON.parse(row.usage_json) as Usage }),
    reservedAt: row.reserved_at,
    ...(row.settled_at === null ? {} : { settledAt: row.settled_at }),
  };
}

function prepareStatements(database: Database.Database) {
  return {
    insert: database.prepare(
      `INSERT INTO ledger_entries (${COLUMNS}) VALUES (@id, @tenant_id, @run_id, @stage, @model,
         'reserved', @reserved_usd, NULL, @price_known, NULL, @reserved_at, NULL)`,
    ),
    dayTotal: database.prepare(
      `SELECT coalesce(sum(CASE WHEN status = 'reserved' THEN reserved_usd
                                ELSE coalesce(cost_usd, 0) END), 0) AS total
       FROM ledger_entries
       WHERE tenant_id = ? AND reserved_at >= ? AND reserved_at < ?`,
    ),
    selectStatus: database.prepare('SELECT status FROM ledger_entries WHERE id = ?'),
    settle: database.prepare(
      `UPDATE ledger_entries SET status = 'settled', cost_usd = @cost_usd,
         usage_json = @usage_json, settled_at = @settled_at
       WHERE id = @id AND status = 'reserved'`,
    ),
    release: database.prepare("DELETE FROM ledger_entries WHERE id = ? AND status = 'reserved'"),
    entries: database.prepare(
      `SELECT ${COLUMNS} FROM ledger_entries
       WHERE (@tenant IS NULL OR tenant_id = @tenant)
         AND (@run_id IS NULL OR run_id = @run_id)
         AND (@since IS NULL OR reserved_at >= @since)
         AND (@until IS NULL OR reserved_at < @until)
       ORDER BY reserved_at, id`,
    ),
  };
}

/** The [start, end) of the UTC day holding `at`, as ISO strings (the form reserved_at uses). */
function utcDayBounds(at: Date): [string, string] {
  const start = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  return [new Date(start).toISOString(), new Date(start + DAY_MS).toISOString()];
}

/** LedgerStore on one better-sqlite3 connection: synchronous inside, promises outside. */
export class SqliteLedger implements SqliteLedgerStore {
  readonly path: string;
  readonly #database: Database.Database;
  readonly #statements: ReturnType<typeof prepareStatements>;
  readonly #reserve: (reservation: LedgerReservation) => LedgerReserveResult;
  readonly #settle: (id: string, settlement: LedgerSettlement) => void;
  #closed = false;

  constructor(database: Database.Database, path: string) {
    this.path = path;
    this.#database = database;
    this.#statements = prepareStatements(database);
    const reserve = database.transaction((reservation: LedgerReservation): LedgerReserveResult => {
      const [start, end] = utcDayBounds(reservation.at);
      const { total } = this.#statements.dayTotal.get(reservation.tenant, start, end) as {
        total: number;
      };
      if (
        reservation.dailyCapUsd !== undefined &&
        total + reservation.amountUsd > reservation.dailyCapUsd + USD_EPSILON
      ) {
        return { ok: false, spentTodayUsd: total };
      }
      this.#statements.insert.run({
        id: reservation.id,
        tenant_id: reservation.tenant,
        run_id: reservation.runId,
        stage: reservation.stage,
        model: reservation.model,
        reserved_usd: reservation.amountUsd,
        price_known: reservation.priceKnown ? 1 : 0,
        reserved_at: reservation.at.toISOString(),
      });
      return { ok: true, spentTodayUsd: total };
    });
    // BEGIN IMMEDIATE: the day total is read under the write lock, so two connections on one
    // file (two processes) serialise and cannot both pass the daily cap.
    this.#reserve = (reservation) => reserve.immediate(reservation);
    const settle = database.transaction((id: string, settlement: LedgerSettlement): void => {
      const changed = this.#statements.settle.run({
        id,
        cost_usd: settlement.costUsd,
        usage_json: settlement.usage === undefined ? null : JSON.stringify(settlement.usage),
        settled_at: settlement.at.toISOString(),
      }).changes;
      if (changed === 1) return;
      const row = this.#statements.selectStatus.get(id) as { status: string } | undefined;
      if (row === undefined) {
        throw new StorageError(
          'LEDGER_ENTRY_NOT_FOUND',
          `No open reservation with id "${id}" is in the ledger of ${this.path} (never made, or released). Reserve before settling.`,
          { details: { id, path: this.path } },
        );
      }
      throw new StorageError(
        'LEDGER_ENTRY_SETTLED',
        `The ledger entry "${id}" in ${this.path} is already settled; a call is settled once. Reserve again for a new call.`,
        { details: { id, path: this.path } },
      );
    });
    this.#settle = (id, settlement) => settle.immediate(id, settlement);
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

  async reserve(reservation: LedgerReservation): Promise<LedgerReserveResult> {
    return this.#run('reserving budget', () => {
      try {
        return this.#reserve(reservation);
      } catch (error) {
        if (!isPrimaryKeyError(error)) throw error;
        throw new StorageError(
          'LEDGER_ENTRY_EXISTS',
          `The ledger in ${this.path} already has an entry with id "${reservation.id}". Use a new id for each reservation.`,
          { cause: error, details: { id: reservation.id, path: this.path } },
        );
      }
    });
  }

  async settle(id: string, settlement: LedgerSettlement): Promise<void> {
    this.#run('settling a ledger entry', () => this.#settle(id, settlement));
  }

  async release(id: string): Promise<void> {
    this.#run('releasing a reservation', () => {
      this.#statements.release.run(id);
    });
  }

  async entries(query: LedgerQuery = {}): Promise<LedgerEntry[]> {
    return this.#run('reading the ledger', () =>
      (
        this.#statements.entries.all({
          tenant: query.tenant ?? null,
          run_id: query.runId ?? null,
          since: query.since?.toISOString() ?? null,
          until: query.until?.toISOString() ?? null,
        }) as LedgerRow[]
      ).map(rowToEntry),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#database.close();
  }
}
