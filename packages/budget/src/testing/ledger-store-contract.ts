import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerReservation, LedgerStore } from '../ledger-store.js';

/** What a contract test gets for each test: a fresh, empty ledger and how to dispose of it. */
export interface LedgerStoreUnderTest {
  readonly store: LedgerStore;
  /** Runs after the test, after `store.close()`. */
  readonly cleanup?: () => Promise<void>;
}

const MORNING = new Date('2025-03-01T08:00:00.000Z');
const NOON = new Date('2025-03-01T12:00:00.000Z');
const LAST_MILLISECOND = new Date('2025-03-01T23:59:59.999Z');
const NEXT_DAY = new Date('2025-03-02T00:00:00.000Z');
const DAY_BEFORE = new Date('2025-02-28T23:59:59.999Z');

function reservation(overrides: Partial<LedgerReservation> = {}): LedgerReservation {
  return {
    id: 'call-1',
    tenant: 'tenant-a',
    runId: 'run-1',
    stage: 'summarize',
    model: 'gpt-4o-mini',
    amountUsd: 0.25,
    priceKnown: true,
    at: NOON,
    ...overrides,
  };
}

const USAGE = {
  promptTokens: 1200,
  completionTokens: 300,
  cachedPromptTokens: 200,
  reasoningTokens: 0,
};

/**
 * Registers the vitest tests every LedgerStore must pass. `createStore` is called before each
 * test and must return an empty ledger; `cleanup` (when given) runs after it, after `close()`.
 *
 * Beyond the interface docs, the contract pins down: a reservation that exactly fills the daily
 * cap is accepted; the day is the UTC day of the reservation instant; `since` is inclusive and
 * `until` exclusive; after `close()` every method rejects with `STORE_CLOSED`.
 */
export function ledgerStoreContract(
  name: string,
  createStore: () => Promise<LedgerStoreUnderTest>,
): void {
  describe(`LedgerStore contract: ${name}`, () => {
    let store: LedgerStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await createStore();
      store = made.store;
      cleanup = made.cleanup;
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    describe('reserve', () => {
      it('records an open reservation with every field', async () => {
        await expect(store.reserve(reservation())).resolves.toEqual({ ok: true, spentTodayUsd: 0 });
        expect(await store.entries()).toEqual([
          {
            id: 'call-1',
            tenant: 'tenant-a',
            runId: 'run-1',
            stage: 'summarize',
            model: 'gpt-4o-mini',
            status: 'reserved',
            reservedUsd: 0.25,
            costUsd: null,
            priceKnown: true,
            reservedAt: NOON.toISOString(),
          },
        ]);
      });

      it('rejects a used id with LEDGER_ENTRY_EXISTS and keeps the first entry', async () => {
        await store.reserve(reservation({ amountUsd: 0.1 }));
        await expect(store.reserve(reservation({ amountUsd: 0.9 }))).rejects.toMatchObject({
          code: 'LEDGER_ENTRY_EXISTS',
          category: 'storage',
        });
        const entries = await store.entries();
        expect(entries.map((entry) => entry.reservedUsd)).toEqual([0.1]);
      });
    });

    describe('settle', () => {
      it('turns a reservation into spend at its actual cost, with the usage', async () => {
        await store.reserve(reservation());
        await store.settle('call-1', { costUsd: 0.0123, usage: USAGE, at: NEXT_DAY });
        const [entry] = await store.entries();
        expect(entry).toMatchObject({
          status: 'settled',
          reservedUsd: 0.25,
          costUsd: 0.0123,
          usage: USAGE,
          reservedAt: NOON.toISOString(),
          settledAt: NEXT_DAY.toISOString(),
        });
      });

      it('keeps an unknown cost unknown (null), never 0', async () => {
        await store.reserve(reservation({ amountUsd: 0, priceKnown: false, model: 'mystery' }));
        await store.settle('call-1', { costUsd: null, usage: USAGE, at: NOON });
        const [entry] = await store.entries();
        expect(entry?.costUsd).toBeNull();
        expect(entry?.priceKnown).toBe(false);
        expect(entry?.status).toBe('settled');
      });

      it('settles without a usage', async () => {
        await store.reserve(reservation());
        await store.settle('call-1', { costUsd: 0.2, at: NOON });
        const [entry] = await store.entries();
        expect(entry?.costUsd).toBe(0.2);
        expect(entry?.usage).toBeUndefined();
      });

      it('rejects an unknown or released id with LEDGER_ENTRY_NOT_FOUND', async () => {
        await expect(store.settle('missing', { costUsd: 0.1, at: NOON })).rejects.toMatchObject({
          code: 'LEDGER_ENTRY_NOT_FOUND',
        });
        await store.reserve(reservation());
        await store.release('call-1');
        await expect(store.settle('call-1', { costUsd: 0.1, at: NOON })).rejects.toMatchObject({
          code: 'LEDGER_ENTRY_NOT_FOUND',
        });
        expect(await store.entries()).toEqual([]);
      });

      it('rejects a second settle with LEDGER_ENTRY_SETTLED and keeps the first cost', async () => {
        await store.reserve(reservation());
        await store.settle('call-1', { costUsd: 0.1, at: NOON });
        await expect(store.settle('call-1', { costUsd: 0.2, at: NOON })).rejects.toMatchObject({
          code: 'LEDGER_ENTRY_SETTLED',
        });
        expect((await store.entries())[0]?.costUsd).toBe(0.1);
      });
    });

    describe('release', () => {
      it('removes an open reservation and frees its amount for the daily cap', async () => {
        await store.reserve(reservation({ amountUsd: 0.8 }));
        expect(
          await store.reserve(reservation({ id: 'call-2', amountUsd: 0.5, dailyCapUsd: 1 })),
        ).toEqual({ ok: false, spentTodayUsd: 0.8 });
        await store.release('call-1');
        expect(await store.entries()).toEqual([]);
        expect(
          await store.reserve(reservation({ id: 'call-2', amountUsd: 0.5, dailyCapUsd: 1 })),
        ).toEqual({ ok: true, spentTodayUsd: 0 });
      });

      it('never removes settled spend, and ignores unknown ids', async () => {
        await store.reserve(reservation());
        await store.settle('call-1', { costUsd: 0.1, at: NOON });
        await store.release('call-1');
        await store.release('missing');
        expect((await store.entries()).map((entry) => [entry.id, entry.status])).toEqual([
          ['call-1', 'settled'],
        ]);
      });
    });

    describe('daily cap', () => {
      it('refuses a reservation past the cap and records nothing for it', async () => {
        await store.reserve(reservation({ id: 'a', amountUsd: 0.6, dailyCapUsd: 1 }));
        const refused = await store.reserve(
          reservation({ id: 'b', amountUsd: 0.5, dailyCapUsd: 1 }),
        );
        expect(refused.ok).toBe(false);
        expect(refused.spentTodayUsd).toBeCloseTo(0.6, 10);
        expect((await store.entries()).map((entry) => entry.id)).toEqual(['a']);
      });

      it('accepts a reservation that exactly fills the cap', async () => {
        await store.reserve(reservation({ id: 'a', amountUsd: 0.1, dailyCapUsd: 0.3 }));
        await store.reserve(reservation({ id: 'b', amountUsd: 0.1, dailyCapUsd: 0.3 }));
        const last = await store.reserve(
          reservation({ id: 'c', amountUsd: 0.1, dailyCapUsd: 0.3 }),
        );
        expect(last.ok).toBe(true);
        const over = await store.reserve(
          reservation({ id: 'd', amountUsd: 0.000001, dailyCapUsd: 0.3 }),
        );
        expect(over.ok).toBe(false);
      });

      it('counts settled entries at their actual cost, unknown costs as 0', async () => {
        await store.reserve(reservation({ id: 'a', amountUsd: 0.9 }));
        await store.settle('a', { costUsd: 0.2, at: NOON });
        await store.reserve(reservation({ id: 'b', amountUsd: 0, priceKnown: false }));
        await store.settle('b', { costUsd: null, at: NOON });
        const result = await store.reserve(
          reservation({ id: 'c', amountUsd: 0.8, dailyCapUsd: 1 }),
        );
        expect(result.ok).toBe(true);
        expect(result.spentTodayUsd).toBeCloseTo(0.2, 10);
      });

      it('counts only the same tenant and the same UTC day', async () => {
        await store.reserve(reservation({ id: 'other-tenant', tenant: 'tenant-b', amountUsd: 5 }));
        await store.reserve(reservation({ id: 'day-before', at: DAY_BEFORE, amountUsd: 5 }));
        await store.reserve(reservation({ id: 'next-day', at: NEXT_DAY, amountUsd: 5 }));
        await store.reserve(reservation({ id: 'morning', at: MORNING, amountUsd: 0.4 }));
        const result = await store.reserve(
          reservation({ id: 'late', at: LAST_MILLISECOND, amountUsd: 0.6, dailyCapUsd: 1 }),
        );
        expect(result.ok).toBe(true);
        expect(result.spentTodayUsd).toBeCloseTo(0.4, 10);
      });

      it('holds under concurrent reservations: never more than the cap is reserved', async () => {
        const attempts = Array.from({ length: 40 }, (_, index) =>
          store.reserve(reservation({ id: `call-${index}`, amountUsd: 0.1, dailyCapUsd: 1 })),
        );
        const results = await Promise.all(attempts);
        expect(results.filter((result) => result.ok)).toHaveLength(10);
        const entries = await store.entries({ tenant: 'tenant-a' });
        expect(entries).toHaveLength(10);
        expect(entries.reduce((total, entry) => total + entry.reservedUsd, 0)).toBeCloseTo(1, 10);
      });
    });

    describe('entries', () => {
      async function seed(): Promise<void> {
        await store.reserve(reservation({ id: 'b-noon', at: NOON }));
        await store.reserve(reservation({ id: 'a-noon', at: NOON, runId: 'run-2' }));
        await store.reserve(reservation({ id: 'morning', at: MORNING }));
        await store.reserve(reservation({ id: 'next', at: NEXT_DAY, tenant: 'tenant-b' }));
      }

      it('lists oldest reservation first, ties by id', async () => {
        await seed();
        expect((await store.entries()).map((entry) => entry.id)).toEqual([
          'morning',
          'a-noon',
          'b-noon',
          'next',
        ]);
      });

      it('filters by tenant, run, since (inclusive) and until (exclusive)', async () => {
        await seed();
        const ids = async (query: Parameters<LedgerStore['entries']>[0]) =>
          (await store.entries(query)).map((entry) => entry.id);
        expect(await ids({ tenant: 'tenant-b' })).toEqual(['next']);
        expect(await ids({ runId: 'run-2' })).toEqual(['a-noon']);
        expect(await ids({ since: NOON })).toEqual(['a-noon', 'b-noon', 'next']);
        expect(await ids({ until: NOON })).toEqual(['morning']);
        expect(
          await ids({ since: MORNING, until: NEXT_DAY, tenant: 'tenant-a', runId: 'run-1' }),
        ).toEqual(['morning', 'b-noon']);
        expect(await ids({ tenant: 'nobody' })).toEqual([]);
      });

      it('returns copies: changing them does not change the ledger', async () => {
        await store.reserve(reservation());
        await store.settle('call-1', { costUsd: 0.1, usage: { ...USAGE }, at: NOON });
        const [entry] = await store.entries();
        if (entry === undefined) throw new Error('the ledger lost its entry');
        entry.costUsd = 99;
        if (entry.usage) entry.usage.promptTokens = 1;
        const [again] = await store.entries();
        expect(again?.costUsd).toBe(0.1);
        expect(again?.usage?.promptTokens).toBe(USAGE.promptTokens);
      });
    });

    it('rejects every call after close with STORE_CLOSED', async () => {
      await store.close();
      await expect(store.reserve(reservation())).rejects.toMatchObject({ code: 'STORE_CLOSED' });
      await expect(store.entries()).rejects.toMatchObject({ code: 'STORE_CLOSED' });
      await expect(store.settle('call-1', { costUsd: 0, at: NOON })).rejects.toMatchObject({
        code: 'STORE_CLOSED',
      });
      await expect(store.release('call-1')).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    });
  });
}
