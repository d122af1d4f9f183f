import type { TranscriptCue } from '../transcript-cue.js';
import { decodeHtmlEntities } from './html-entities.js';
import { collapseWhitespace } from './text-normalization.js';

/** A cue as read from a subtitle file, its lines not yet merged. */
export interface RawCue {
  startSeconds: number;
  endSeconds: number;
  lines: string[];
  speaker?: string;
}

/** Removes inline markup from a subtitle line: tags, ASS overrides like `{\an8}`; decodes entities. */
export function cleanCueLine(line: string): string {
  const withoutTags = line.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '');
  return collapseWhitespace(decodeHtmlEntities(withoutTags));
}

/** Transitional cues shorter than this that only repeat the previous line are dropped. */
const TRANSITION_SECONDS = 0.1;

/**
 * Collapses the rolling duplicates of auto-generated captions (YouTube style), where each cue
 * repeats the previous cue's last line before adding a new one:
 * - a cue whose first line equals the previous cue's last line loses that line when it has more;
 * - a cue whose only line equals the previous cue's last line is dropped when the previous cue
 *   rolled (had two or more lines) or when it lasts under 0.1 s.
 * Repetitions in ordinary subtitles (one line per cue, normal durations) are kept.
 */
export function collapseRollingCaptions(cues: readonly RawCue[]): RawCue[] {
  const result: RawCue[] = [];
  let previous: RawCue | undefined;
  for (const cue of cues) {
    const previousLast = previous?.lines[previous.lines.length - 1];
    let lines = cue.lines;
    if (previous !== undefined && previousLast !== undefined && lines[0] === previousLast) {
      const rolled = previous.lines.length > 1;
      const transitional = cue.endSeconds - cue.startSeconds < TRANSITION_SECONDS;
      if (lines.length > 1) {
        lines = lines.slice(1);
      } else if (rolled || transitional) {
        previous = { ...cue, lines: cue.lines };
        continue;
      }
    }
    result.push({ ...cue, lines });
    previous = cue;
  }
  return result;
}

/** Turns raw cues into TranscriptCues: lines joined with a space, empty cues dropped. */
export function finishCues(cues: readonly RawCue[]): TranscriptCue[] {
  const result: TranscriptCue[] = [];
  for (const cue of collapseRollingCaptions(cues)) {
    const text = collapseWhitespace(cue.lines.join(' '));
    if (text.length === 0) continue;
    result.push({
      startSeconds: cue.startSeconds,
      endSeconds: cue.endSeconds,
      text,
      ...(cue.speaker === undefined ? {} : { speaker: cue.speaker }),
    });
  }
  return result;
}
