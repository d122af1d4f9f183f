// bench/faults: what transient provider faults cost a user. Runs N standard analyses of an
// example with the built `orch` binary against the fake OpenAI server of @orch/testkit, once
// fault-free and once with ~10 percent of chat requests answered by a transient fault (429 with
// a short Retry-After, or 500), interleaved in one invocation; each run gets a fresh data dir so
// the response cache cannot hide a fault. Prints the run success rate (completed or degraded
// versus failed), mean and p50 wall time of each phase, their ratio, and the retries counted
// from the reports, then why each run that did not complete degraded or failed. The CLI's default
// recovery policy applies. Asserts nothing.
// Usage: pnpm bench:faults [-- --runs 20 --rate 0.1 --source examples/opinion-remote-work.md]
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { groundedAnalystHandlers, seededRandom, startFakeOpenAI } from '@orch/testkit';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'apps/cli/dist/main.js');
const { values } = parseArgs({
  // pnpm passes a separating `--` on to the script
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: {
    runs: { type: 'string', default: '20' },
    rate: { type: 'string', default: '0.1' },
    source: { type: 'string', default: 'examples/opinion-remote-work.md' },
  },
});
const runs = Number(values.runs);
const rate = Number(values.rate);
const source = resolve(ROOT, values.source);
if (!Number.isInteger(runs) || runs < 1 || !(rate >= 0 && rate <= 1)) {
  console.error('bench/faults: --runs must be a whole number >= 1 and --rate between 0 and 1.');
  process.exit(2);
}
if (!existsSync(BIN)) {
  console.error(`bench/faults: ${BIN} is missing. Build first: pnpm build`);
  process.exit(1);
}

const random = seededRandom(2025);
let injecting = false;
let injected = 0;
/** One draw per request (both fault entries ask about the same request object). */
const draws = new WeakMap();
function draw(request) {
  if (!draws.has(request)) {
    const value = injecting ? random() : 1;
    draws.set(request, value);
    if (value < rate) injected += 1;
  }
  return draws.get(request);
}

const fake = await startFakeOpenAI({
  handlers: groundedAnalystHandlers(),
  latencyMs: 3,
  faults: [
    { kind: 'rate-limit', retryAfterSeconds: 0.2, match: (request) => draw(request) < rate / 2 },
    { kind: 'server-error', match: (request) => draw(request) < rate },
  ],
});

const run = promisify(execFile);

/** One `orch analyze` in a fresh data dir: its outcome, wall time and retries. */
async function analyze() {
  const dataDir = mkdtempSync(join(tmpdir(), 'orch-bench-faults-'));
  const env = { ...process.env, NO_COLOR: '1', ORCH_DATA_DIR: dataDir };
  for (const name of ['ORCH_MODEL', 'ORCH_CONFIG', 'ORCH_TRANSCRIPTION_MODEL']) delete env[name];
  Object.assign(env, { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fake.url });
  const started = performance.now();
  try {
    const { stdout } = await run(
      process.execPath,
      [BIN, 'analyze', source, '--depth', 'standard', '--format', 'json', '-q'],
      { env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout);
    const why = report.stages
      .filter((stage) => stage.status === 'fail' || stage.degraded === true)
      .map((stage) => `${stage.id}: ${stage.reason ?? stage.error?.message ?? stage.status}`);
    return {
      outcome: report.status,
      wallMs: performance.now() - started,
      retries: report.recovery?.retries ?? 0,
      why,
    };
  } catch (error) {
    const last =
      String(error.stderr ?? error.message)
        .trim()
        .split('\n')
        .at(-2) ?? '';
    return { outcome: 'failed', wallMs: performance.now() - started, retries: 0, why: [last] };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const phases = {
  clean: { label: 'fault-free', results: [], requests: 0, faults: 0 },
  faulty: { label: `${Math.round(rate * 100)}% faults`, results: [], requests: 0, faults: 0 },
};
try {
  // interleaved, so drift in machine load affects both phases alike
  for (let index = 0; index < runs; index++) {
    for (const [name, phase] of Object.entries(phases)) {
      injecting = name === 'faulty';
      const before = { requests: fake.requests.length, faults: injected };
      phase.results.push(await analyze());
      phase.requests += fake.requests.length - before.requests;
      phase.faults += injected - before.faults;
      fake.reset();
    }
  }
} finally {
  await fake.close();
}

const mean = (numbers) => numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const summarize = (phase) => {
  const count = (outcome) => phase.results.filter((result) => result.outcome === outcome).length;
  const wall = phase.results.map((result) => result.wallMs);
  return {
    completed: count('completed'),
    degraded: count('degraded'),
    failed: count('failed'),
    meanMs: mean(wall),
    p50Ms: median(wall),
    retries: phase.results.reduce((sum, result) => sum + result.retries, 0),
  };
};
const clean = summarize(phases.clean);
const faulty = summarize(phases.faulty);

const pad = (value, width) => String(value).padStart(width);
console.log(
  `bench/faults: ${runs} standard analyses of ${values.source} per phase with the built orch binary, fresh data dir per run; faults: 429 (Retry-After 0.2 s) or 500 on ~${Math.round(rate * 100)}% of chat requests; default recovery policy`,
);
console.log(
  `  ${'phase'.padEnd(12)}${pad('success', 9)}${pad('completed', 11)}${pad('degraded', 10)}${pad('failed', 8)}${pad('mean ms', 10)}${pad('p50 ms', 9)}${pad('requests', 10)}${pad('faults', 8)}${pad('retries', 9)}`,
);
for (const [name, phase] of Object.entries(phases)) {
  const stats = name === 'clean' ? clean : faulty;
  const success = `${(((stats.completed + stats.degraded) / runs) * 100).toFixed(0)}%`;
  console.log(
    `  ${phase.label.padEnd(12)}${pad(success, 9)}${pad(stats.completed, 11)}${pad(stats.degraded, 10)}${pad(stats.failed, 8)}${pad(stats.meanMs.toFixed(0), 10)}${pad(stats.p50Ms.toFixed(0), 9)}${pad(phase.requests, 10)}${pad(phase.faults, 8)}${pad(stats.retries, 9)}`,
  );
}
console.log(
  `  added wall time with faults: mean ${(faulty.meanMs - clean.meanMs).toFixed(0)} ms (x${(faulty.meanMs / clean.meanMs).toFixed(2)}), p50 ${(faulty.p50Ms - clean.p50Ms).toFixed(0)} ms (x${(faulty.p50Ms / clean.p50Ms).toFixed(2)})`,
);
for (const phase of Object.values(phases)) {
  for (const result of phase.results.filter((item) => item.outcome !== 'completed')) {
    for (const line of result.why)
      console.log(`  ${phase.label} run ${result.outcome}: ${line.slice(0, 240)}`);
  }
}
