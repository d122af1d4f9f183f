// bench/checkpoint: the cost of durability. Saves a checkpoint after every stage of 20-stage
// runs on the embedded SQLite store (one file, WAL) and, side by side, on the in-memory store,
// and prints the overhead per checkpoint (p50, p99; target p50 < 2 ms on SQLite). Then times a
// resume of a 20-stage run: open the file, load the run's checkpoints, restore them through the
// executor. Usage: pnpm bench:checkpoint [-- --runs 50]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runDag } from '@orch/orchestrator';
import { openSqliteStore } from '@orch/store-sqlite';
import { createMemoryRunStore, createWorkflowState } from '@orch/workflow-state';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
const runs = Number(values.runs);
const STAGES = Array.from(
  { length: 20 },
  (_, index) => `stage-${String(index + 1).padStart(2, '0')}`,
);
const timings = {
  startedAt: new Date(0).toISOString(),
  finishedAt: new Date(0).toISOString(),
  durationMs: 120,
};
// A realistic stage output (~4 KB): a summary with key points, keywords and entities.
const output = {
  method: 'heuristic',
  summary:
    'The council approved the energy plan after a long debate about costs and timelines. '.repeat(
      6,
    ),
  keyPoints: Array.from(
    { length: 6 },
    (_, i) => `Key point ${i}: the plan moves ${i * 7} megawatts to solar by 2031.`,
  ),
  topics: ['energy plan', 'municipal budget', 'solar capacity'],
  keywords: Array.from({ length: 12 }, (_, i) => ({ term: `keyword-${i}`, score: 1 - i / 12 })),
  entities: Array.from({ length: 20 }, (_, i) => ({
    text: `Entity ${i}`,
    type: 'organization',
    count: i + 1,
  })),
};
const request = (runId) => ({ source: { type: 'text', text: 'bench' }, depth: 'standard', runId });
const estimates = Object.fromEntries(STAGES.map((stage) => [stage, 100]));

async function checkpointTimes(store) {
  const state = createWorkflowState({ store });
  const times = [];
  for (let run = 0; run < runs; run++) {
    const runId = `run-${run}`;
    await state.createRun({
      runId,
      request: request(runId),
      plannedStages: STAGES,
      stageEstimatesMs: estimates,
    });
    const handle = await state.startRun(runId);
    for (const stage of STAGES) {
      const started = performance.now();
      await handle.checkpoint(stage, { status: 'ok', data: output, timings });
      times.push(performance.now() - started);
    }
    await handle.pause();
  }
  return times;
}

const percentile = (list, p) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))];
const format = (ms) => `${ms.toFixed(3)} ms`;

const directory = mkdtempSync(join(tmpdir(), 'orch-bench-checkpoint-'));
try {
  const sqlite = openSqliteStore({ dataDir: directory });
  const sqliteTimes = await checkpointTimes(sqlite);
  await sqlite.close();
  const memoryTimes = await checkpointTimes(createMemoryRunStore());

  const resumeTimes = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const started = performance.now();
    const store = openSqliteStore({ dataDir: directory });
    const { results } = await createWorkflowState({ store }).resumeState(`run-${attempt % runs}`);
    await runDag({
      nodes: STAGES.map((id, index) => ({
        id,
        dependsOn: index === 0 ? [] : [STAGES[index - 1]],
        after: [],
      })),
      concurrency: 4,
      settled: results,
      execute: async () => {
        throw new Error('a restored stage ran again');
      },
      blocked: () => ({ status: 'skip' }),
      isSuccess: (result) => result.status === 'ok',
    });
    await store.close();
    resumeTimes.push(performance.now() - started);
  }

  console.log(
    `bench/checkpoint: ${runs} runs x ${STAGES.length} stages, ~${JSON.stringify(output).length} B output per checkpoint`,
  );
  for (const [name, list] of [
    ['sqlite', sqliteTimes],
    ['memory', memoryTimes],
  ]) {
    console.log(
      `${name.padEnd(7)} checkpoint p50 ${format(percentile(list, 0.5))}  p99 ${format(percentile(list, 0.99))}`,
    );
  }
  const ratio = percentile(sqliteTimes, 0.5) / percentile(memoryTimes, 0.5);
  console.log(`sqlite/memory p50 ratio ${ratio.toFixed(2)}`);
  console.log(
    `resume of a 20-stage run (open file, load checkpoints, restore): p50 ${format(percentile(resumeTimes, 0.5))}`,
  );
  const p50 = percentile(sqliteTimes, 0.5);
  console.log(`target sqlite p50 < 2 ms: ${p50 < 2 ? 'met' : 'NOT met'} (${format(p50)})`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
