import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { intelligenceReportSchema, REPORT_SECTION_BY_STAGE } from '@orch/core';
import { type FakeOpenAI, groundedAnalystHandlers, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { e2eEnv } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const EXAMPLE_FILES = [
  'opinion-remote-work.md',
  'talk-city-energy.vtt',
  'news-library-opening.txt',
].map((name) => join(EXAMPLES, name));

/** The stages of a standard run that the crew implements with a model. */
const LLM_STAGES = ['summarize', 'claims', 'sentiment', 'fact-check', 'fallacies', 'briefing'];

const run = promisify(execFile);
let scratch: string;
let fake: FakeOpenAI;

/** Runs the built binary without blocking this process, which serves the fake endpoint. */
async function orch(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: EXAMPLES,
      env: e2eEnv({ ORCH_DATA_DIR: join(scratch, 'data'), ...env }),
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function endpoint(): Record<string, string> {
  return { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url };
}

beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-llm-'));
  fake = await startFakeOpenAI({ handlers: groundedAnalystHandlers() });
});
afterAll(async () => {
  await fake.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  fake.reset();
});

describe('orch analyze with a model endpoint (fake OpenAI server on loopback)', () => {
  it('analyses every example at standard depth with the LLM stages, and the reports validate', async () => {
    for (const file of EXAMPLE_FILES) {
      const { code, stdout, stderr } = await orch(
        ['analyze', file, '--format', 'json', '-q'],
        endpoint(),
      );
      expect(code, stderr).toBe(0);
      const report = intelligenceReportSchema.parse(JSON.parse(stdout));
      expect(report.analysis.mode, file).toBe('llm');
      for (const stage of LLM_STAGES) {
        const record = report.stages.find((item) => item.id === stage);
        expect(record?.status, `${file} ${stage}`).toMatch(/^(ok|uncertain)$/);
        expect(record?.method, `${file} ${stage}`).toBe('llm');
        expect(record?.model, `${file} ${stage}`).toBe('gpt-4o-mini');
        const section = REPORT_SECTION_BY_STAGE[stage as keyof typeof REPORT_SECTION_BY_STAGE];
        expect(report[section], `${file} ${section}`).toBeDefined();
      }
      expect(report.stages.find((item) => item.id === 'deception')?.method).toBe('formula');
      // every fact check answers a claim the claims stage listed
      const claimIds = new Set(report.claims?.claims.map((claim) => claim.id));
      for (const check of report.factChecks?.checks ?? []) {
        expect(claimIds.has(check.claimId)).toBe(true);
      }
    }
    const schemaNames = new Set(fake.requests.map((request) => request.schemaName));
    for (const name of ['orch_summarize', 'orch_claims', 'orch_fact_check', 'orch_briefing']) {
      expect(schemaNames.has(name), name).toBe(true);
    }
  });

  it('analyses the same content a second time without a single HTTP request', async () => {
    const file = EXAMPLE_FILES[0] as string;
    // a data dir of its own: the first test's runs filled the shared one's response cache
    const env = { ...endpoint(), ORCH_DATA_DIR: join(scratch, 'cache-test') };
    const first = await orch(['analyze', file, '--format', 'json', '-q'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(0);
    fake.reset();
    const second = await orch(['analyze', file, '--format', 'json', '-q'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
    const [a, b] = [first, second].map((result) =>
      intelligenceReportSchema.parse(JSON.parse(result.stdout)),
    );
    expect(b?.claims).toEqual(a?.claims);
    expect(b?.analysis.mode).toBe('llm');
  });

  it('--offline runs the heuristics even with an endpoint configured', async () => {
    const { code, stdout, stderr } = await orch(
      ['analyze', EXAMPLE_FILES[2] as string, '--offline', '--format', 'json', '-q'],
      endpoint(),
    );
    expect(code, stderr).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(intelligenceReportSchema.parse(JSON.parse(stdout)).analysis.mode).toBe('offline');
  });

  it('--model and --base-url choose the endpoint and model without any environment', async () => {
    const { code, stdout, stderr } = await orch([
      'analyze',
      EXAMPLE_FILES[2] as string,
      '--base-url',
      fake.url,
      '--model',
      'gpt-4o',
      '--depth',
      'quick',
      '--format',
      'json',
      '-q',
    ]);
    expect(code, stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    expect(report.stages.find((item) => item.id === 'summarize')?.model).toBe('gpt-4o');
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(
      fake.requests.every((request) => (request.body as { model: string }).model === 'gpt-4o'),
    ).toBe(true);
  });

  it('takes per-stage models from the config file', async () => {
    const config = join(scratch, 'orch.json');
    await writeFile(
      config,
      JSON.stringify({ llm: { model: 'gpt-4o-mini', stages: { claims: { model: 'gpt-4o' } } } }),
    );
    const { code, stdout, stderr } = await orch(
      [
        'analyze',
        EXAMPLE_FILES[2] as string,
        '--config',
        config,
        '-d',
        'quick',
        '-f',
        'json',
        '-q',
      ],
      endpoint(),
    );
    expect(code, stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    expect(report.stages.find((item) => item.id === 'claims')?.model).toBe('gpt-4o');
    expect(report.stages.find((item) => item.id === 'summarize')?.model).toBe('gpt-4o-mini');
  });

  it('refuses conflicting or incomplete flags and a broken config file with one clear line', async () => {
    const conflict = await orch([
      'analyze',
      EXAMPLE_FILES[2] as string,
      '--offline',
      '--model',
      'x',
    ]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/^orch: --offline .*cannot be used/);
    const noEndpoint = await orch(['analyze', EXAMPLE_FILES[2] as string, '--model', 'gpt-4o']);
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.stderr).toMatch(/OPENAI_API_KEY/);
    const broken = join(scratch, 'broken.json');
    await writeFile(broken, '{ "llm": { "model": 7 } }');
    const invalid = await orch(['analyze', EXAMPLE_FILES[2] as string, '--config', broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/broken\.json is invalid/);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
  });
});
