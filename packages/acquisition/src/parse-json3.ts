import { InputError } from '@orch/core';
import { decodeHtmlEntities } from './internal/html-entities.js';
import { collapseWhitespace, stripByteOrderMark } from './internal/text-normalization.js';
import type { TranscriptCue } from './transcript-cue.js';

interface Json3Event {
  tStartMs?: unknown;
  dDurationMs?: unknown;
  segs?: unknown;
}

/**
 * Parses YouTube's json3 captions (what yt-dlp writes with `--sub-format json3`) into cues. Each
 * event with text segments (`segs[].utf8`) becomes a cue from `tStartMs` for `dDurationMs`;
 * segments are joined, line breaks become spaces, whitespace is collapsed and entities decoded.
 * Events without text (window definitions, the line breaks of automatic captions) are skipped.
 * Automatic captions overlap (a line stays on screen while the next one is spoken), so a cue
 * that runs past the start of the next one ends where the next one starts. Cues come out sorted
 * by start time; a file without text gives an empty array.
 *
 * @throws InputError INVALID_TRANSCRIPT when the text is not JSON or has no `events` array.
 */
export function parseJson3(text: string): TranscriptCue[] {
  let value: unknown;
  try {
    value = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    throw invalid(
      `it is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
      error,
    );
  }
  const events =
    typeof value === 'object' && value !== null && 'events' in value ? value.events : undefined;
  if (!Array.isArray(events)) throw invalid('it has no "events" array');

  const cues: TranscriptCue[] = [];
  for (const event of events as Json3Event[]) {
    if (typeof event !== 'object' || event === null || !Array.isArray(event.segs)) continue;
    const start = milliseconds(event.tStartMs);
    if (start === undefined) continue;
    const duration = milliseconds(event.dDurationMs) ?? 0;
    const joined = (event.segs as unknown[])
      .map((segment) =>
        typeof segment === 'object' && segment !== null && 'utf8' in segment
          ? String(segment.utf8)
          : '',
      )
      .join('');
    const cueText = collapseWhitespace(decodeHtmlEntities(joined));
    if (cueText.length === 0) continue;
    cues.push({ startSeconds: start / 1000, endSeconds: (start + duration) / 1000, text: cueText });
  }
  cues.sort((left, right) => left.startSeconds - right.startSeconds);
  return cues.map((cue, index) => {
    const next = cues[index + 1];
    if (
      next !== undefined &&
      next.startSeconds > cue.startSeconds &&
      cue.endSeconds > next.startSeconds
    ) {
      return { ...cue, endSeconds: next.startSeconds };
    }
    return cue;
  });
}

function milliseconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function invalid(problem: string, cause?: unknown): InputError {
  return new InputError(
    'INVALID_TRANSCRIPT',
    `The json3 captions cannot be read: ${problem}. Check that the file is YouTube json3 captions (yt-dlp --sub-format json3).`,
    cause === undefined ? {} : { cause },
  );
}
