import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOrch } from './e2e-env.js';

let scratch: string;
let fake: FakeOpenAI;

function doctor(args: string[], env: Record<string, string> = {}) {
  return runOrch(['doctor', ...args], {
    env: { ORCH_DATA_DIR: join(scratch, 'data'), ...env },
    timeoutMs: 30_000,
  });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'orch-doctor-'));
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('orch doctor', () => {
  it('passes with the tools installed and a reachable endpoint that has the model', async () => {
    const { code, stdout } = await doctor([], {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.url,
    });
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/^✓ data directory/m);
    expect(stdout).toMatch(/^✓ ffmpeg/m);
    expect(stdout).toMatch(/^✓ yt-dlp/m);
    expect(stdout).toMatch(
      /^✓ model endpoint +127\.0\.0\.1:\d+ answers; gpt-4o-mini is available$/m,
    );
  });

  it('fails with the fix for each missing tool and for a model the endpoint lacks', async () => {
    const { code, stdout, stderr } = await doctor(['--json'], {
      PATH: join(scratch, 'empty-path'),
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.url,
      ORCH_MODEL: 'llama3.1',
    });
    expect(code).toBe(1);
    const { checks } = JSON.parse(stdout) as {
      checks: { name: string; status: string; fix?: string }[];
    };
    const byName = new Map(checks.map((check) => [check.name, check]));
    expect(byName.get('yt-dlp')).toMatchObject({ status: 'fail' });
    expect(byName.get('yt-dlp')?.fix).toMatch(/apt-get install yt-dlp/);
    expect(byName.get('ffmpeg')?.fix).toMatch(/apt-get install ffmpeg/);
    expect(byName.get('model endpoint')).toMatchObject({ status: 'fail' });
    expect(byName.get('model endpoint')?.fix).toMatch(/gpt-4o-mini/);
    expect(stderr).toMatch(/^orch: \d checks failed \(.*yt-dlp.*model endpoint\)/);
  });

  it('says analyses run offline when no endpoint is configured, and a broken config file fails', async () => {
    const offline = await doctor([]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^! model endpoint +none configured/m);
    const broken = join(scratch, 'broken.json');
    await writeFile(broken, '{ "llm": ');
    const failed = await doctor(['--config', broken]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^✗ config file .*not valid JSON/m);
  });
});
