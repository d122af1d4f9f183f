import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeOpenAI, startFakeOpenAI, type TranscriptionRequest } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpTranscriberForTests } from './internal/http-transcriber-for-tests.js';
import { loadMediaFile } from './load-media-file.js';
import { createTranscriptCache } from './transcript-cache.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/council-speech.ogg', import.meta.url));
/** ffprobe's duration of the fixture. */
const FIXTURE_SECONDS = 7.87;

/** Answers each chunk with one segment naming the chunk, 0.2 s into it. */
function chunkTranscription(request: TranscriptionRequest) {
  const index = Number(/chunk-(\d+)\./.exec(request.fileName ?? '')?.[1]);
  const text = `Part ${index} of the council speech.`;
  return { text, language: 'english', segments: [{ start: 0.2, end: 1.4, text }] };
}

let fake: FakeOpenAI;
let workDirectory: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ transcription: chunkTranscription });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  fake.setFaults([]);
  workDirectory = await mkdtemp(join(tmpdir(), 'orch-media-file-test-'));
});

afterEach(async () => {
  await rm(workDirectory, { recursive: true, force: true });
});

function transcriptionRequests() {
  return fake.requests.filter((request) => request.path === '/v1/audio/transcriptions');
}

describe('loadMediaFile', { timeout: 60_000 }, () => {
  it('chunks the audio, transcribes every chunk and merges the segments in order with their offsets', async () => {
    const temporaryDirectory = join(workDirectory, 'temp');
    await mkdir(temporaryDirectory);
    const content = await loadMediaFile(FIXTURE, {
      transcriber: httpTranscriberForTests(fake.url),
      chunkSeconds: 2,
      concurrency: 3,
      language: 'en',
      temporaryDirectory,
      now: () => new Date('2025-03-01T10:00:00Z'),
    });

    const requests = transcriptionRequests();
    expect(requests).toHaveLength(4);
    for (const request of requests) {
      expect(request.body).toMatchObject({
        fields: { model: 'whisper-1', response_format: 'verbose_json', language: 'en' },
      });
    }
    expect(content.kind).toBe('media');
    expect(content.segments.map((segment) => segment.text)).toEqual([
      'Part 0 of the council speech.',
      'Part 1 of the council speech.',
      'Part 2 of the council speech.',
      'Part 3 of the council speech.',
    ]);
    // Each segment is 0.2 s into its chunk; chunks start about every 2 s (MP3 frame boundaries).
    content.segments.forEach((segment, index) => {
      expect(segment.startSeconds).toBeGreaterThanOrEqual(index * 2 + 0.2 - 0.1);
      expect(segment.startSeconds).toBeLessThanOrEqual(index * 2 + 0.2 + 0.1);
      expect((segment.endSeconds ?? 0) - (segment.startSeconds ?? 0)).toBeCloseTo(1.2, 5);
      expect(content.text.slice(segment.start, segment.end)).toBe(segment.text);
    });
    expect(content.metadata).toMatchObject({
      source: { type: 'file', location: FIXTURE },
      mediaType: 'audio/ogg',
      language: 'english',
      acquiredAt: '2025-03-01T10:00:00.000Z',
    });
    expect(content.metadata.durationSeconds).toBeCloseTo(FIXTURE_SECONDS, 1);
    // The chunks and converted audio are removed.
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it('transcribes a short file in one request with the default chunk length', async () => {
    fake.reset();
    const content = await loadMediaFile(FIXTURE, {
      transcriber: httpTranscriberForTests(fake.url),
    });
    expect(transcriptionRequests()).toHaveLength(1);
    expect(content.text).toBe('Part 0 of the council speech.');
    expect(content.segments[0]).toMatchObject({ startSeconds: 0.2, endSeconds: 1.4 });
  });

  it('does not transcribe the same file twice when a transcript cache is given', async () => {
    const cache = createTranscriptCache(join(workDirectory, 'cache'));
    const options = {
      transcriber: httpTranscriberForTests(fake.url),
      cache,
      chunkSeconds: 4,
    };
    const first = await loadMediaFile(FIXTURE, options);
    const requestsAfterFirst = transcriptionRequests().length;
    expect(requestsAfterFirst).toBe(2);

    // A copy under another name has the same bytes, hence the same cache entry.
    const copy = join(workDirectory, 'copy.ogg');
    await writeFile(copy, await readFile(FIXTURE));
    const second = await loadMediaFile(copy, options);
    expect(transcriptionRequests()).toHaveLength(requestsAfterFirst);
    expect(second.text).toBe(first.text);
    expect(second.segments).toEqual(first.segments);
    expect(second.metadata.durationSeconds).toBe(first.metadata.durationSeconds);
    expect(second.metadata.source.location).toBe(copy);
  });

  it('asks for a transcriber before running any tool when nothing is cached', async () => {
    await expect(
      loadMediaFile(FIXTURE, { ffmpegPath: '/nonexistent/ffmpeg' }),
    ).rejects.toMatchObject({
      code: 'TRANSCRIBER_MISSING',
      category: 'config',
    });
  });

  it('names the Debian package when ffmpeg is missing', async () => {
    const error = await loadMediaFile(FIXTURE, {
      transcriber: httpTranscriberForTests(fake.url),
      ffmpegPath: join(workDirectory, 'no-such-bin', 'ffmpeg'),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MEDIA_TOOL_MISSING', category: 'config' });
    expect((error as Error).message).toContain('sudo apt-get install ffmpeg');
    expect(transcriptionRequests()).toHaveLength(0);
  });

  it('refuses files that are not audio or video', async () => {
    const notes = join(workDirectory, 'notes.docx');
    await writeFile(notes, 'x');
    await expect(
      loadMediaFile(notes, { transcriber: httpTranscriberForTests(fake.url) }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });

    const fakeAudio = join(workDirectory, 'speech.mp3');
    await writeFile(fakeAudio, 'This is a text file with an mp3 extension.\n');
    const error = await loadMediaFile(fakeAudio, {
      transcriber: httpTranscriberForTests(fake.url),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MEDIA_DECODE_FAILED', category: 'input' });
    expect((error as Error).message).toContain(fakeAudio);
    expect(transcriptionRequests()).toHaveLength(0);

    await expect(
      loadMediaFile(join(workDirectory, 'missing.mp3'), {
        transcriber: httpTranscriberForTests(fake.url),
      }),
    ).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('reports a failing transcription endpoint as TRANSCRIPTION_FAILED and cleans up', async () => {
    const temporaryDirectory = join(workDirectory, 'temp');
    await mkdir(temporaryDirectory);
    fake.setFaults([{ kind: 'server-error', match: 'transcription' }]);
    await expect(
      loadMediaFile(FIXTURE, {
        transcriber: httpTranscriberForTests(fake.url),
        chunkSeconds: 2,
        concurrency: 1,
        temporaryDirectory,
      }),
    ).rejects.toMatchObject({ code: 'TRANSCRIPTION_FAILED', category: 'stage' });
    // The first failure stops the remaining chunks.
    expect(transcriptionRequests()).toHaveLength(1);
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it('stops with CancelledError when the signal fires during transcription', async () => {
    const controller = new AbortController();
    const transcribe = httpTranscriberForTests(fake.url);
    await expect(
      loadMediaFile(FIXTURE, {
        transcriber: async (input) => {
          controller.abort();
          return transcribe(input);
        },
        chunkSeconds: 2,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'RUN_CANCELLED', category: 'cancelled' });
  });

  it('rejects invalid options with INVALID_MEDIA_OPTIONS', async () => {
    await expect(loadMediaFile(FIXTURE, { chunkSeconds: 0 })).rejects.toMatchObject({
      code: 'INVALID_MEDIA_OPTIONS',
    });
    await expect(loadMediaFile(FIXTURE, { concurrency: 1.5 })).rejects.toMatchObject({
      code: 'INVALID_MEDIA_OPTIONS',
    });
    await expect(loadMediaFile(FIXTURE, { language: 'english please' })).rejects.toMatchObject({
      code: 'INVALID_MEDIA_OPTIONS',
    });
  });
});
