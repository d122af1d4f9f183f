import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IntelligenceReport, intelligenceReportSchema } from '@orch/core';
import { openSqliteLedger } from '@orch/store-sqlite';
import {
  type ChatRequest,
  type FakeOpenAI,
  groundedAnalystHandlers,
  startFakeOpenAI,
} from '@orch/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runOrch } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const SOURCE = fileURLToPath(
  new URL('../../../examples/news-library-opening.txt', import.meta.url),
);

/** The crew's json_schema names of the stages a standard run asks a model for. */
const STANDARD_SCHEMAS = [
  'orch_summarize',
  'orch_claims',
  'orch_sentiment',
  'orch_fact_check',
  'orch_fallacies',
  'orch_briefing',
];

/** The run cap of every case: a few cents, so "never over budget" is a real bound. */
const CAP_USD = 0.05;
/**
 * Short waits so the whole file runs in seconds; a timeout far above the fake's few-millisecond
 * answers, so a loaded CI machine does not add timeouts of its own.
 */
const POLICY = { timeoutMs: 5000, initialDelayMs: 10, maxDelayMs: 200 };

let scratch: string;
let fake: FakeOpenAI;
/** Chat requests answered this much later than usual (by schema name): slower than the timeout. */
let slow: { schemaName: string; latencyMs: number; times: number } | undefined;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
  report: IntelligenceReport | undefined;
  runId: string | undefined;
  dataDir: string;
}

/** Writes the case's config file: the small recovery policy and cap, plus `extra` sections. */
async function configFile(
  name: string,
  extra: { cap?: number; fallbackModels?: string[] } = {},
): Promise<string> {
  const path = join(scratch, `${name}.json`);
  await writeFile(
    path,
    JSON.stringify({
      budget: { perRunUsd: { standard: extra.cap ?? CAP_USD } },
      recovery: {
        policy: POLICY,
        ...(extra.fallbackModels ? { fallbackModels: extra.fallbackModels } : {}),
      },
    }),
  );
  return path;
}

/** Runs the built binary without blocking this process, which serves the fake endpoint. */
async function orch(args: string[], dataDir: string): Promise<Outcome> {
  const result = await runOrch(args, {
    env: { ORCH_DATA_DIR: dataDir, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url },
    // a run that hangs is killed here and fails the case
    timeoutMs: 45_000,
  });
  const report =
    result.code === 0 ? intelligenceReportSchema.parse(JSON.parse(result.stdout)) : undefined;
  const runId = report?.runId ?? /orch resume (\S+)/.exec(result.stderr)?.[1];
  return { ...result, report, runId, dataDir };
}

async function analyze(name: string, config: string, quiet = true): Promise<Outcome> {
  const args = ['analyze', SOURCE, '--config', config, '--format', 'json'];
  return orch(quiet ? [...args, '-q'] : args, join(scratch, name));
}

/** What the run's calls cost in the SQLite ledger, and how many reservations it left open. */
async function ledgerOf(outcome: Outcome): Promise<{ totalUsd: number; open: number }> {
  const ledger = openSqliteLedger({ dataDir: outcome.dataDir });
  try {
    const entries = await ledger.entries({ runId: outcome.runId as string });
    return {
      totalUsd: entries.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0),
      open: entries.filter((entry) => entry.status === 'reserved').length,
    };
  } finally {
    await ledger.close();
  }
}

/** No hang, a run id, and spending within the cap in the report and in the ledger. */
async function expectBounded(outcome: Outcome, capUsd = CAP_USD): Promise<void> {
  expect(outcome.killed, 'the run hung until the test killed it').toBe(false);
  expect(outcome.runId, outcome.stderr).toBeDefined();
  if (outcome.report?.cost) {
    expect(outcome.report.cost.capUsd).toBe(capUsd);
    expect(outcome.report.cost.spentUsd).toBeLessThanOrEqual(outcome.report.cost.capUsd);
  }
  const ledger = await ledgerOf(outcome);
  expect(ledger.totalUsd).toBeLessThanOrEqual(capUsd);
  expect(ledger.open, 'reservations left open').toBe(0);
  if (outcome.report?.cost) {
    expect(ledger.totalUsd).toBeCloseTo(outcome.report.cost.spentUsd, 10);
  }
}

function stage(report: IntelligenceReport | undefined, id: string) {
  return report?.stages.find((record) => record.id === id);
}

beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-faults-'));
  const latencyFor = (request: ChatRequest): number => {
    const format = request.response_format as { json_schema?: { name?: string } } | undefined;
    if (slow !== undefined && slow.times > 0 && format?.json_schema?.name === slow.schemaName) {
      slow.times -= 1;
      return slow.latencyMs;
    }
    return 2;
  };
  fake = await startFakeOpenAI({ handlers: groundedAnalystHandlers(), latencyMs: latencyFor });
});
afterAll(async () => {
  await fake.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  fake.setFaults([]);
  fake.reset();
  slow = undefined;
});

describe('the fault matrix: a standard run against a failing model endpoint', () => {
  it('waits out a 429 for the Retry-After it announces, retries and completes', async () => {
    fake.setFaults([
      { kind: 'rate-limit', match: 'orch_summarize', times: 2, retryAfterSeconds: 0.4 },
    ]);
    const outcome = await analyze('rate-limit', await configFile('rate-limit'));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('completed');
    expect(stage(outcome.report, 'summarize')).toMatchObject({ status: 'ok', method: 'llm' });
    expect(outcome.report?.recovery?.retries).toBeGreaterThanOrEqual(2);
    expect(outcome.report?.recovery?.waitMs).toBeGreaterThanOrEqual(800);
    // the waits really happened: each retry arrived at least the announced 400 ms later
    const arrivals = fake.requestsFor('orch_summarize').map((request) => request.receivedAt);
    expect(arrivals).toHaveLength(3);
    for (let index = 1; index < arrivals.length; index++) {
      expect((arrivals[index] as number) - (arrivals[index - 1] as number)).toBeGreaterThanOrEqual(
        395,
      );
    }
    await expectBounded(outcome);
  });

  it('retries through a short burst of 500s and completes with every stage from the model', async () => {
    fake.setFaults([{ kind: 'server-error', times: 3 }]);
    const outcome = await analyze('burst', await configFile('burst'));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('completed');
    expect(outcome.report?.recovery?.retries).toBeGreaterThanOrEqual(3);
    expect(outcome.report?.recovery?.breakerTransitions).toEqual([]);
    for (const id of ['summarize', 'claims', 'sentiment', 'fallacies', 'briefing']) {
      expect(stage(outcome.report, id)?.method, id).toBe('llm');
    }
    await expectBounded(outcome);
  });

  it('opens the breaker of a model that keeps answering 500 and moves to the fallback model', async () => {
    fake.setFaults([{ kind: 'server-error', match: (request) => request.model === 'gpt-4o-mini' }]);
    // gpt-4o's worst case needs a larger cap than gpt-4o-mini's
    const config = await configFile('dead-model', { cap: 0.6, fallbackModels: ['gpt-4o'] });
    const outcome = await analyze('dead-model', config);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('completed');
    const recovery = outcome.report?.recovery;
    expect(recovery?.fallbacks).toBeGreaterThanOrEqual(1);
    expect(recovery?.breakerTransitions).toContainEqual(
      expect.objectContaining({ key: expect.stringMatching(/\/gpt-4o-mini$/), to: 'open' }),
    );
    for (const id of ['summarize', 'claims', 'fact-check', 'briefing']) {
      expect(stage(outcome.report, id)?.model, id).toBe('gpt-4o');
    }
    // once open, the breaker keeps the dead model from being called at all
    const toDeadModel = fake.requests.filter(
      (request) => (request.body as { model?: string }).model === 'gpt-4o-mini',
    );
    expect(toDeadModel.length).toBeLessThan(10);
    await expectBounded(outcome, 0.6);
  });

  it('degrades to the heuristics when the whole provider is down, and fails only the stage without one', async () => {
    fake.setFaults([{ kind: 'server-error' }]);
    const outcome = await analyze('dead-provider', await configFile('dead-provider'));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('degraded');
    for (const id of ['summarize', 'claims', 'sentiment', 'fallacies', 'briefing']) {
      expect(stage(outcome.report, id), id).toMatchObject({
        status: 'uncertain',
        degraded: true,
        method: 'heuristic',
      });
    }
    // fact-check has no heuristic: it fails, and it is optional, so the run still delivers
    expect(stage(outcome.report, 'fact-check')?.status).toBe('fail');
    expect(outcome.report?.recovery?.rejections).toBeGreaterThanOrEqual(1);
    expect(outcome.report?.recovery?.breakerTransitions.map((change) => change.to)).toContain(
      'open',
    );
    expect(outcome.report?.cost?.spentUsd).toBe(0);
    await expectBounded(outcome);
  });

  it('times out a response slower than the timeout, retries it and completes', async () => {
    slow = { schemaName: 'orch_claims', latencyMs: 20_000, times: 1 };
    const outcome = await analyze('slow', await configFile('slow'));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('completed');
    expect(outcome.report?.recovery?.timeouts).toBeGreaterThanOrEqual(1);
    expect(outcome.report?.recovery?.retries).toBeGreaterThanOrEqual(1);
    expect(stage(outcome.report, 'claims')).toMatchObject({ status: 'ok', method: 'llm' });
    expect(fake.requestsFor('orch_claims').length).toBeGreaterThanOrEqual(2);
    await expectBounded(outcome);
  });

  it('repairs one malformed JSON reply and completes', async () => {
    fake.setFaults([{ kind: 'malformed-json', match: 'orch_claims', times: 1 }]);
    const outcome = await analyze('malformed-once', await configFile('malformed-once'));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('completed');
    expect(stage(outcome.report, 'claims')).toMatchObject({ method: 'llm', model: 'gpt-4o-mini' });
    expect(fake.requestsFor('orch_claims').length).toBeGreaterThanOrEqual(2);
    await expectBounded(outcome);
  });

  it('degrades a stage whose replies stay malformed, charged at their worst case within the cap', async () => {
    fake.setFaults([{ kind: 'malformed-json', match: 'orch_summarize' }]);
    const outcome = await analyze('malformed', await configFile('malformed'));
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.report?.status).toBe('degraded');
    const summarize = stage(outcome.report, 'summarize');
    expect(summarize).toMatchObject({ status: 'uncertain', degraded: true, method: 'heuristic' });
    expect(summarize?.reason).toMatch(/LLM_OUTPUT_MALFORMED/);
    expect(outcome.report?.summary).toBeDefined();
    expect(stage(outcome.report, 'claims')?.method).toBe('llm');
    // the unusable replies may have been billed: they count, at their worst case
    expect(outcome.report?.cost?.byStage.summarize).toBeGreaterThan(0);
    await expectBounded(outcome);
  });

  it('fails fast on a permanent 401 naming PROVIDER_AUTH_FAILED and the key to check', async () => {
    fake.setFaults([{ kind: 'unauthorized' }]);
    const outcome = await analyze('unauthorized', await configFile('unauthorized'), false);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/PROVIDER_AUTH_FAILED/);
    expect(outcome.stderr).toMatch(
      /^orch: The run failed at stage "(summarize|briefing)" \(PROVIDER_AUTH_FAILED\)/m,
    );
    expect(outcome.stderr).toMatch(/Check OPENAI_API_KEY/);
    // an auth failure is not retried: no schema was asked twice
    for (const name of STANDARD_SCHEMAS) {
      expect(fake.requestsFor(name).length, name).toBeLessThanOrEqual(1);
    }
    await expectBounded(outcome);
    expect((await ledgerOf(outcome)).totalUsd).toBe(0);
  });
});

describe('resuming after a dead provider', () => {
  it('keeps the breaker opened by the first run, so the resumed run sends nothing to the dead model', async () => {
    // gpt-4o-mini answers 500 to everything; summarize's answer (a 401) comes late enough that
    // the other stages' failures have opened the breaker, and fails the run
    fake.setFaults([
      { kind: 'unauthorized', match: 'orch_summarize', times: 1 },
      { kind: 'server-error', match: (request) => request.model === 'gpt-4o-mini' },
    ]);
    slow = { schemaName: 'orch_summarize', latencyMs: 3000, times: 1 };
    const dataDir = join(scratch, 'resume');
    const first = await orch(
      ['analyze', SOURCE, '--config', await configFile('resume-first'), '-f', 'json', '-q'],
      dataDir,
    );
    expect(first.code, first.stderr).toBe(1);
    expect(first.runId).toBeDefined();

    // the provider stays dead; the summarize 401 is over
    fake.setFaults([{ kind: 'server-error', match: (request) => request.model === 'gpt-4o-mini' }]);
    fake.reset();
    const config = await configFile('resume-again', { cap: 0.6, fallbackModels: ['gpt-4o'] });
    const resumed = await orch(
      ['resume', first.runId as string, '--config', config, '-f', 'json', '-q'],
      dataDir,
    );
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.report?.runId).toBe(first.runId);
    const models = fake.requests.map((request) => (request.body as { model?: string }).model);
    expect(models.length).toBeGreaterThan(0);
    expect(models).not.toContain('gpt-4o-mini');
    expect(resumed.report?.recovery?.rejections).toBeGreaterThanOrEqual(1);
    expect(stage(resumed.report, 'summarize')).toMatchObject({ method: 'llm', model: 'gpt-4o' });
    await expectBounded(resumed, 0.6);
  });
});
