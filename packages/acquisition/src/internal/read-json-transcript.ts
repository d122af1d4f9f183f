import { InputError } from '@orch/core';
import type { JsonTranscript } from '../json-transcript.js';
import { JSON_TRANSCRIPT_FORMAT, jsonTranscriptSchema } from '../json-transcript.js';
import type { TranscriptCue } from '../transcript-cue.js';
import { collapseWhitespace, nonEmpty, stripByteOrderMark } from './text-normalization.js';

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  let result = '';
  for (const key of path) {
    result +=
      typeof key === 'number' ? `[${key}]` : `${result.length > 0 ? '.' : ''}${String(key)}`;
  }
  return result;
}

function invalid(subject: string, problem: string, cause?: unknown): InputError {
  return new InputError(
    'INVALID_TRANSCRIPT',
    `${subject} is not a valid JSON transcript: ${problem}. Expected ${JSON_TRANSCRIPT_FORMAT} (see "JSON transcript format" in the @orch/acquisition README).`,
    cause === undefined ? {} : { cause },
  );
}

/** Parses and validates a JSON transcript; `subject` names it in error messages (a path). */
export function parseJsonTranscriptOf(text: string, subject: string): JsonTranscript {
  let value: unknown;
  try {
    value = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(subject, `it is not valid JSON (${reason})`, error);
  }
  const result = jsonTranscriptSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const problem =
      issue === undefined ? 'unknown problem' : `${formatPath(issue.path)}: ${issue.message}`;
    throw invalid(subject, problem, result.error);
  }
  const cues: TranscriptCue[] = [];
  const speakers: string[] = [];
  for (const segment of result.data.segments) {
    const cueText = collapseWhitespace(segment.text);
    if (cueText.length === 0) continue;
    const speaker = nonEmpty(segment.speaker);
    if (speaker !== undefined && !speakers.includes(speaker)) speakers.push(speaker);
    cues.push({
      startSeconds: segment.start,
      endSeconds: segment.end,
      text: cueText,
      ...(speaker === undefined ? {} : { speaker }),
    });
  }
  if (cues.length === 0) throw invalid(subject, 'every segment has empty text');
  const title = nonEmpty(result.data.title);
  const language = nonEmpty(result.data.language);
  return {
    cues,
    ...(title === undefined ? {} : { title }),
    ...(language === undefined ? {} : { language }),
    ...(speakers.length === 0 ? {} : { speakers }),
  };
}
