import { join } from 'node:path';
import { createBudget } from '@orch/budget';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  LATEST_SCHEMA_VERSION,
  readSchemaVersion,
} from './internal/migrations.js';
import { makeRun, temporaryDirectory } from './internal/test-support.js';
import { openSqliteLedger } from './open-sqlite-ledger.js';
import { openSqliteStore } from './open-sqlite-store.js';

/** $1 per million input tokens, $2 per million output: this call reserves $0.002. */
const PRICES = { cheap: { inputPerMillionUsd: 1, outputPerMillionUsd: 2 } };
const CALL = { stage: 'summarize', model: 'cheap', inputTokens: 1_000, maxOutputTokens: 500 };
const USAGE = {
  promptTokens: 400,
  completionTokens: 100,
  cachedPromptTokens: 0,
  reasoningTokens: 0,
};

let directory: ReturnType<typeof temporaryDirectory>;
let databasePath: string;

beforeEach(() => {
  directory = temporaryDirectory();
  databasePath = join(directory.path, 'orch.db');
});

afterEach(() => directory.remove());

describe('openSqliteLedger', () => {
  it('enforces a daily cap across two connections on one file', async () => {
    const first = openSqliteLedger({ path: databasePath });
    const second = openSqliteLedger({ path: databasePath });
    try {
      const options = { tenant: 'acme', capUsd: 1, dailyCapUsd: 0.021, priceTable: PRICES };
      const budgetA = createBudget({ ...options, runId: 'run-a', ledger: first });
      const budgetB = createBudget({ ...options, runId: 'run-b', ledger: second });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 === 0 ? budgetA : budgetB).reserve(CALL),
        ),
      );
      const granted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(granted).toHaveLength(10);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toMatchObject({ code: 'BUDGET_DAILY_CAP_EXCEEDED' });
        }
      }
      const entries = await first.entries({ tenant: 'acme' });
      expect(entries).toHaveLength(10);
      expect(new Set(entries.map((entry) => entry.runId))).toEqual(new Set(['run-a', 'run-b']));
      expect(budgetA.reservedUsd() + budgetB.reservedUsd()).toBeCloseTo(0.02, 10);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('frees room for the other connection once a call settles below its reservation', async () => {
    const first = openSqliteLedger({ path: databasePath });
    const second = openSqliteLedger({ path: databasePath });
    try {
      const options = { tenant: 'acme', capUsd: 1, dailyCapUsd: 0.003, priceTable: PRICES };
      const budgetA = createBudget({ ...options, runId: 'run-a', ledger: first });
      const budgetB = createBudget({ ...options, runId: 'run-b', ledger: second });
      const reservation = await budgetA.reserve(CALL);
      await expect(budgetB.reserve(CALL)).rejects.toMatchObject({
        code: 'BUDGET_DAILY_CAP_EXCEEDED',
      });
      expect(await reservation.settle(USAGE)).toBeCloseTo(0.0006, 12);
      await expect(budgetB.reserve(CALL)).resolves.toMatchObject({ priceKnown: true });
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('keeps spend across reopening the file', async () => {
    const ledger = openSqliteLedger({ path: databasePath });
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: PRICES, ledger });
    await (await budget.reserve(CALL)).settle(USAGE);
    await ledger.close();
    const reopened = openSqliteLedger({ path: databasePath });
    try {
      expect(await reopened.entries()).toMatchObject([
        { runId: 'run-1', tenant: 'local', status: 'settled', costUsd: 0.0006, usage: USAGE },
      ]);
      expect(reopened.path).toBe(databasePath);
    } finally {
      await reopened.close();
    }
  });

  it('shares the file with the run store', async () => {
    const store = openSqliteStore({ path: databasePath });
    const ledger = openSqliteLedger({ path: databasePath });
    try {
      await store.createRun(makeRun());
      await ledger.reserve({
        id: 'call-1',
        tenant: 'tenant-a',
        runId: 'run-1',
        stage: 'summarize',
        model: 'cheap',
        amountUsd: 0.1,
        priceKnown: true,
        at: new Date('2025-03-01T10:00:00.000Z'),
      });
      expect((await store.getRun('run-1'))?.id).toBe('run-1');
      expect((await ledger.entries({ runId: 'run-1' })).map((entry) => entry.id)).toEqual([
        'call-1',
      ]);
    } finally {
      await ledger.close();
      await store.close();
    }
  });

  it('refuses to write a read-only file with DATABASE_READONLY', async () => {
    await openSqliteLedger({ path: databasePath }).close();
    const ledger = openSqliteLedger({ path: databasePath, readonly: true });
    try {
      await expect(
        ledger.reserve({
          id: 'call-1',
          tenant: 't',
          runId: 'r',
          stage: 's',
          model: 'm',
          amountUsd: 0,
          priceKnown: true,
          at: new Date(),
        }),
      ).rejects.toMatchObject({ code: 'DATABASE_READONLY', category: 'storage' });
      expect(await ledger.entries()).toEqual([]);
    } finally {
      await ledger.close();
    }
  });
});

describe('upgrading a database from before the ledger', () => {
  it('adds the ledger and keeps existing runs and checkpoints intact', async () => {
    const versionTwo = new Database(databasePath);
    try {
      applyMigrations(versionTwo, 2);
      versionTwo
        .prepare(
          `INSERT INTO runs (id, tenant_id, depth, status, progress, created_at, updated_at,
             request_json, planned_stages_json, stage_estimates_json)
           VALUES ('old-run', 'tenant-a', 'standard', 'completed', 1, '2025-01-01T08:00:00.000Z',
             '2025-01-01T08:05:00.000Z', ?, '["acquire"]', '{"acquire":40}')`,
        )
        .run(JSON.stringify({ source: { type: 'text', text: 'Hi.' }, depth: 'standard' }));
      versionTwo
        .prepare(
          `INSERT INTO checkpoints (run_id, stage, sequence, status, attempts, cost_usd, model)
           VALUES ('old-run', 'acquire', 1, 'ok', 1, 0.0123, 'gpt-4o-mini')`,
        )
        .run();
      expect(readSchemaVersion(versionTwo)).toBe(2);
    } finally {
      versionTwo.close();
    }

    const ledger = openSqliteLedger({ path: databasePath });
    const store = openSqliteStore({ path: databasePath });
    try {
      expect(await ledger.entries()).toEqual([]);
      await ledger.reserve({
        id: 'call-1',
        tenant: 'tenant-a',
        runId: 'new-run',
        stage: 'summarize',
        model: 'gpt-4o-mini',
        amountUsd: 0.01,
        priceKnown: true,
        at: new Date('2025-03-01T10:00:00.000Z'),
      });
      expect((await ledger.entries()).map((entry) => entry.id)).toEqual(['call-1']);
      expect(await store.getRun('old-run')).toMatchObject({
        id: 'old-run',
        tenantId: 'tenant-a',
        status: 'completed',
        plannedStages: ['acquire'],
        createdAt: '2025-01-01T08:00:00.000Z',
      });
      expect(await store.listCheckpoints('old-run')).toMatchObject([
        { stage: 'acquire', costUsd: 0.0123, model: 'gpt-4o-mini' },
      ]);
    } finally {
      await ledger.close();
      await store.close();
    }
    const check = new Database(databasePath, { readonly: true });
    try {
      expect(readSchemaVersion(check)).toBe(LATEST_SCHEMA_VERSION);
      expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
    } finally {
      check.close();
    }
  });
});
