import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intelligenceReportSchema } from '@orch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnv } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** A long, varied synthetic text (deterministic), so the analysis takes a few seconds. */
function syntheticNotes(sentences: number): string {
  let state = 7;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tor',
    'va',
    'shi',
    'pel',
    'dru',
    'an',
    'est',
    'ul',
    'por',
    'gan',
  ];
  const word = () =>
    Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () => syllables[Math.floor(random() * syllables.length)],
    ).join('');
  const vocabulary = Array.from({ length: 3000 }, word);
  const lines: string[] = [];
  for (let index = 0; index < sentences; index++) {
    const words = Array.from(
      { length: 8 + Math.floor(random() * 14) },
      () => vocabulary[Math.floor(random() * 3000)],
    );
    if (random() < 0.3) words.splice(2, 0, `${10 + Math.floor(random() * 900)} percent`);
    if (random() < 0.2) words.unshift('According to the Harlow Institute,');
    const sentence = words.join(' ');
    lines.push(`${sentence[0]?.toUpperCase()}${sentence.slice(1)}.`);
  }
  return `Synthetic field notes\n\n${lines.join(' ')}\n`;
}

let scratch: string;
let source: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-crash-'));
  source = join(scratch, 'notes.txt');
  await writeFile(source, syntheticNotes(1500));
  env = e2eEnv({ ORCH_DATA_DIR: join(scratch, 'data') });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function orch(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface ShownRun {
  summary: { status: string };
  stages: { stage: string; status: string; attempts: number; startedAt?: string }[];
}

function show(runId: string): ShownRun {
  const shown = orch(['runs', 'show', runId, '--json']);
  expect(shown.code, shown.stderr).toBe(0);
  return JSON.parse(shown.stdout) as ShownRun;
}

/** Starts `orch analyze` and resolves with its run id once `stage` has finished (and been checkpointed). */
function startUntil(
  stage: string,
): Promise<{ child: ChildProcess; runId: string; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'analyze', source, '--format', 'json'], { env });
  child.stdout.resume(); // an unread pipe would block the child once the report is written
  let stderr = '';
  return new Promise((resolve, reject) => {
    const early = (code: number | null) =>
      reject(new Error(`orch analyze ended (${code}) before "${stage}" finished:\n${stderr}`));
    child.once('exit', early);
    child.stderr.setEncoding('utf8');
    const watch = (chunk: string) => {
      stderr += chunk;
      const runId = /^orch: run ([0-9a-f-]{36})/m.exec(stderr)?.[1];
      if (runId && new RegExp(`^orch: ✓ ${stage} ok`, 'm').test(stderr)) {
        child.off('exit', early);
        child.stderr.off('data', watch);
        child.stderr.on('data', (more: string) => {
          stderr += more;
        });
        resolve({ child, runId, stderr: () => stderr });
      }
    };
    child.stderr.on('data', watch);
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.on('exit', (code, signal) => resolve({ code, signal }));
  });

describe('a run that dies is resumed without redoing work', () => {
  it('SIGKILL mid-run, then orch resume: the report is complete and no finished stage ran again', async () => {
    const { child, runId } = await startUntil('quality-gate');
    child.kill('SIGKILL');
    expect((await exited(child)).signal).toBe('SIGKILL');

    const before = show(runId);
    expect(before.summary.status).toBe('running'); // it died holding the run
    const finishedBefore = before.stages.filter((stage) => stage.status === 'ok');
    expect(finishedBefore.map((stage) => stage.stage)).toEqual(
      expect.arrayContaining(['acquire', 'quality-gate']),
    );

    const resumed = orch(['resume', runId, '--format', 'json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(resumed.stdout));
    expect(report.runId).toBe(runId);
    for (const section of [
      'summary',
      'claims',
      'sentiment',
      'fallacies',
      'deception',
      'briefing',
    ] as const) {
      expect(report[section], section).toBeDefined();
    }
    for (const stage of finishedBefore) {
      expect(resumed.stderr).toMatch(
        new RegExp(`^orch: ✓ ${stage.stage} ok \\(.*restored from checkpoint`, 'm'),
      );
    }

    const after = show(runId);
    expect(after.summary.status).toBe('completed');
    for (const stage of after.stages) expect(stage.attempts, stage.stage).toBe(1);
    for (const stage of finishedBefore) {
      expect(after.stages.find((entry) => entry.stage === stage.stage)?.startedAt).toBe(
        stage.startedAt,
      );
    }
    expect(orch(['runs', '--status', 'completed']).stdout).toContain(runId);
  });

  it('Ctrl-C marks the run cancelled with its checkpoints kept, and it resumes', async () => {
    const { child, runId } = await startUntil('quality-gate');
    child.kill('SIGINT');
    const { code } = await exited(child);
    expect(code).toBe(130);

    const cancelled = show(runId);
    expect(cancelled.summary.status).toBe('cancelled');
    expect(cancelled.stages.find((stage) => stage.stage === 'quality-gate')?.status).toBe('ok');

    const resumed = orch(['resume', runId, '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^# Synthetic field notes/);
    expect(show(runId).summary.status).toBe('completed');
    const again = orch(['resume', runId]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already completed/i);
  });
});
