import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intelligenceReportSchema } from '@orch/core';
import {
  type ContentServer,
  type FakeOpenAI,
  groundedAnalystHandlers,
  startContentServer,
  startFakeOpenAI,
} from '@orch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOrch } from './e2e-env.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const AUDIO = fileURLToPath(
  new URL('../../../packages/acquisition/fixtures/council-speech.ogg', import.meta.url),
);
const TALK = fileURLToPath(new URL('../../../examples/talk-city-energy.vtt', import.meta.url));
const SPOKEN = 'Good evening. The council approved the harbour bridge repairs on Monday.';

let scratch: string;
let site: ContentServer;
let fake: FakeOpenAI;

function orch(args: string[], env: Record<string, string> = {}) {
  return runOrch(args, {
    cwd: scratch,
    env: { ORCH_DATA_DIR: join(scratch, 'data'), ...env },
    timeoutMs: 90_000,
  });
}

const endpoint = () => ({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url });
const transcriptions = () =>
  fake.requests.filter((request) => request.path.endsWith('/audio/transcriptions'));

beforeAll(async () => {
  expect(existsSync(BIN), 'build the CLI first (pnpm build)').toBe(true);
  scratch = await mkdtemp(join(tmpdir(), 'orch-sources-'));
  site = await startContentServer({
    routes: {
      '/council-speech.ogg': { body: await readFile(AUDIO), contentType: 'audio/ogg' },
      '/talk-city-energy.vtt': { body: await readFile(TALK), contentType: 'text/vtt' },
      '/to-metadata': { status: 302, redirect: 'http://169.254.169.254/latest/meta-data/' },
    },
  });
  fake = await startFakeOpenAI({
    handlers: groundedAnalystHandlers(),
    transcription: () => ({
      text: SPOKEN,
      language: 'english',
      duration: 7.9,
      segments: [
        { start: 0, end: 1.5, text: 'Good evening.' },
        {
          start: 1.5,
          end: 7.9,
          text: 'The council approved the harbour bridge repairs on Monday.',
        },
      ],
    }),
  });
});
afterAll(async () => {
  await Promise.all([site.close(), fake.close()]);
  await rm(scratch, { recursive: true, force: true });
});

describe('orch analyze <url> and media (loopback content server)', () => {
  it('analyses a web article offline with its metadata and without the page boilerplate', async () => {
    const url = site.url('/article.html');
    const { code, stdout, stderr } = await orch([
      'analyze',
      url,
      '--allow-host',
      '127.0.0.1',
      '--format',
      'json',
      '-q',
    ]);
    expect(code, stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    expect(report.source.type).toBe('url');
    expect(report.source.location).toBe(url);
    expect(report.source.title).toBeDefined();
    expect(report.source.author).toBeDefined();
    expect(report.source.publishedAt).toBeDefined();
    expect(report.summary?.summary.length).toBeGreaterThan(0);
    expect(JSON.stringify(report.summary)).not.toMatch(/Subscribe to the newsletter/);
    expect(report.analysis.mode).toBe('offline');
  });

  it('refuses the same URL without --allow-host, and a redirect to the metadata service with it', async () => {
    const blocked = await orch(['analyze', site.url('/article.html')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(
      /^orch: Refusing to fetch .*loopback.*--allow-host 127\.0\.0\.1/,
    );
    const redirected = await orch([
      'analyze',
      site.url('/to-metadata'),
      '--allow-host',
      '127.0.0.1',
    ]);
    expect(redirected.code).toBe(2);
    expect(redirected.stderr).toMatch(/169\.254\.169\.254/);
    expect(site.requests.filter((request) => request.path === '/to-metadata')).toHaveLength(1);
  });

  it('analyses subtitles by URL with their timestamps', async () => {
    const { code, stdout, stderr } = await orch([
      'analyze',
      site.url('/talk-city-energy.vtt'),
      '--allow-host',
      '127.0.0.1',
      '-f',
      'json',
      '-q',
    ]);
    expect(code, stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    expect(report.source.kind).toBe('transcript');
    expect(report.claims?.claims.some((claim) => claim.startSeconds !== undefined)).toBe(true);
  });

  it('downloads and transcribes an audio URL once; the second analysis reuses the transcript', async () => {
    const args = ['analyze', site.url('/council-speech.ogg'), '--allow-host', '127.0.0.1'];
    const first = await orch([...args, '-f', 'json', '-q'], endpoint());
    expect(first.code, first.stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(first.stdout));
    expect(report.source.kind).toBe('media');
    expect(report.source.durationSeconds).toBeGreaterThan(7);
    expect(report.summary?.keyPoints.join(' ')).toContain('harbour bridge');
    // a 8-second clip is under the 45 s minimum for a full analysis of media, and says so
    expect(report.quality?.reasons.join(' ')).toMatch(/45 s minimum/);
    expect(transcriptions()).toHaveLength(1);
    const second = await orch([...args, '-f', 'json', '-q'], endpoint());
    expect(second.code, second.stderr).toBe(0);
    expect(transcriptions()).toHaveLength(1);
  });

  it('transcribes a local audio file, and says what to do when no transcriber is configured', async () => {
    const file = join(scratch, 'speech.ogg');
    await copyFile(AUDIO, file);
    const offline = await orch(['analyze', file]);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/^orch: .*no transcriber is configured. Set OPENAI_API_KEY/);
    const { code, stdout, stderr } = await orch(['analyze', file, '-f', 'json', '-q'], endpoint());
    expect(code, stderr).toBe(0);
    const report = intelligenceReportSchema.parse(JSON.parse(stdout));
    expect(report.source.kind).toBe('media');
    expect(report.summary?.keyPoints.join(' ')).toContain('harbour bridge');
    expect(report.summary?.method).toBe('llm');
  });
});
