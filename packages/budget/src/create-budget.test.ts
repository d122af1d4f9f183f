import { describe, expect, it } from 'vitest';
import type { BudgetEvent } from './budget-event.js';
import { toBudgetRunEvent } from './budget-run-event.js';
import { budgetSummarySchema } from './budget-summary.js';
import { createBudget } from './create-budget.js';
import { createMemoryLedger } from './memory-ledger.js';
import type { PriceTable } from './model-price.js';

/** $1 per million input tokens, $2 per million output: 1000 in + 500 out = $0.002 worst case. */
const TABLE: PriceTable = {
  cheap: { inputPerMillionUsd: 1, cachedInputPerMillionUsd: 0.25, outputPerMillionUsd: 2 },
};

const CALL = { stage: 'summarize', model: 'cheap', inputTokens: 1_000, maxOutputTokens: 500 };
const WORST = 0.002;

function usage(promptTokens: number, completionTokens: number) {
  return { promptTokens, completionTokens, cachedPromptTokens: 0, reasoningTokens: 0 };
}

function recorder() {
  const events: BudgetEvent[] = [];
  return { events, onEvent: (event: BudgetEvent) => events.push(event) };
}

describe('reserve', () => {
  it('holds the worst case of a call until it is settled', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 0.01, priceTable: TABLE });
    const reservation = await budget.reserve(CALL);
    expect(reservation.amountUsd).toBeCloseTo(WORST, 12);
    expect(budget.reservedUsd()).toBeCloseTo(WORST, 12);
    expect(budget.spentUsd()).toBe(0);
    expect(budget.remainingUsd()).toBeCloseTo(0.008, 12);
  });

  it('refuses a call whose worst case does not fit with BUDGET_EXCEEDED, saying what to do', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 0.003, priceTable: TABLE });
    await budget.reserve(CALL);
    const refusal = budget.reserve({ ...CALL, stage: 'claims' });
    await expect(refusal).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      category: 'budget',
      retryable: false,
      stage: 'claims',
      cap: 'run',
    });
    const error = (await refusal.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('"claims"');
    expect(error.message).toContain('$0.0020');
    expect(error.message).toContain('$0.0010 of the run budget of $0.0030');
    expect(error.message).toContain('--budget');
    expect(budget.reservedUsd()).toBeCloseTo(WORST, 12);
  });

  it('lets 50 concurrent reservations hold no more than the cap', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 0.021, priceTable: TABLE });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        budget.reserve({ ...CALL, stage: `stage-${index}` }),
      ),
    );
    const granted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(granted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const outcome of refused)
      expect(outcome.reason).toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(budget.reservedUsd()).toBeLessThanOrEqual(0.021);
    expect(budget.summary().openReservations).toBe(10);
  });

  it('keeps the cap when the ledger answers slowly and reservations interleave', async () => {
    const memory = createMemoryLedger();
    const slow = {
      ...memory,
      reserve: async (entry: Parameters<typeof memory.reserve>[0]) => {
        await new Promise((resolve) => setImmediate(resolve));
        return memory.reserve(entry);
      },
    };
    const budget = createBudget({ runId: 'run-1', capUsd: 0.005, priceTable: TABLE, ledger: slow });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => budget.reserve(CALL)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
    expect(await memory.entries()).toHaveLength(2);
  });

  it('rejects malformed calls with BUDGET_INVALID_CALL before holding anything', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE });
    await expect(budget.reserve({ ...CALL, inputTokens: -1 })).rejects.toMatchObject({
      code: 'BUDGET_INVALID_CALL',
    });
    await expect(budget.reserve({ ...CALL, maxOutputTokens: Number.NaN })).rejects.toMatchObject({
      code: 'BUDGET_INVALID_CALL',
    });
    expect(budget.reservedUsd()).toBe(0);
  });
});

describe('settle and release', () => {
  it('lowers spend to the actual cost reported after the call', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE });
    const reservation = await budget.reserve(CALL);
    const cost = await reservation.settle({
      promptTokens: 1_000,
      cachedPromptTokens: 400,
      completionTokens: 100,
      reasoningTokens: 0,
    });
    // 600 x 1 + 400 x 0.25 + 100 x 2 = 900 -> $0.0009
    expect(cost).toBeCloseTo(0.0009, 12);
    expect(budget.spentUsd()).toBeCloseTo(0.0009, 12);
    expect(budget.reservedUsd()).toBe(0);
    expect(budget.remainingUsd()).toBeCloseTo(1 - 0.0009, 12);
  });

  it('records a cost above the reservation when the call used more than it said', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE });
    const reservation = await budget.reserve(CALL);
    expect(await reservation.settle(usage(3_000, 500))).toBeCloseTo(0.004, 12);
    expect(budget.spentUsd()).toBeCloseTo(0.004, 12);
  });

  it('gives released money back for the next call', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 0.002, priceTable: TABLE });
    const first = await budget.reserve(CALL);
    await expect(budget.reserve(CALL)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    await first.release();
    expect(budget.reservedUsd()).toBe(0);
    expect(budget.spentUsd()).toBe(0);
    await expect(budget.reserve(CALL)).resolves.toMatchObject({ amountUsd: WORST });
  });

  it('settles once: a second settle or a settle after release throws BUDGET_RESERVATION_CLOSED', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE });
    const settled = await budget.reserve(CALL);
    await settled.settle(usage(10, 10));
    await expect(settled.settle(usage(10, 10))).rejects.toMatchObject({
      code: 'BUDGET_RESERVATION_CLOSED',
    });
    await settled.release(); // a no-op in a finally block after settling
    expect(budget.spentUsd()).toBeCloseTo(30 / 1e6, 12);
    const released = await budget.reserve(CALL);
    await released.release();
    await expect(released.settle(usage(10, 10))).rejects.toMatchObject({
      code: 'BUDGET_RESERVATION_CLOSED',
    });
    expect(budget.summary().calls).toBe(1);
  });

  it('writes reservations and spend to the ledger', async () => {
    const ledger = createMemoryLedger();
    const at = new Date('2025-06-01T10:00:00.000Z');
    const budget = createBudget({
      runId: 'run-9',
      tenant: 'acme',
      capUsd: 1,
      priceTable: TABLE,
      ledger,
      now: () => at,
    });
    const reservation = await budget.reserve(CALL);
    expect(await ledger.entries()).toMatchObject([
      {
        id: reservation.id,
        tenant: 'acme',
        runId: 'run-9',
        status: 'reserved',
        reservedUsd: WORST,
      },
    ]);
    await reservation.settle(usage(500, 100));
    expect(await ledger.entries()).toMatchObject([
      {
        status: 'settled',
        costUsd: 0.0007,
        usage: usage(500, 100),
        reservedAt: at.toISOString(),
        settledAt: at.toISOString(),
      },
    ]);
  });
});

describe('unknown prices', () => {
  it('warns once per model, lets the call through and records its cost as unknown, not 0', async () => {
    const { events, onEvent } = recorder();
    const ledger = createMemoryLedger();
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE, ledger, onEvent });
    const first = await budget.reserve({ ...CALL, model: 'llama3:8b' });
    const second = await budget.reserve({ ...CALL, model: 'llama3:8b', stage: 'claims' });
    expect(first.priceKnown).toBe(false);
    expect(await first.settle(usage(100, 100))).toBeNull();
    await second.settle(usage(100, 100));
    expect(events.filter((event) => event.type === 'price-unknown')).toEqual([
      { type: 'price-unknown', stage: 'summarize', model: 'llama3:8b' },
    ]);
    const summary = budget.summary();
    expect(summary.unknownPriceModels).toEqual(['llama3:8b']);
    expect(summary.unknownPriceCalls).toBe(2);
    expect(summary.calls).toBe(2);
    expect(summary.perModel).toEqual({});
    expect((await ledger.entries()).map((entry) => entry.costUsd)).toEqual([null, null]);
  });

  it('refuses the call in strict mode with BUDGET_PRICE_UNKNOWN and sends nothing to the ledger', async () => {
    const ledger = createMemoryLedger();
    const budget = createBudget({
      runId: 'run-1',
      capUsd: 1,
      priceTable: TABLE,
      ledger,
      strict: true,
    });
    const refusal = budget.reserve({ ...CALL, model: 'llama3:8b' });
    await expect(refusal).rejects.toMatchObject({
      code: 'BUDGET_PRICE_UNKNOWN',
      category: 'budget',
    });
    await expect(refusal).rejects.toThrow(/price table/);
    expect(await ledger.entries()).toEqual([]);
  });

  it('still refuses unknown-price calls once nothing of the cap is left', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 0.002, priceTable: TABLE });
    await budget.reserve(CALL);
    await expect(budget.reserve({ ...CALL, model: 'llama3:8b' })).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
    });
  });
});

describe('thresholds', () => {
  it('fire once each, lowest first, even when one settle crosses several', async () => {
    const { events, onEvent } = recorder();
    const budget = createBudget({ runId: 'run-1', capUsd: 0.01, priceTable: TABLE, onEvent });
    const settle = async (promptTokens: number) =>
      (await budget.reserve({ ...CALL, inputTokens: promptTokens, maxOutputTokens: 0 })).settle(
        usage(promptTokens, 0),
      );
    await settle(4_000); // 40 %
    await settle(4_500); // 85 %: crosses 50 and 80
    await settle(500); // 90 %
    await settle(1_000); // 100 %
    const crossed = events.filter((event) => event.type === 'threshold');
    expect(crossed.map((event) => event.thresholdPercent)).toEqual([50, 80, 100]);
    expect(budget.summary().thresholdsCrossed).toEqual([0.5, 0.8, 1]);
    const order = events.map((event) => event.type);
    expect(order.indexOf('threshold')).toBeGreaterThan(order.indexOf('reconciled'));
  });

  it('honours custom thresholds', async () => {
    const { events, onEvent } = recorder();
    const budget = createBudget({
      runId: 'run-1',
      capUsd: 0.01,
      priceTable: TABLE,
      thresholds: [0.25],
      onEvent,
    });
    await (await budget.reserve({ ...CALL, maxOutputTokens: 0, inputTokens: 3_000 })).settle(
      usage(3_000, 0),
    );
    expect(events.filter((event) => event.type === 'threshold')).toMatchObject([
      { threshold: 0.25, thresholdPercent: 25 },
    ]);
  });
});

describe('daily cap', () => {
  it('holds across two budgets of one tenant sharing a ledger', async () => {
    const ledger = createMemoryLedger();
    const options = { tenant: 'acme', capUsd: 1, dailyCapUsd: 0.005, priceTable: TABLE, ledger };
    const first = createBudget({ ...options, runId: 'run-1' });
    const second = createBudget({ ...options, runId: 'run-2' });
    await first.reserve(CALL);
    await second.reserve(CALL);
    const { events, onEvent } = recorder();
    const third = createBudget({ ...options, runId: 'run-3', onEvent });
    const refusal = third.reserve({ ...CALL, stage: 'claims' });
    await expect(refusal).rejects.toMatchObject({
      code: 'BUDGET_DAILY_CAP_EXCEEDED',
      category: 'budget',
      cap: 'daily',
    });
    await expect(refusal).rejects.toThrow(
      /tenant "acme" has only \$0\.0010 left of its daily cap of \$0\.0050/,
    );
    expect(third.reservedUsd()).toBe(0);
    expect(events).toMatchObject([{ type: 'exhausted', cap: 'daily', stage: 'claims' }]);
    const other = createBudget({ ...options, tenant: 'other', runId: 'run-4' });
    await expect(other.reserve(CALL)).resolves.toMatchObject({ amountUsd: WORST });
  });

  it('rolls back the in-memory hold when the ledger fails', async () => {
    const memory = createMemoryLedger();
    const broken = {
      ...memory,
      reserve: async () => {
        throw new Error('disk full');
      },
    };
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE, ledger: broken });
    await expect(budget.reserve(CALL)).rejects.toThrow('disk full');
    expect(budget.reservedUsd()).toBe(0);
  });
});

describe('ledger failures', () => {
  it('still counts a sent call when the ledger cannot record its settlement', async () => {
    const memory = createMemoryLedger();
    const failing = {
      ...memory,
      settle: async () => {
        throw new Error('database busy');
      },
    };
    const budget = createBudget({ runId: 'run-1', capUsd: 1, priceTable: TABLE, ledger: failing });
    const reservation = await budget.reserve(CALL);
    await expect(reservation.settle(usage(1_000, 0))).rejects.toThrow('database busy');
    expect(budget.spentUsd()).toBeCloseTo(0.001, 12);
    expect(budget.reservedUsd()).toBe(0);
    expect(budget.summary().calls).toBe(1);
  });
});

describe('options', () => {
  it('rejects a negative or missing cap with BUDGET_INVALID_OPTIONS', () => {
    expect(() => createBudget({ runId: 'run-1', capUsd: -1 })).toThrow(
      expect.objectContaining({ code: 'BUDGET_INVALID_OPTIONS', category: 'config' }),
    );
    expect(() => createBudget({ runId: 'run-1', capUsd: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'BUDGET_INVALID_OPTIONS' }),
    );
    expect(() => createBudget({ runId: 'run-1', capUsd: 1, thresholds: [0] })).toThrow(
      expect.objectContaining({ code: 'BUDGET_INVALID_OPTIONS' }),
    );
    expect(() => createBudget({ runId: '', capUsd: 1 })).toThrow(
      expect.objectContaining({ code: 'BUDGET_INVALID_OPTIONS' }),
    );
  });

  it('prices known OpenAI models by default', async () => {
    const budget = createBudget({ runId: 'run-1', capUsd: 1 });
    const reservation = await budget.reserve({ ...CALL, model: 'gpt-4o-mini' });
    expect(reservation.priceKnown).toBe(true);
    expect(reservation.amountUsd).toBeCloseTo((1_000 * 0.15 + 500 * 0.6) / 1e6, 12);
  });

  it('keeps accounting when the event listener throws', async () => {
    const budget = createBudget({
      runId: 'run-1',
      capUsd: 1,
      priceTable: TABLE,
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    const reservation = await budget.reserve(CALL);
    await reservation.settle(usage(1_000, 0));
    expect(budget.spentUsd()).toBeCloseTo(0.001, 12);
  });
});

describe('summary', () => {
  it('accounts per stage and per model, and matches its schema after a JSON round trip', async () => {
    const table: PriceTable = {
      ...TABLE,
      dear: { inputPerMillionUsd: 10, outputPerMillionUsd: 10 },
    };
    const budget = createBudget({
      runId: 'run-1',
      tenant: 'acme',
      capUsd: 1,
      dailyCapUsd: 5,
      priceTable: table,
    });
    await (await budget.reserve(CALL)).settle(usage(1_000, 0));
    await (await budget.reserve({ ...CALL, stage: 'claims', model: 'dear' })).settle(
      usage(1_000, 0),
    );
    await (await budget.reserve({ ...CALL, stage: 'claims' })).settle(usage(2_000, 0));
    await budget.reserve({ ...CALL, stage: 'fact-check' });
    const summary = budget.summary();
    expect(summary).toMatchObject({
      runId: 'run-1',
      tenant: 'acme',
      capUsd: 1,
      dailyCapUsd: 5,
      calls: 3,
      openReservations: 1,
      unknownPriceCalls: 0,
    });
    expect(summary.spentUsd).toBeCloseTo(0.013, 12);
    expect(summary.perStage.summarize).toBeCloseTo(0.001, 12);
    expect(summary.perStage.claims).toBeCloseTo(0.012, 12);
    expect(summary.perModel.cheap).toBeCloseTo(0.003, 12);
    expect(summary.perModel.dear).toBeCloseTo(0.01, 12);
    expect(summary.reservedUsd).toBeCloseTo(WORST, 12);
    expect(budgetSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });
});

describe('toBudgetRunEvent', () => {
  it('maps budget events to core budget run events, keeping only core stage ids', async () => {
    const { events, onEvent } = recorder();
    const budget = createBudget({ runId: 'run-1', capUsd: 0.002, priceTable: TABLE, onEvent });
    const reservation = await budget.reserve(CALL);
    await reservation.settle(usage(2_000, 0));
    await budget.reserve({ ...CALL, stage: 'custom-stage' }).catch(() => undefined);
    const mapped = events.map(toBudgetRunEvent);
    expect(mapped).toEqual([
      { type: 'budget', kind: 'reserved', stage: 'summarize', spentUsd: 0, capUsd: 0.002 },
      { type: 'budget', kind: 'reconciled', stage: 'summarize', spentUsd: 0.002, capUsd: 0.002 },
      { type: 'budget', kind: 'threshold', spentUsd: 0.002, capUsd: 0.002, thresholdPercent: 50 },
      { type: 'budget', kind: 'threshold', spentUsd: 0.002, capUsd: 0.002, thresholdPercent: 80 },
      { type: 'budget', kind: 'threshold', spentUsd: 0.002, capUsd: 0.002, thresholdPercent: 100 },
      { type: 'budget', kind: 'exhausted', spentUsd: 0.002, capUsd: 0.002 },
    ]);
    expect(
      toBudgetRunEvent({ type: 'price-unknown', stage: 'summarize', model: 'x' }),
    ).toBeUndefined();
  });
});
