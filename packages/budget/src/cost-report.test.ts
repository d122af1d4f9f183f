import { describe, expect, it } from 'vitest';
import { buildCostReport, costReportSchema } from './cost-report.js';
import { costReportQuery } from './cost-report-query.js';
import { formatCostReport } from './format-cost-report.js';
import type { LedgerEntry } from './ledger-store.js';

function entry(overrides: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: 'id',
    tenant: 'acme',
    runId: 'run-1',
    stage: 'summarize',
    model: 'gpt-4o-mini',
    status: 'settled',
    reservedUsd: 0.5,
    costUsd: 0.1,
    priceKnown: true,
    usage: {
      promptTokens: 1_000,
      completionTokens: 100,
      cachedPromptTokens: 0,
      reasoningTokens: 0,
    },
    reservedAt: '2025-03-01T10:00:00.000Z',
    settledAt: '2025-03-01T10:00:01.000Z',
    ...overrides,
  };
}

const ENTRIES: LedgerEntry[] = [
  entry({ id: 'a' }),
  entry({
    id: 'b',
    runId: 'run-2',
    model: 'gpt-4o',
    costUsd: 0.3,
    reservedAt: '2025-03-02T23:59:59.000Z',
  }),
  entry({
    id: 'c',
    tenant: 'zeta',
    runId: 'run-3',
    costUsd: 0.05,
    reservedAt: '2025-03-02T00:00:00.000Z',
  }),
  entry({ id: 'd', model: 'llama3', costUsd: null, priceKnown: false, reservedUsd: 0 }),
  entry({
    id: 'e',
    status: 'reserved',
    costUsd: null,
    reservedUsd: 0.2,
    usage: undefined,
    settledAt: undefined,
  }),
];

describe('buildCostReport', () => {
  const report = buildCostReport(ENTRIES, {
    now: new Date('2025-03-05T00:00:00.000Z'),
    query: { since: new Date('2025-03-01T00:00:00.000Z') },
  });

  it('totals settled spend, unknown-price calls and open reservations separately', () => {
    expect(report.total.usd).toBeCloseTo(0.45, 10);
    expect(report.total.calls).toBe(4);
    expect(report.total.unknownPriceCalls).toBe(1);
    expect(report.total.openReservations).toBe(1);
    expect(report.total.openReservedUsd).toBeCloseTo(0.2, 10);
    expect(report.total.promptTokens).toBe(4_000);
    expect(report.query).toEqual({ since: '2025-03-01T00:00:00.000Z' });
    expect(report.generatedAt).toBe('2025-03-05T00:00:00.000Z');
  });

  it('groups per tenant and per model, largest spend first', () => {
    expect(report.byTenant.map((row) => [row.key, Number(row.usd.toFixed(4)), row.calls])).toEqual([
      ['acme', 0.4, 3],
      ['zeta', 0.05, 1],
    ]);
    expect(report.byModel.map((row) => row.key)).toEqual(['gpt-4o', 'gpt-4o-mini', 'llama3']);
    expect(report.byModel.find((row) => row.key === 'llama3')).toMatchObject({
      usd: 0,
      unknownPriceCalls: 1,
    });
  });

  it('groups per UTC day, oldest first, and per run with its tenant', () => {
    expect(report.byDay.map((row) => [row.key, row.calls, row.openReservations])).toEqual([
      ['2025-03-01', 2, 1],
      ['2025-03-02', 2, 0],
    ]);
    expect(report.byRun.map((row) => [row.key, row.tenant])).toEqual([
      ['run-2', 'acme'],
      ['run-1', 'acme'],
      ['run-3', 'zeta'],
    ]);
  });

  it('is valid JSON for --json', () => {
    expect(costReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('renders a terminal table naming every group and the unknown-price warning', () => {
    const text = formatCostReport(report);
    expect(text).toContain(
      'Cost report (all tenants, since 2025-03-01T00:00:00.000Z): $0.4500 over 4 calls',
    );
    expect(text).toContain('1 call used models without a price');
    for (const key of ['acme', 'zeta', '2025-03-02', 'gpt-4o-mini', 'llama3', 'run-3']) {
      expect(text).toContain(key);
    }
    expect(formatCostReport(buildCostReport([]))).toContain('No spending recorded.');
  });
});

describe('costReportQuery', () => {
  const now = new Date('2025-03-10T12:00:00.000Z');

  it('reads --since as a UTC day, an ISO instant or an age', () => {
    expect(costReportQuery({ since: '2025-03-01', now }).since?.toISOString()).toBe(
      '2025-03-01T00:00:00.000Z',
    );
    expect(costReportQuery({ since: '2025-03-01T06:30:00Z', now }).since?.toISOString()).toBe(
      '2025-03-01T06:30:00.000Z',
    );
    expect(costReportQuery({ since: '7d', now }).since?.toISOString()).toBe(
      '2025-03-03T12:00:00.000Z',
    );
    expect(costReportQuery({ since: '24h', now }).since?.toISOString()).toBe(
      '2025-03-09T12:00:00.000Z',
    );
    expect(costReportQuery({ tenant: 'acme', now })).toEqual({ tenant: 'acme' });
  });

  it('rejects anything else with INVALID_REPORT_DATE', () => {
    for (const since of ['yesterday', '2025-13-45', '7', '']) {
      expect(() => costReportQuery({ since, now })).toThrow(
        expect.objectContaining({ code: 'INVALID_REPORT_DATE', category: 'input' }),
      );
    }
  });
});
