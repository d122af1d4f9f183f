import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnv } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const NEWS = fileURLToPath(new URL('../../../examples/news-library-opening.txt', import.meta.url));

let scratch: string;
beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-runs-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function orch(dataDir: string, args: string[]) {
  const env = e2eEnv({ ORCH_DATA_DIR: dataDir });
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const runIdOf = (stderr: string) => /^orch: run ([0-9a-f-]{36})/m.exec(stderr)?.[1];

describe('run history across invocations', () => {
  it('lists, shows and prunes runs of earlier invocations', () => {
    const data = join(scratch, 'history');
    const first = orch(data, ['analyze', NEWS]);
    const second = orch(data, ['analyze', NEWS, '--depth', 'quick']);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [firstId, secondId] = [runIdOf(first.stderr), runIdOf(second.stderr)];

    const listed = orch(data, ['runs']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+STATUS\s+DEPTH\s+DONE/);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[1]).toContain(secondId); // newest first
    expect(lines[1]).toMatch(/completed\s+quick\s+100%/);
    expect(lines[2]).toContain(firstId);

    const json = JSON.parse(orch(data, ['runs', '--json']).stdout) as {
      id: string;
      status: string;
    }[];
    expect(json.map((run) => run.id)).toEqual([secondId, firstId]);
    expect(orch(data, ['runs', '--status', 'failed']).stdout).toBe('No failed runs.\n');

    const shown = orch(data, ['runs', 'show', firstId!]);
    expect(shown.stdout).toContain(`Run ${firstId}`);
    expect(shown.stdout).toMatch(/^summarize\s+ok\s+1\s/m);
    expect(shown.stdout).toMatch(/^fact-check\s+skip\s+1\s.*language model/m);

    expect(orch(data, ['runs', 'prune', '--older-than', '30d']).stdout).toMatch(
      /^Deleted 0 finished runs/,
    );
    expect(orch(data, ['runs', 'prune', '--older-than', '0s']).stdout).toMatch(
      /^Deleted 2 finished runs/,
    );
    expect(orch(data, ['runs']).stdout).toMatch(/^No runs yet/);
  });

  it('refuses unknown run ids, statuses and ages as usage errors', () => {
    const data = join(scratch, 'usage');
    for (const args of [
      ['runs', 'show', 'no-such-run'],
      ['resume', 'no-such-run'],
      ['runs', '--status', 'sleeping'],
      ['runs', 'prune', '--older-than', 'a while'],
    ]) {
      const result = orch(data, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('stops with the file name and a recovery command on a corrupt database, and leaves it untouched', async () => {
    const data = join(scratch, 'corrupt');
    await mkdir(data);
    const file = join(data, 'orch.db');
    const garbage = Buffer.from(
      Array.from({ length: 4096 }, (_, index) => (index * 151 + 7) % 256),
    );
    await writeFile(file, garbage);
    for (const args of [['runs'], ['analyze', NEWS]]) {
      const result = orch(data, args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(/mv /);
      expect(result.stdout).toBe('');
    }
    expect(Buffer.compare(await readFile(file), garbage)).toBe(0);
  });
});
