import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeOpenAI, startFakeOpenAI, type TranscriptionRequest } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTranscriber } from './create-transcriber.js';
import { type LlmConfig, resolveLlmConfig } from './llm-config.js';

let fake: FakeOpenAI;
let directory: string;
let audioPath: string;
const seen: TranscriptionRequest[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI({
    transcription: (request) => {
      seen.push(request);
      return {
        text: 'Good evening. The bridge reopens on Monday.',
        language: 'english',
        duration: 4.2,
        segments: [
          { start: 0, end: 1.5, text: ' Good evening.' },
          { start: 1.5, end: 4.2, text: ' The bridge reopens on Monday.' },
          { start: 4.2, end: 4.2, text: '  ' },
        ],
      };
    },
  });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  fake.setFaults([]);
  seen.length = 0;
  directory = await mkdtemp(join(tmpdir(), 'orch-transcriber-test-'));
  audioPath = join(directory, 'chunk-00000.mp3');
  await writeFile(audioPath, Buffer.alloc(24_000, 9));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function configFor(env: Record<string, string> = {}): LlmConfig {
  const config = resolveLlmConfig({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, ...env },
  });
  if (config === null) throw new Error('expected a config');
  return config;
}

describe('createTranscriber', () => {
  it('uploads the file with verbose_json and segment timestamps and returns timed segments', async () => {
    const transcribe = createTranscriber(configFor());
    const result = await transcribe({ path: audioPath, language: 'en' });
    expect(result).toEqual({
      language: 'english',
      segments: [
        { startSeconds: 0, endSeconds: 1.5, text: 'Good evening.' },
        { startSeconds: 1.5, endSeconds: 4.2, text: 'The bridge reopens on Monday.' },
      ],
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.fileBytes).toBe(24_000);
    expect(seen[0]?.fileName).toBe('chunk-00000.mp3');
    expect(seen[0]?.fields).toMatchObject({
      model: 'whisper-1',
      response_format: 'verbose_json',
      language: 'en',
    });
    expect(JSON.stringify(seen[0]?.fields)).toContain('segment');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('uses the model of ORCH_TRANSCRIPTION_MODEL and leaves the language out when not given', async () => {
    const transcribe = createTranscriber(
      configFor({ ORCH_TRANSCRIPTION_MODEL: 'Systran/faster-whisper-small' }),
    );
    await transcribe({ path: audioPath });
    expect(seen[0]?.fields.model).toBe('Systran/faster-whisper-small');
    expect(seen[0]?.fields).not.toHaveProperty('language');
  });

  it('asks gpt-4o transcription models for json and returns the text as one segment', async () => {
    const transcribe = createTranscriber(
      configFor({ ORCH_TRANSCRIPTION_MODEL: 'gpt-4o-mini-transcribe' }),
    );
    const result = await transcribe({ path: audioPath, language: 'en' });
    expect(seen[0]?.fields.response_format).toBe('json');
    expect(result).toEqual({
      language: 'en',
      segments: [
        { startSeconds: 0, endSeconds: 0, text: 'Good evening. The bridge reopens on Monday.' },
      ],
    });
  });

  it('maps endpoint failures to the ProviderError codes of the chat client, without retrying', async () => {
    const transcribe = createTranscriber(configFor());
    fake.setFaults([{ kind: 'rate-limit', match: 'transcription', times: 1 }]);
    await expect(transcribe({ path: audioPath })).rejects.toMatchObject({
      code: 'PROVIDER_RATE_LIMITED',
      retryable: true,
    });
    expect(fake.requests).toHaveLength(1);

    fake.setFaults([{ kind: 'unauthorized', match: 'transcription', times: 1 }]);
    await expect(transcribe({ path: audioPath })).rejects.toMatchObject({
      code: 'PROVIDER_AUTH_FAILED',
      retryable: false,
    });
    fake.setFaults([{ kind: 'server-error', match: 'transcription', times: 1 }]);
    await expect(transcribe({ path: audioPath })).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
    });
  });

  it('refuses replies that are not transcripts with TRANSCRIPTION_MALFORMED', async () => {
    const transcribe = createTranscriber(configFor());
    fake.setFaults([{ kind: 'schema-violation', match: 'transcription', times: 1 }]);
    await expect(transcribe({ path: audioPath })).rejects.toMatchObject({
      code: 'TRANSCRIPTION_MALFORMED',
      category: 'validation',
    });
    fake.setFaults([{ kind: 'malformed-json', match: 'transcription', times: 1 }]);
    await expect(transcribe({ path: audioPath })).rejects.toMatchObject({
      code: 'TRANSCRIPTION_MALFORMED',
    });
  });

  it('checks the file before sending anything', async () => {
    const transcribe = createTranscriber(configFor());
    await expect(transcribe({ path: join(directory, 'missing.mp3') })).rejects.toMatchObject({
      code: 'AUDIO_FILE_NOT_READABLE',
      category: 'input',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects with CancelledError when the signal fires while the endpoint is silent', async () => {
    const transcribe = createTranscriber(configFor());
    fake.setFaults([{ kind: 'hang', match: 'transcription' }]);
    const controller = new AbortController();
    const pending = transcribe({ path: audioPath, signal: controller.signal });
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'RUN_CANCELLED', category: 'cancelled' });
  });

  it('refuses an invalid timeout', () => {
    expect(() => createTranscriber(configFor(), { timeoutMs: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_LLM_CONFIG' }),
    );
  });
});
