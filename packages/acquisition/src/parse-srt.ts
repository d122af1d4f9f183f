import { cleanCueLine, finishCues, type RawCue } from './internal/raw-cue.js';
import { normalizeLineEndings, stripByteOrderMark } from './internal/text-normalization.js';
import { isTimingLine, parseTimingLine } from './internal/timestamp.js';
import type { TranscriptCue } from './transcript-cue.js';

const INDEX_LINE = /^\s*\d+\s*$/;

/**
 * Parses SubRip (.srt) subtitles into cues. Handles a byte order mark, CRLF line endings, index
 * lines, `,` (or `.`) before the milliseconds, optional hours, multi-line cues (lines joined with
 * a space), formatting tags (`<i>`, `<font>`, `{\an8}`) and HTML entities. Rolling duplicate lines
 * of auto-generated captions are collapsed. Blocks without a valid timing line are skipped; a
 * file without any cue gives an empty array.
 */
export function parseSrt(text: string): TranscriptCue[] {
  const lines = normalizeLineEndings(stripByteOrderMark(text)).split('\n');
  const cues: RawCue[] = [];
  let current: RawCue | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (isTimingLine(line)) {
      const timing = parseTimingLine(line);
      current = timing === undefined ? undefined : { ...timing, lines: [] };
      if (current !== undefined) cues.push(current);
      continue;
    }
    if (line.trim().length === 0) {
      current = undefined;
      continue;
    }
    // An index line directly followed by a timing line starts the next cue even without a blank
    // line between the cues.
    if (INDEX_LINE.test(line) && isTimingLine(lines[index + 1] ?? '')) {
      current = undefined;
      continue;
    }
    if (current === undefined) continue;
    const cleaned = cleanCueLine(line);
    if (cleaned.length > 0) current.lines.push(cleaned);
  }
  return finishCues(cues);
}
