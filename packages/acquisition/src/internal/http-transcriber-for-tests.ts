import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Transcriber } from '../transcriber.js';

/**
 * A Transcriber for tests that posts the audio to an OpenAI-compatible
 * `/v1/audio/transcriptions` endpoint (the fake server of @orch/testkit) with fetch, so tests of
 * acquisition exercise real HTTP without depending on @orch/llm. Not exported by the package.
 */
export function httpTranscriberForTests(baseUrl: string): Transcriber {
  return async ({ path, signal, language }) => {
    const form = new FormData();
    form.set('file', new Blob([await readFile(path)], { type: 'audio/mpeg' }), basename(path));
    form.set('model', 'whisper-1');
    form.set('response_format', 'verbose_json');
    if (language !== undefined) form.set('language', language);
    const response = await fetch(`${baseUrl}/audio/transcriptions`, {
      method: 'POST',
      body: form,
      ...(signal === undefined ? {} : { signal }),
    });
    if (!response.ok) throw new Error(`transcription failed with status ${response.status}`);
    const body = (await response.json()) as {
      language?: string;
      segments?: { start: number; end: number; text: string }[];
    };
    return {
      segments: (body.segments ?? []).map((segment) => ({
        startSeconds: segment.start,
        endSeconds: segment.end,
        text: segment.text,
      })),
      ...(body.language === undefined ? {} : { language: body.language }),
    };
  };
}
