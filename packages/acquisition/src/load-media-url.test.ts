import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpTranscriberForTests } from './internal/http-transcriber-for-tests.js';
import { loadMediaUrl } from './load-media-url.js';
import { createTranscriptCache } from './transcript-cache.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/council-speech.ogg', import.meta.url));

const ENGLISH_VTT = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:02.500',
  'Good evening.',
  '',
  '00:00:02.500 --> 00:00:05.000',
  'The bridge reopens on Monday.',
  '',
].join('\n');

const GERMAN_VTT = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:02.500',
  'Guten Abend.',
  '',
  '00:00:02.500 --> 00:00:05.000',
  'Die Brücke öffnet am Montag.',
  '',
].join('\n');

function videoPage(tracks: string): string {
  return `<!doctype html><html><head><title>Council talk</title></head><body>
<video controls><source src="/talk.mp4" type="video/mp4">${tracks}</video>
</body></html>`;
}

/** A loopback web server with a direct audio link and video pages with subtitle tracks. */
async function startSite(audio: Buffer): Promise<{ server: Server; origin: string }> {
  const routes: Record<string, { type: string; body: string | Buffer }> = {
    '/council-speech.ogg': { type: 'audio/ogg', body: audio },
    '/talk.html': {
      type: 'text/html; charset=utf-8',
      body: videoPage('<track kind="subtitles" srclang="en" src="/talk.vtt" label="English">'),
    },
    '/talk-two-languages.html': {
      type: 'text/html; charset=utf-8',
      body: videoPage(
        '<track kind="subtitles" srclang="en" src="/talk.vtt"><track kind="subtitles" srclang="de" src="/talk.de.vtt">',
      ),
    },
    '/talk.vtt': { type: 'text/vtt; charset=utf-8', body: ENGLISH_VTT },
    '/talk.de.vtt': { type: 'text/vtt; charset=utf-8', body: GERMAN_VTT },
  };
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : route.body;
    response.writeHead(200, { 'content-type': route.type, 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

let fake: FakeOpenAI;
let site: { server: Server; origin: string };
let workDirectory: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({
    transcription: () => ({
      text: 'Good evening. The bridge on Main Street reopens on Monday.',
      language: 'english',
      segments: [
        { start: 0, end: 1.6, text: 'Good evening.' },
        { start: 1.6, end: 4.8, text: 'The bridge on Main Street reopens on Monday.' },
      ],
    }),
  });
  site = await startSite(await readFile(FIXTURE));
});

afterAll(async () => {
  await fake.close();
  await new Promise<void>((resolve) => site.server.close(() => resolve()));
});

beforeEach(async () => {
  fake.reset();
  workDirectory = await mkdtemp(join(tmpdir(), 'orch-media-url-test-'));
});

afterEach(async () => {
  await rm(workDirectory, { recursive: true, force: true });
});

function transcriptionRequests() {
  return fake.requests.filter((request) => request.path === '/v1/audio/transcriptions');
}

describe('loadMediaUrl', { timeout: 60_000 }, () => {
  it('downloads a direct audio link with yt-dlp and transcribes it', async () => {
    const temporaryDirectory = join(workDirectory, 'temp');
    await mkdir(temporaryDirectory);
    const url = new URL(`${site.origin}/council-speech.ogg`);
    const content = await loadMediaUrl(url, {
      transcriber: httpTranscriberForTests(fake.url),
      temporaryDirectory,
    });
    expect(transcriptionRequests()).toHaveLength(1);
    expect(content.kind).toBe('media');
    expect(content.text).toBe('Good evening. The bridge on Main Street reopens on Monday.');
    expect(content.segments.map((segment) => [segment.startSeconds, segment.endSeconds])).toEqual([
      [0, 1.6],
      [1.6, 4.8],
    ]);
    expect(content.metadata).toMatchObject({
      source: { type: 'url', location: url.href },
      platform: 'generic',
      videoId: 'council-speech',
      title: 'council-speech',
      mediaType: 'audio/ogg',
      language: 'english',
    });
    expect(content.metadata.byteLength).toBe((await readFile(FIXTURE)).length);
    expect(content.metadata.durationSeconds).toBeCloseTo(7.87, 1);
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it('uses the subtitles a video page offers and transcribes nothing', async () => {
    const url = new URL(`${site.origin}/talk.html`);
    const content = await loadMediaUrl(url, { transcriber: httpTranscriberForTests(fake.url) });
    expect(transcriptionRequests()).toHaveLength(0);
    expect(content.text).toBe('Good evening. The bridge reopens on Monday.');
    expect(content.segments).toEqual([
      { index: 0, text: 'Good evening.', start: 0, end: 13, startSeconds: 0, endSeconds: 2.5 },
      {
        index: 1,
        text: 'The bridge reopens on Monday.',
        start: 14,
        end: 43,
        startSeconds: 2.5,
        endSeconds: 5,
      },
    ]);
    expect(content.metadata.title).toContain('Council talk');
    expect(content.metadata.source.location).toBe(url.href);
    expect(content.metadata.language).toBe('en');
  });

  it('picks the subtitle track of the language asked for', async () => {
    const url = new URL(`${site.origin}/talk-two-languages.html`);
    const german = await loadMediaUrl(url, { language: 'de' });
    expect(german.text).toBe('Guten Abend. Die Brücke öffnet am Montag.');
    expect(german.metadata.language).toBe('de');
    const english = await loadMediaUrl(url, {});
    expect(english.text).toBe('Good evening. The bridge reopens on Monday.');
  });

  it('does not transcribe the same media twice when a transcript cache is given', async () => {
    const url = new URL(`${site.origin}/council-speech.ogg`);
    const options = {
      transcriber: httpTranscriberForTests(fake.url),
      cache: createTranscriptCache(join(workDirectory, 'cache')),
    };
    const first = await loadMediaUrl(url, options);
    expect(transcriptionRequests()).toHaveLength(1);
    const second = await loadMediaUrl(url, options);
    expect(transcriptionRequests()).toHaveLength(1);
    expect(second.text).toBe(first.text);
    expect(second.segments).toEqual(first.segments);
    expect(second.metadata.videoId).toBe('council-speech');
  });

  it('asks for a transcriber when the media has no subtitles', async () => {
    await expect(loadMediaUrl(new URL(`${site.origin}/council-speech.ogg`))).rejects.toMatchObject({
      code: 'TRANSCRIBER_MISSING',
      category: 'config',
    });
  });

  it("quotes yt-dlp's error when the media does not exist", async () => {
    const error = await loadMediaUrl(new URL(`${site.origin}/gone.mp3`), {
      transcriber: httpTranscriberForTests(fake.url),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MEDIA_UNAVAILABLE', category: 'input' });
    expect((error as Error).message).toContain('HTTP Error 404');
    expect((error as Error).message).not.toContain('please report this issue');
  });

  it('names the Debian package when yt-dlp is missing', async () => {
    const error = await loadMediaUrl(new URL(`${site.origin}/talk.html`), {
      ytDlpPath: join(workDirectory, 'no-such-bin', 'yt-dlp'),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MEDIA_TOOL_MISSING', category: 'config' });
    expect((error as Error).message).toContain('sudo apt-get install yt-dlp');
  });

  it('refuses URLs that are not http(s)', async () => {
    await expect(loadMediaUrl(new URL('file:///etc/passwd'))).rejects.toMatchObject({
      code: 'MEDIA_URL_INVALID',
    });
  });
});
