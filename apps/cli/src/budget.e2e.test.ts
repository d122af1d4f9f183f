import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intelligenceReportSchema } from '@orch/core';
import { type FakeOpenAI, groundedAnalystHandlers, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runOrch } from './e2e-env.js';

const OPINION = fileURLToPath(new URL('../../../examples/opinion-remote-work.md', import.meta.url));
let scratch: string;
let fake: FakeOpenAI;

function orch(args: string[], dataDir: string) {
  return runOrch(args, {
    env: {
      ORCH_DATA_DIR: join(scratch, dataDir),
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.url,
    },
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'orch-budget-'));
  fake = await startFakeOpenAI({ handlers: groundedAnalystHandlers() });
});
afterAll(async () => {
  await fake.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

describe('orch analyze --estimate, --budget, --tenant and orch budget report', () => {
  it('--estimate prints the cost per model stage against the cap and runs nothing', async () => {
    const { code, stdout, stderr } = await orch(['analyze', OPINION, '--estimate'], 'estimate');
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Estimate: standard analysis of \d+ words, with a model\./);
    expect(stdout).toMatch(/^fact-check +gpt-4o-mini +\d+ +\d+ +\$\d/m);
    expect(stdout).toMatch(/Cost about \$\d+\.\d+ of the \$1\.50 run cap\./);
    expect(fake.requests).toHaveLength(0);
    const runs = await orch(['runs', '--json'], 'estimate');
    expect(JSON.parse(runs.stdout)).toEqual([]);
    const json = await orch(
      ['analyze', OPINION, '--estimate', '-d', 'deep', '-f', 'json'],
      'estimate',
    );
    const estimate = JSON.parse(json.stdout) as {
      capUsd: number;
      costUsd: number;
      stages: unknown[];
    };
    expect(estimate.capUsd).toBe(3);
    expect(estimate.costUsd).toBeGreaterThan(0);
    expect(estimate.stages.length).toBeGreaterThan(6);
  });

  it("records every call in the tenant's ledger, and the budget report adds them up", async () => {
    const analysis = await orch(
      ['analyze', OPINION, '--tenant', 'acme', '-f', 'json', '-q'],
      'ledger',
    );
    expect(analysis.code, analysis.stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(analysis.stdout));
    expect(report.cost?.calls).toBeGreaterThan(0);
    expect(report.cost?.spentUsd).toBeGreaterThan(0);
    expect(report.cost?.capUsd).toBe(1.5);
    expect(report.recovery?.attempts).toBe(report.cost?.calls);
    const ledger = await orch(['budget', 'report', '--tenant', 'acme', '--json'], 'ledger');
    expect(ledger.code, ledger.stderr).toBe(0);
    const costs = JSON.parse(ledger.stdout) as { total: { usd: number; calls: number } };
    expect(costs.total.calls).toBe(report.cost?.calls);
    expect(costs.total.usd).toBeCloseTo(report.cost?.spentUsd ?? -1, 10);
    const other = await orch(['budget', 'report', '--tenant', 'someone-else', '--json'], 'ledger');
    expect((JSON.parse(other.stdout) as { total: { calls: number } }).total.calls).toBe(0);
    const text = await orch(['budget', 'report', '--since', '1d'], 'ledger');
    expect(text.stdout).toMatch(
      /^Cost report \(all tenants, since .*\): \$\d+\.\d+ over \d+ calls/,
    );
  });

  it('replies from the response cache need no budget: a cached analysis runs even with a zero cap', async () => {
    const first = await orch(['analyze', OPINION, '-d', 'quick', '-f', 'json', '-q'], 'cached');
    expect(first.code, first.stderr).toBe(0);
    fake.reset();
    const again = await orch(
      ['analyze', OPINION, '-d', 'quick', '--budget', '0', '-f', 'json', '-q'],
      'cached',
    );
    expect(again.code, again.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
    const report = intelligenceReportSchema.parse(JSON.parse(again.stdout));
    expect(report.status).toBe('completed');
    expect(report.analysis.mode).toBe('llm');
    expect(report.cost).toMatchObject({ capUsd: 0, spentUsd: 0, calls: 0 });
  });

  it('a run cap too small for the model stages: they fall back to heuristics and the report says why', async () => {
    const { code, stdout, stderr } = await orch(
      ['analyze', OPINION, '--budget', '0.001', '-f', 'json', '-q'],
      'small-cap',
    );
    expect(code, stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    expect(report.status).toBe('degraded');
    expect(report.cost?.spentUsd).toBeLessThanOrEqual(0.001);
    const degraded = report.stages.filter((stage) => stage.degraded);
    expect(degraded.length).toBeGreaterThan(0);
    for (const stage of degraded) expect(stage.reason).toMatch(/BUDGET_EXCEEDED/);
    expect(report.analysis.notice).toMatch(
      /a language model was configured, but its stages failed/,
    );
  });

  it('a model without a price is never free: a warning and a lower-bound cost, or a refusal with --strict-budget', async () => {
    const lenient = await orch(
      ['analyze', OPINION, '--model', 'llama3.1', '-d', 'quick', '-f', 'json', '-q'],
      'unpriced',
    );
    expect(lenient.code, lenient.stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(lenient.stdout));
    expect(report.analysis.mode).toBe('llm');
    expect(report.cost?.unpricedModels).toEqual(['llama3.1']);
    expect(report.cost?.spentUsd).toBe(0);
    expect(report.warnings.join('\n')).toMatch(
      /No price is known for llama3\.1: those calls are not in the cost, which is a lower bound/,
    );
    fake.reset();
    const strict = await orch(
      [
        'analyze',
        OPINION,
        '--model',
        'llama3.1',
        '--strict-budget',
        '-d',
        'quick',
        '-f',
        'json',
        '-q',
      ],
      'unpriced-strict',
    );
    expect(strict.code, strict.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
    const refused = intelligenceReportSchema.parse(JSON.parse(strict.stdout));
    expect(refused.status).toBe('degraded');
    const summarize = refused.stages.find((stage) => stage.id === 'summarize');
    expect(summarize?.degraded).toBe(true);
    expect(summarize?.reason).toMatch(/BUDGET_PRICE_UNKNOWN/);
  });

  it('refuses a bad --budget or --tenant before anything runs', async () => {
    const budget = await orch(['analyze', OPINION, '--budget', 'lots'], 'bad');
    expect(budget.code).toBe(2);
    expect(budget.stderr).toMatch(/^orch: --budget must be an amount in USD/);
    const tenant = await orch(['analyze', OPINION, '--tenant', 'a b'], 'bad');
    expect(tenant.code).toBe(2);
    expect(tenant.stderr).toMatch(/^orch: --tenant "a b" is not a tenant id/);
  });
});
