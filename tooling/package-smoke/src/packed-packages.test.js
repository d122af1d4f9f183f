// Every published package, packed as npm would publish it, installs into an empty project and
// imports there. Installs come from the local pnpm store (offline): no network needed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = readdirSync(join(ROOT, 'packages'))
  .map((name) => join(ROOT, 'packages', name))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private);

/** One export each package must have: proof that the entry point is the real build. */
const EXPECTED_EXPORT = {
  '@orch/core': 'parseDepth',
  '@orch/planner': 'planRun',
  '@orch/heuristics': 'detectFallacyCues',
  '@orch/acquisition': 'loadSource',
  '@orch/analytics': 'scoreDeception',
  '@orch/summary': 'buildBriefing',
  '@orch/result-processors': 'buildIntelligenceReport',
  '@orch/report': 'renderMarkdown',
  '@orch/orchestrator': 'createOrchestrator',
  '@orch/workflow-state': 'createWorkflowState',
  '@orch/store-sqlite': 'openSqliteStore',
  '@orch/testkit': 'startFakeOpenAI',
  '@orch/llm': 'createLlmClient',
  '@orch/quality': 'checkGrounding',
  '@orch/agents': 'createAgentStages',
  '@orch/recovery': 'createRecovery',
  '@orch/budget': 'createBudget',
};

/** Extra proof for packages with a native part: it really loads and works. */
const EXERCISE = {
  '@orch/store-sqlite':
    "const store = m.openSqliteStore({ path: ':memory:' }); await store.listRuns(); await store.close();",
  '@orch/testkit': 'const fake = await m.startFakeOpenAI(); await fake.close();',
  '@orch/budget':
    "const b = m.createBudget({ runId: 'smoke', capUsd: 1 }); const r = await b.reserve({ stage: 'summarize', model: 'gpt-4o-mini', inputTokens: 1000, maxOutputTokens: 100 }); await r.settle({ promptTokens: 1000, completionTokens: 50, cachedPromptTokens: 0, reasoningTokens: 0 }); if (!(b.spentUsd() > 0)) throw new Error('no spend');",
  '@orch/recovery':
    "const r = m.createRecovery({ policy: { initialDelayMs: 1, maxDelayMs: 2 } }); let n = 0; await r.execute({ key: 'k' }, async () => { if (++n < 2) throw Object.assign(new Error('busy'), { status: 503 }); return 1; }); if (n !== 2) throw new Error('no retry');",
};

const pnpm = (args, cwd) =>
  execFileSync('pnpm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let scratch;
let project;
const tarballOf = new Map();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'orch-pack-'));
  const tarballs = PACKAGES.map(({ dir }) => {
    const output = pnpm(['pack', '--pack-destination', scratch], dir).trim().split('\n');
    return output.at(-1);
  });
  for (const [index, { manifest }] of PACKAGES.entries())
    tarballOf.set(manifest.name, tarballs[index]);
  project = join(scratch, 'project');
  mkdirSync(project);
  // Every @orch dependency, direct or transitive, resolves to its packed tarball.
  const local = Object.fromEntries(
    PACKAGES.map(({ manifest }, index) => [manifest.name, `file:${tarballs[index]}`]),
  );
  const manifest = { name: 'smoke', private: true, type: 'module', dependencies: local };
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      { ...manifest, pnpm: { overrides: local, onlyBuiltDependencies: ['better-sqlite3'] } },
      null,
      2,
    ),
  );
  pnpm(['install', '--offline'], project);
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('packed packages', () => {
  it('covers every published package', () => {
    expect(PACKAGES.map(({ manifest }) => manifest.name).sort()).toEqual(
      Object.keys(EXPECTED_EXPORT).sort(),
    );
  });

  for (const { manifest } of PACKAGES) {
    it(`${manifest.name} ships only dist and imports from an empty project`, () => {
      const installed = join(project, 'node_modules', ...manifest.name.split('/'));
      const shipped = execFileSync('tar', ['-tzf', tarballOf.get(manifest.name)], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .filter(
          (file) =>
            !/^package\/(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(file),
        );
      expect(shipped).toEqual([]);
      const installedManifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      for (const range of Object.values(installedManifest.dependencies ?? {})) {
        expect(range).not.toMatch(/^(workspace|catalog):/);
      }
      const probe = `const m = await import(${JSON.stringify(manifest.name)}); ${EXERCISE[manifest.name] ?? ''} console.log(typeof m[${JSON.stringify(EXPECTED_EXPORT[manifest.name])}]);`;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(output.trim()).toBe('function');
    });
  }
});
