import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intelligenceReportJsonSchema, intelligenceReportSchema } from '@orch/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnv } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const OPINION = join(EXAMPLES, 'opinion-remote-work.md');
const TALK = join(EXAMPLES, 'talk-city-energy.vtt');
const NEWS = join(EXAMPLES, 'news-library-opening.txt');

function orch(args: string[], cwd = EXAMPLES) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: e2eEnv({ ORCH_DATA_DIR: join(scratch, 'data') }),
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch: string;
beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('orch analyze (the built binary)', () => {
  it('prints a Markdown report of the opinion example with every offline section', () => {
    const { code, stdout, stderr } = orch(['analyze', OPINION]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    for (const heading of [
      '## Summary',
      '## Claims',
      '## Fallacies',
      '## Sentiment',
      '## Deception',
      '## Threat',
    ]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toMatch(/offline/i);
    // progress went to stderr as plain lines (stderr is a pipe here), with the run id
    expect(stderr).toMatch(/^orch: run [0-9a-f-]{36} \(standard, \d+ stages\)$/m);
    expect(stderr).toMatch(/^orch: ✓ summarize ok/m);
    expect(stderr).toMatch(/^orch: - fact-check skip/m);
  });

  it('writes a JSON report that validates against IntelligenceReport, with quoted fallacies', async () => {
    const { code, stdout } = orch(['analyze', OPINION, '--format', 'json', '--quiet']);
    expect(code).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    const source = await readFile(OPINION, 'utf8');
    expect(report.fallacies?.fallacies.length).toBeGreaterThanOrEqual(2);
    for (const fallacy of report.fallacies?.fallacies ?? []) {
      // the quote is the source's own words (markup aside)
      expect(source.replace(/[*_`]/g, '').replace(/\s+/g, ' ')).toContain(
        fallacy.quote.replace(/\s+/g, ' '),
      );
    }
    expect(report.claims?.claims.length).toBeGreaterThanOrEqual(3);
    expect(report.deception?.score).toBeGreaterThan(0);
    expect(['low', 'medium', 'high']).toContain(report.deception?.threat.level);
    expect(report.stages.find((stage) => stage.id === 'fact-check')?.status).toBe('skip');
    expect(report.analysis.mode).toBe('offline');
  });

  it('writes JSON reports that validate against the exported JSON Schema, for every example and depth', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(intelligenceReportJsonSchema());
    for (const [file, depth] of [
      [OPINION, 'standard'],
      [TALK, 'deep'],
      [NEWS, 'experimental'],
    ] as const) {
      const { code, stdout } = orch(['analyze', file, '--depth', depth, '--format', 'json', '-q']);
      expect(code).toBe(0);
      const valid = validate(JSON.parse(stdout));
      expect(validate.errors ?? [], `${file} at ${depth}`).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('analyses the talk transcript with timestamps and the neutral news item at every depth', () => {
    const talk = orch(['analyze', TALK, '--format', 'json', '-q']);
    expect(talk.code).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(talk.stdout));
    expect(report.source.kind).toBe('transcript');
    expect(report.claims?.claims.some((claim) => claim.startSeconds !== undefined)).toBe(true);

    for (const depth of ['quick', 'deep', 'comprehensive', 'experimental']) {
      const news = orch(['analyze', NEWS, '--depth', depth, '--format', 'json', '-q']);
      expect(news.code, news.stderr).toBe(0);
      const newsReport = intelligenceReportSchema.parse(JSON.parse(news.stdout));
      expect(newsReport.depth).toBe(depth);
      expect(newsReport.fallacies?.fallacies ?? []).toEqual([]);
    }
  });

  it('writes --out only on success, and prints nothing to stdout then', async () => {
    const out = join(scratch, 'report.md');
    const { code, stdout } = orch(['analyze', NEWS, '--out', out, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(await readFile(out, 'utf8')).toMatch(/^# /);
  });

  it('is quiet with --quiet', () => {
    const { code, stderr } = orch(['analyze', NEWS, '--quiet']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('prints help and version', () => {
    const help = orch(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('analyze');
    const analyzeHelp = orch(['analyze', '--help']);
    expect(analyzeHelp.stdout).toContain('--depth');
    const version = orch(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('orch analyze with bad input', () => {
  const cases: Array<[string, () => Promise<string[]>, RegExp]> = [
    ['a missing file', async () => ['analyze', join(scratch, 'nope.txt')], /nope\.txt/],
    ['a directory', async () => ['analyze', scratch], /director/i],
    [
      'a binary file',
      async () => {
        const path = join(scratch, 'image.txt');
        await writeFile(
          path,
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        );
        return ['analyze', path];
      },
      /not a text file/i,
    ],
    [
      'an empty file',
      async () => {
        const path = join(scratch, 'empty.txt');
        await writeFile(path, '   \n');
        return ['analyze', path];
      },
      /empty/i,
    ],
    [
      'a file over 50 MB',
      async () => {
        const path = join(scratch, 'huge.txt');
        const handle = await open(path, 'w');
        await handle.truncate(50 * 1024 * 1024 + 1);
        await handle.close();
        return ['analyze', path];
      },
      /50/,
    ],
    [
      'invalid UTF-8',
      async () => {
        const path = join(scratch, 'latin1.txt');
        await writeFile(
          path,
          Buffer.from('Caf\xe9 au lait is a drink served in many places.', 'latin1'),
        );
        return ['analyze', path];
      },
      /UTF-8/,
    ],
    [
      'an unknown depth',
      async () => ['analyze', NEWS, '--depth', 'bottomless'],
      /bottomless.*quick, standard/,
    ],
    ['an unknown format', async () => ['analyze', NEWS, '--format', 'pdf'], /pdf.*md, json/],
    [
      'a cloud-metadata URL',
      async () => ['analyze', 'http://169.254.169.254/latest/meta-data/'],
      /169\.254\.169\.254.*--allow-host/,
    ],
    ['a loopback URL', async () => ['analyze', 'http://127.0.0.1:9/article'], /127\.0\.0\.1/],
    ['a file: URL', async () => ['analyze', 'file:///etc/passwd'], /http/],
    ['an unknown option', async () => ['analyze', NEWS, '--colour'], /unknown option/i],
    ['no arguments', async () => [], /Usage: orch/],
  ];

  for (const [name, makeArgs, message] of cases) {
    it(`refuses ${name} with one clear line, exit 2, no stack trace, nothing written`, async () => {
      const out = join(scratch, `out-${name.replace(/\W+/g, '-')}.md`);
      const args = await makeArgs();
      const { code, stdout, stderr } = orch(args.length > 0 ? [...args, '--out', out] : args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      if (name !== 'no arguments' && name !== 'an unknown option') {
        expect(stderr.trim().split('\n')).toHaveLength(1);
      }
    });
  }

  it('shows the stack trace with --verbose', () => {
    const { code, stderr } = orch(['analyze', join(EXAMPLES, 'missing.md'), '--verbose']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\s+at /m);
  });

  it('refuses an --out path in a missing directory before running', async () => {
    const out = join(scratch, 'no-such-dir', 'r.md');
    const { code, stderr } = orch(['analyze', NEWS, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/does not exist/);
    await mkdir(join(scratch, 'dir-out'));
    const asDirectory = orch(['analyze', NEWS, '--out', join(scratch, 'dir-out')]);
    expect(asDirectory.code).toBe(2);
  });
});
