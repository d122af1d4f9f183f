import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, type FakeOpenAIOptions, startFakeOpenAI } from './fake-openai.js';
import type { TranscriptionRequest } from './transcription.js';

const opened: FakeOpenAI[] = [];

async function start(options?: FakeOpenAIOptions): Promise<{ fake: FakeOpenAI; client: OpenAI }> {
  const fake = await startFakeOpenAI(options);
  opened.push(fake);
  return { fake, client: new OpenAI({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 }) };
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((fake) => fake.close()));
});

const audio = Buffer.alloc(48_000, 7);

describe('startFakeOpenAI: /v1/audio/transcriptions', () => {
  it('passes the form fields and file size to the transcription handler and answers verbose_json', async () => {
    const seen: TranscriptionRequest[] = [];
    const { fake, client } = await start({
      transcription: (request) => {
        seen.push(request);
        return {
          text: 'Good evening. The bridge reopens on Monday.',
          language: 'english',
          duration: 4.2,
          segments: [
            { start: 0, end: 1.5, text: 'Good evening.' },
            { start: 1.5, end: 4.2, text: 'The bridge reopens on Monday.' },
          ],
        };
      },
    });
    const transcription = await client.audio.transcriptions.create({
      file: await toFile(audio, 'a.wav'),
      model: 'whisper-1',
      response_format: 'verbose_json',
      language: 'en',
      timestamp_granularities: ['segment'],
    });
    expect(transcription.text).toBe('Good evening. The bridge reopens on Monday.');
    expect(transcription.duration).toBe(4.2);
    expect(transcription.language).toBe('english');
    expect(
      transcription.segments?.map((segment) => [segment.start, segment.end, segment.text]),
    ).toEqual([
      [0, 1.5, 'Good evening.'],
      [1.5, 4.2, 'The bridge reopens on Monday.'],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.fileBytes).toBe(audio.length);
    expect(seen[0]?.fileName).toBe('a.wav');
    expect(seen[0]?.fields).toMatchObject({
      model: 'whisper-1',
      response_format: 'verbose_json',
      language: 'en',
    });
    expect(fake.requests[0]?.path).toBe('/v1/audio/transcriptions');
    expect(fake.requests[0]?.body).toMatchObject({ fileBytes: audio.length });
  });

  it('answers json, text and srt formats with the default transcript', async () => {
    const { client } = await start();
    const file = async () => toFile(audio, 'a.wav');
    const json = await client.audio.transcriptions.create({
      file: await file(),
      model: 'whisper-1',
    });
    expect(json.text).toContain(String(audio.length));

    const text = await client.audio.transcriptions.create({
      file: await file(),
      model: 'whisper-1',
      response_format: 'text',
    });
    expect(text).toBe(json.text);

    const srt = await client.audio.transcriptions.create({
      file: await file(),
      model: 'whisper-1',
      response_format: 'srt',
    });
    expect(srt).toBe(`1\n00:00:00,000 --> 00:00:01,500\n${json.text}\n`);
  });

  it('rejects a request without a file as a bad request', async () => {
    const { client } = await start();
    const error = await client
      .post('/audio/transcriptions', {
        body: { model: 'whisper-1' },
        headers: { 'content-type': 'application/json' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('applies faults matched by "transcription" or unmatched faults to transcription requests', async () => {
    const { fake, client } = await start({
      faults: [
        { kind: 'rate-limit', match: 'summary' },
        { kind: 'server-error', match: 'transcription', times: 1 },
      ],
    });
    const request = async () =>
      client.audio.transcriptions.create({
        file: await toFile(audio, 'a.wav'),
        model: 'whisper-1',
      });
    await expect(request()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(request()).resolves.toHaveProperty('text');

    fake.setFaults([{ kind: 'rate-limit', times: 1 }]);
    await expect(request()).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(request()).resolves.toHaveProperty('text');
  });
});
