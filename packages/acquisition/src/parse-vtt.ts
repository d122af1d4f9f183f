import { parseVttDocument } from './internal/vtt-document.js';
import type { TranscriptCue } from './transcript-cue.js';

/**
 * Parses WebVTT (.vtt) subtitles into cues. Handles the `WEBVTT` header (and its `Kind:` /
 * `Language:` lines), NOTE, STYLE and REGION blocks, cue identifiers, cue settings after the
 * end time, optional hours (`mm:ss.ttt`), multi-line cues (lines joined with a space), voice tags
 * (`<v Speaker>` sets the speaker, and cues without a voice tag keep the speaker of the cue
 * before, since voices are often tagged only where the speaker changes; a cue with several voices
 * becomes one cue per voice with the same times), other tags (`<c.x>`, `<i>`, `<b>`, `<u>`, `<ruby>`, `<lang>`, inline timestamps
 * `<00:00:01.000>`) stripped, HTML entities decoded, and the rolling duplicate lines of
 * auto-generated captions collapsed. A file without any cue gives an empty array.
 */
export function parseVtt(text: string): TranscriptCue[] {
  return parseVttDocument(text).cues;
}
