import type { ServerResponse } from 'node:http';
import type { TranscriptionReply, TranscriptionRequest } from '../transcription.js';
import { faultErrorReply } from './fault-reply.js';
import { sendError, sendJson, sendText, waitWhileOpen } from './http.js';
import { truncateJson } from './malformed-json.js';
import type { MultipartForm } from './multipart.js';
import type { ServerState } from './server-state.js';

const FORMATS = ['json', 'verbose_json', 'text', 'srt', 'vtt'] as const;
/** 16 kHz, 16-bit, mono PCM: the byte rate the default transcript assumes for its duration. */
const DEFAULT_BYTES_PER_SECOND = 32_000;

/** The transcript when no `transcription` handler is set: it states what the server received. */
export function defaultTranscription(request: TranscriptionRequest): TranscriptionReply {
  const duration = Math.max(
    0.01,
    Math.round((request.fileBytes / DEFAULT_BYTES_PER_SECOND) * 100) / 100,
  );
  const text = `The fake OpenAI server received ${request.fileBytes} bytes of audio.`;
  return { text, language: 'english', duration, segments: [{ start: 0, end: duration, text }] };
}

export async function handleTranscription(
  state: ServerState,
  form: MultipartForm | undefined,
  response: ServerResponse,
): Promise<void> {
  const badRequest = (message: string): void =>
    sendError(response, { status: 400, type: 'invalid_request_error', code: null, message });
  if (form === undefined) {
    badRequest('Send the audio as multipart/form-data with a "file" part and a "model" field.');
    return;
  }
  if (form.fileName === undefined && form.fileBytes === 0) {
    badRequest("Missing required parameter: 'file'. Attach the audio file.");
    return;
  }
  if (!form.fields.model) {
    badRequest("Missing required parameter: 'model'. Pass e.g. model: 'whisper-1'.");
    return;
  }
  const format = form.fields.response_format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    badRequest(`Unsupported response_format "${format}"; use one of ${FORMATS.join(', ')}.`);
    return;
  }
  if (form.fields.stream === 'true') {
    badRequest('The fake OpenAI server does not stream transcriptions; leave out stream: true.');
    return;
  }

  const fault = state.faults.take({ route: 'transcription' });
  if (fault?.kind === 'hang') return;
  const latency = typeof state.latencyMs === 'number' ? state.latencyMs : 0;
  if (!(await waitWhileOpen(response, latency))) return;
  const errorReply = fault === undefined ? undefined : faultErrorReply(fault);
  if (errorReply !== undefined) {
    sendError(response, errorReply);
    return;
  }
  if (fault?.kind === 'malformed-json') {
    sendText(response, 200, truncateJson('{"text": "The court ruled on the appeal."}'), {
      'content-type': 'application/json',
    });
    return;
  }
  if (fault?.kind === 'schema-violation') {
    sendJson(response, 200, { text: 12345 });
    return;
  }

  const request: TranscriptionRequest = { fields: form.fields, fileBytes: form.fileBytes };
  if (form.fileName !== undefined) request.fileName = form.fileName;
  let reply: TranscriptionReply;
  try {
    reply = await (state.transcription ?? defaultTranscription)(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sendError(response, {
      status: 500,
      type: 'server_error',
      code: 'fake_handler_error',
      message: `The transcription handler of the fake OpenAI server threw: ${message}. Fix the handler in your test.`,
    });
    return;
  }
  sendTranscription(response, format, reply, form.fields.language);
}

function sendTranscription(
  response: ServerResponse,
  format: string,
  reply: TranscriptionReply,
  requestedLanguage: string | undefined,
): void {
  const segments = reply.segments ?? [{ start: 0, end: reply.duration ?? 0, text: reply.text }];
  const duration = reply.duration ?? segments.at(-1)?.end ?? 0;
  switch (format) {
    case 'text':
      sendText(response, 200, reply.text);
      return;
    case 'srt':
      sendText(response, 200, toSubtitles(segments, 'srt'));
      return;
    case 'vtt':
      sendText(response, 200, toSubtitles(segments, 'vtt'), { 'content-type': 'text/vtt' });
      return;
    case 'verbose_json':
      sendJson(response, 200, {
        task: 'transcribe',
        language: reply.language ?? requestedLanguage ?? 'english',
        duration,
        text: reply.text,
        segments: segments.map((segment, index) => ({
          id: index,
          seek: 0,
          start: segment.start,
          end: segment.end,
          text: segment.text,
          tokens: [],
          temperature: 0,
          avg_logprob: -0.2,
          compression_ratio: 1,
          no_speech_prob: 0.01,
        })),
        usage: { type: 'duration', seconds: Math.ceil(duration) },
      });
      return;
    default:
      sendJson(response, 200, {
        text: reply.text,
        usage: { type: 'duration', seconds: Math.ceil(duration) },
      });
  }
}

function toSubtitles(
  segments: { start: number; end: number; text: string }[],
  kind: 'srt' | 'vtt',
): string {
  const separator = kind === 'srt' ? ',' : '.';
  const stamp = (seconds: number): string => {
    const milliseconds = Math.round(seconds * 1000);
    const hours = Math.floor(milliseconds / 3_600_000);
    const minutes = Math.floor((milliseconds % 3_600_000) / 60_000);
    const wholeSeconds = Math.floor((milliseconds % 60_000) / 1000);
    const rest = milliseconds % 1000;
    const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
    return `${pad(hours)}:${pad(minutes)}:${pad(wholeSeconds)}${separator}${pad(rest, 3)}`;
  };
  const cues = segments.map((segment, index) => {
    const timing = `${stamp(segment.start)} --> ${stamp(segment.end)}`;
    return kind === 'srt'
      ? `${index + 1}\n${timing}\n${segment.text.trim()}\n`
      : `${timing}\n${segment.text.trim()}\n`;
  });
  return kind === 'srt' ? cues.join('\n') : `WEBVTT\n\n${cues.join('\n')}`;
}
