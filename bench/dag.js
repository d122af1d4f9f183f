// bench/dag: a realistic 20-stage DAG with simulated stage latencies of 50-200 ms, run by the
// ready-queue executor of @orch/orchestrator and, for comparison, by a lock-step executor that
// waits for each parallel level to finish. Prints wall time / critical path (target <= 1.05)
// and wall time / sum of stage times. Usage: pnpm bench:dag [-- --runs 5 --seed 7]
import { parseArgs } from 'node:util';
import { runDag } from '@orch/orchestrator';
import { buildPlan } from '@orch/planner';
import { seededRandom } from '@orch/testkit';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '7' } },
});
const runs = Number(values.runs);

// The shape of a comprehensive analysis: acquisition, then fan-out analysis, then synthesis.
const SHAPE = [
  ['acquire', []],
  ['transcribe', ['acquire']],
  ['quality-gate', ['transcribe']],
  ['summarize', ['quality-gate']],
  ['keywords', ['quality-gate']],
  ['claims', ['quality-gate']],
  ['sentiment', ['quality-gate']],
  ['fallacies', ['quality-gate']],
  ['entities', ['quality-gate']],
  ['fact-check-1', ['claims']],
  ['fact-check-2', ['claims']],
  ['fact-check-3', ['claims']],
  ['perspectives', ['summarize']],
  ['knowledge-graph', ['entities']],
  ['deception', ['fact-check-1', 'fact-check-2', 'fact-check-3', 'fallacies']],
  ['threat', ['deception', 'sentiment']],
  ['speaker-profile', ['fallacies', 'sentiment']],
  ['cross-reference', ['knowledge-graph', 'claims']],
  ['memory-write', ['knowledge-graph', 'summarize', 'cross-reference']],
  ['briefing', ['summarize', 'threat', 'perspectives', 'speaker-profile', 'keywords']],
];

const next = seededRandom(Number(values.seed));
const latency = new Map(SHAPE.map(([id]) => [id, Math.round(50 + next() * 150)]));
const catalog = SHAPE.map(([id, dependsOn]) => ({
  id,
  title: id,
  dependsOn,
  after: [],
  depths: ['standard'],
  required: true,
  gated: false,
  mediaOnly: false,
  estimate: { baseMs: latency.get(id), msPer1kWords: 0, llm: null },
}));
const plan = buildPlan(catalog, 'standard', { pricing: null });
const sumMs = [...latency.values()].reduce((sum, ms) => sum + ms, 0);
const criticalMs = plan.estimate.durationMs;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const width = Math.max(...plan.levels.map((level) => level.length));

async function readyQueue() {
  const started = performance.now();
  await runDag({
    nodes: plan.stages,
    concurrency: width,
    execute: async (id) => {
      await sleep(latency.get(id));
      return 'ok';
    },
    blocked: () => 'skip',
    isSuccess: (result) => result === 'ok',
  });
  return performance.now() - started;
}

async function lockStep() {
  const started = performance.now();
  for (const level of plan.levels) await Promise.all(level.map((id) => sleep(latency.get(id))));
  return performance.now() - started;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const measured = { readyQueue: [], lockStep: [] };
for (let run = 0; run < runs; run++) {
  measured.readyQueue.push(await readyQueue());
  measured.lockStep.push(await lockStep());
}

console.log(
  `bench/dag: ${SHAPE.length} stages, latencies 50-200 ms (seed ${values.seed}), ${plan.levels.length} levels, concurrency ${width}, ${runs} runs (median)`,
);
console.log(`critical path ${criticalMs} ms (${plan.criticalPath.join(' > ')})`);
console.log(`sum of stage times ${sumMs} ms`);
for (const [name, list] of Object.entries(measured)) {
  const wall = median(list);
  console.log(
    `${name.padEnd(10)} wall ${wall.toFixed(0).padStart(5)} ms  wall/critical-path ${(wall / criticalMs).toFixed(3)}  wall/sum ${(wall / sumMs).toFixed(3)}`,
  );
}
const ratio = median(measured.readyQueue) / criticalMs;
console.log(
  `target wall/critical-path <= 1.05: ${ratio <= 1.05 ? 'met' : 'NOT met'} (${ratio.toFixed(3)})`,
);
