import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intelligenceReportSchema, LOCAL_TENANT } from '@orch/core';
import { openSqliteLedger } from '@orch/store-sqlite';
import { type FakeOpenAI, groundedAnalystHandlers, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOrch } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const EXAMPLE = fileURLToPath(
  new URL('../../../examples/news-library-opening.txt', import.meta.url),
);
const RUNS = 20;
/**
 * The tenant's cap for the day. A quick run of the example costs about $0.0011 with gpt-4o-mini
 * at the fake's usage (4 characters a token), so the 20 runs would spend about $0.022, over the
 * cap; and each call first reserves its worst case (about $0.0057: the prompt twice plus 4,096
 * tokens in, 8,192 tokens out), so only three calls fit under the cap at a time.
 */
const DAILY_CAP_USD = 0.02;
const LIMITED_BY_CAP = /BUDGET_DAILY_CAP_EXCEEDED/;

let scratch: string;
let fake: FakeOpenAI;

beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-daily-cap-'));
  fake = await startFakeOpenAI({ handlers: groundedAnalystHandlers(), latencyMs: 5 });
});
afterAll(async () => {
  await fake.close();
  await rm(scratch, { recursive: true, force: true });
});

function analyze(source: string, config: string) {
  return runOrch(
    ['analyze', source, '--config', config, '--depth', 'quick', '--format', 'json', '-q'],
    {
      env: {
        ORCH_DATA_DIR: join(scratch, 'data'),
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: fake.url,
      },
      timeoutMs: 120_000,
    },
  );
}

describe('one tenant, one daily cap, 20 runs at once', () => {
  it('records at most the cap in total, and every run that could not afford a stage says so', async () => {
    const config = join(scratch, 'orch.json');
    await writeFile(config, JSON.stringify({ budget: { dailyCapUsd: DAILY_CAP_USD } }));
    // distinct sources, so no run is answered from another's response cache
    const text = await readFile(EXAMPLE, 'utf8');
    const sources = await Promise.all(
      Array.from({ length: RUNS }, async (_, index) => {
        const path = join(scratch, `source-${index}.txt`);
        await writeFile(path, `${text}\nReader letter number ${index + 1} praised the opening.\n`);
        return path;
      }),
    );

    const outcomes = await Promise.all(sources.map((source) => analyze(source, config)));

    let limited = 0;
    let unlimited = 0;
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.code !== 0) {
        // a run may only fail because the cap refused a stage it needed, and it must say so
        expect(outcome.code, `run ${index}: ${outcome.stderr}`).toBe(1);
        expect(outcome.stderr, `run ${index}`).toMatch(LIMITED_BY_CAP);
        limited += 1;
        continue;
      }
      const report = intelligenceReportSchema.parse(JSON.parse(outcome.stdout));
      const refused = report.stages.filter(
        (stage) => stage.status === 'fail' || stage.degraded === true,
      );
      for (const stage of refused) {
        const why = `${stage.reason ?? ''} ${stage.error?.code ?? ''} ${stage.error?.message ?? ''}`;
        expect(why, `run ${index}, stage ${stage.id}`).toMatch(LIMITED_BY_CAP);
        expect(report.warnings.join('\n'), `run ${index}`).toContain(`"${stage.id}"`);
      }
      expect(report.status, `run ${index}`).toBe(refused.length > 0 ? 'degraded' : 'completed');
      if (refused.length > 0) limited += 1;
      else unlimited += 1;
      expect(report.cost?.spentUsd ?? 0).toBeLessThanOrEqual(DAILY_CAP_USD);
    }
    // the cap really bit, and it was not so small that nothing could run
    expect(limited).toBeGreaterThanOrEqual(1);
    expect(unlimited + limited).toBe(RUNS);

    const ledger = openSqliteLedger({ dataDir: join(scratch, 'data') });
    try {
      const startOfDay = new Date();
      startOfDay.setUTCHours(0, 0, 0, 0);
      const entries = await ledger.entries({ tenant: LOCAL_TENANT.tenantId, since: startOfDay });
      const total = entries.reduce((sum, entry) => sum + (entry.costUsd ?? 0), 0);
      expect(entries.some((entry) => entry.status === 'settled')).toBe(true);
      expect(entries.filter((entry) => entry.status === 'reserved')).toEqual([]);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(DAILY_CAP_USD);
    } finally {
      await ledger.close();
    }
  }, 180_000);
});
