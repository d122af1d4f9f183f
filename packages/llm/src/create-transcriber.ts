import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CancelledError, InputError, ValidationError } from '@orch/core';
import { endpointLabel } from './internal/endpoint.js';
import { openAiClientFor } from './internal/openai-client.js';
import { type RequestScope, toProviderError } from './internal/to-provider-error.js';
import type { LlmConfig } from './llm-config.js';

/** One timed piece of speech, times relative to the start of the transcribed file. */
export interface TranscriptionSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
  speaker?: string;
}

/** The audio file to transcribe. */
export interface TranscriptionInput {
  path: string;
  /** Aborts the upload; the call then rejects with CancelledError. */
  signal?: AbortSignal;
  /** The spoken language as an ISO 639-1 code (`en`); detected when absent. */
  language?: string;
}

/** The transcript of one audio file. */
export interface TranscriptionResult {
  segments: TranscriptionSegment[];
  /** The language the endpoint reports (Whisper says `english`), or the one asked for. */
  language?: string;
}

/**
 * Transcribes one audio file. Structurally the same as the `Transcriber` port of
 * @orch/acquisition, so a transcriber made here can be passed to `loadMediaFile`/`loadMediaUrl`.
 */
export type Transcriber = (input: TranscriptionInput) => Promise<TranscriptionResult>;

export interface TranscriberOptions {
  /** The fetch the openai client uses (proxies, tests); default the global fetch. */
  fetch?: typeof fetch;
  /** Abort a request that has not answered after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
}

/** gpt-4o transcription models answer json only: no timestamps. */
const TEXT_ONLY_MODEL = /^gpt-4o.*transcribe/i;

/**
 * Creates a transcriber for the endpoint of `config` over the official openai package
 * (`audio.transcriptions.create`, maxRetries 0: retries belong to @orch/recovery) with
 * `config.transcriptionModel`. Whisper models are asked for `verbose_json` with segment
 * timestamps; a reply without segments (gpt-4o-transcribe models, which answer plain `json`)
 * becomes one segment over the whole file (`endSeconds` is the reported duration, or 0).
 *
 * Errors: InputError AUDIO_FILE_NOT_READABLE before any request; the ProviderError codes of the
 * chat client (PROVIDER_RATE_LIMITED, PROVIDER_UNAVAILABLE, PROVIDER_TIMEOUT,
 * PROVIDER_AUTH_FAILED, PROVIDER_BAD_REQUEST, ...); ValidationError TRANSCRIPTION_MALFORMED when
 * the reply is not a transcript; CancelledError when `signal` fires.
 */
export function createTranscriber(
  config: LlmConfig,
  options: TranscriberOptions = {},
): Transcriber {
  const model = config.transcriptionModel?.trim() ?? '';
  const openai = openAiClientFor(config, 'transcriptionModel', options);
  const endpoint = endpointLabel(config.baseUrl);
  const textOnly = TEXT_ONLY_MODEL.test(model);

  return async ({ path, signal, language }) => {
    if (signal?.aborted === true) {
      throw new CancelledError(`The transcription of ${path} was cancelled before it was sent.`, {
        cause: signal.reason,
      });
    }
    try {
      const stats = await stat(path);
      if (!stats.isFile()) throw new Error('it is not a file');
    } catch (error) {
      throw new InputError(
        'AUDIO_FILE_NOT_READABLE',
        `Cannot read the audio file ${path} to transcribe (${error instanceof Error ? error.message : String(error)}). Check that the file exists and is readable.`,
        { cause: error, details: { path } },
      );
    }
    const scope: RequestScope = { model, endpoint, signal };
    let reply: unknown;
    try {
      reply = await openai.audio.transcriptions.create(
        {
          file: createReadStream(path),
          model,
          ...(textOnly
            ? { response_format: 'json' as const }
            : {
                response_format: 'verbose_json' as const,
                timestamp_granularities: ['segment' as const],
              }),
          ...(language === undefined ? {} : { language }),
        },
        signal === undefined ? {} : { signal },
      );
    } catch (error) {
      if (error instanceof SyntaxError) throw malformed(model, endpoint, error.message, error);
      throw toProviderError(error, scope);
    }
    return readTranscription(reply, language, model, endpoint);
  };
}

interface RawSegment {
  start?: unknown;
  end?: unknown;
  text?: unknown;
  speaker?: unknown;
}

function readTranscription(
  reply: unknown,
  requestedLanguage: string | undefined,
  model: string,
  endpoint: string,
): TranscriptionResult {
  if (
    typeof reply !== 'object' ||
    reply === null ||
    typeof (reply as { text?: unknown }).text !== 'string'
  ) {
    throw malformed(model, endpoint, 'the reply has no "text" string');
  }
  const body = reply as {
    text: string;
    language?: unknown;
    duration?: unknown;
    segments?: unknown;
  };
  const language =
    typeof body.language === 'string' && body.language.trim() !== ''
      ? body.language.trim()
      : requestedLanguage;
  const withLanguage = (segments: TranscriptionSegment[]): TranscriptionResult =>
    language === undefined ? { segments } : { segments, language };

  if (Array.isArray(body.segments)) {
    const segments: TranscriptionSegment[] = [];
    for (const raw of body.segments as RawSegment[]) {
      const start = Number(raw?.start);
      const end = Number(raw?.end);
      if (typeof raw?.text !== 'string' || !Number.isFinite(start) || !Number.isFinite(end)) {
        throw malformed(model, endpoint, 'a segment lacks a numeric start, end or text');
      }
      const text = raw.text.trim();
      if (text === '') continue;
      segments.push({
        startSeconds: Math.max(0, start),
        endSeconds: Math.max(0, start, end),
        text,
        ...(typeof raw.speaker === 'string' && raw.speaker.trim() !== ''
          ? { speaker: raw.speaker.trim() }
          : {}),
      });
    }
    return withLanguage(segments);
  }
  const text = body.text.trim();
  if (text === '') return withLanguage([]);
  const duration = Number(body.duration);
  return withLanguage([
    { startSeconds: 0, endSeconds: Number.isFinite(duration) && duration > 0 ? duration : 0, text },
  ]);
}

function malformed(
  model: string,
  endpoint: string,
  problem: string,
  cause?: unknown,
): ValidationError {
  return new ValidationError(
    'TRANSCRIPTION_MALFORMED',
    `${endpoint} did not return a transcript for ${model} (${problem}). Retry; if it persists, check that the endpoint supports /audio/transcriptions.`,
    { retryable: true, details: { model, endpoint }, ...(cause === undefined ? {} : { cause }) },
  );
}
