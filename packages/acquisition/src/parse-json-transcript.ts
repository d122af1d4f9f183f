import { parseJsonTranscriptOf } from './internal/read-json-transcript.js';
import type { JsonTranscript } from './json-transcript.js';

/**
 * Parses a JSON transcript (format in the README): cues with their times, text (whitespace
 * collapsed, empty segments dropped) and speaker, plus title, language and the list of speakers.
 * Throws InputError INVALID_TRANSCRIPT naming the wrong field when the JSON does not match.
 */
export function parseJsonTranscript(text: string): JsonTranscript {
  return parseJsonTranscriptOf(text, 'The text');
}
