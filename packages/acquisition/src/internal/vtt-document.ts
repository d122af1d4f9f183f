import type { TranscriptCue } from '../transcript-cue.js';
import { decodeHtmlEntities } from './html-entities.js';
import { languageTag } from './language-tag.js';
import { cleanCueLine, finishCues, type RawCue } from './raw-cue.js';
import {
  collapseWhitespace,
  normalizeLineEndings,
  stripByteOrderMark,
} from './text-normalization.js';
import { isTimingLine, parseTimingLine } from './timestamp.js';

/** What a WebVTT file holds: its cues and the `Language:` header some producers write. */
export interface VttDocument {
  cues: TranscriptCue[];
  language?: string;
}

const VOICE_TAG = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

interface VoicePart {
  speaker?: string;
  text: string;
}

/**
 * Splits a cue payload at its voice tags: `<v Anna>Hi</v> <v Ben>Hello` gives two parts. Text
 * before the first voice tag belongs to `carried`, the speaker of the cue before.
 */
function splitVoices(payload: string, carried: string | undefined): VoicePart[] {
  const parts: VoicePart[] = [];
  let speaker = carried;
  let last = 0;
  for (const match of payload.matchAll(VOICE_TAG)) {
    parts.push({
      ...(speaker === undefined ? {} : { speaker }),
      text: payload.slice(last, match.index),
    });
    const name = collapseWhitespace(decodeHtmlEntities(match[1] ?? ''));
    speaker = name.length > 0 ? name : undefined;
    last = match.index + match[0].length;
  }
  parts.push({ ...(speaker === undefined ? {} : { speaker }), text: payload.slice(last) });
  return parts.filter((part) => cleanCueLine(part.text).length > 0);
}

interface BlockCues {
  cues: RawCue[];
  /** The speaker in effect at the end of the block, carried to the next cue. */
  speaker: string | undefined;
}

function cuesOfBlock(block: readonly string[], carried: string | undefined): BlockCues {
  const timingIndex = block.findIndex(isTimingLine);
  if (timingIndex === -1) return { cues: [], speaker: carried };
  const timing = parseTimingLine(block[timingIndex] ?? '');
  if (timing === undefined) return { cues: [], speaker: carried };
  const payload = block.slice(timingIndex + 1).join('\n');
  const parts = splitVoices(payload, carried);
  const cues = parts.map((part) => ({
    ...timing,
    lines: part.text
      .split('\n')
      .map(cleanCueLine)
      .filter((line) => line.length > 0),
    ...(part.speaker === undefined ? {} : { speaker: part.speaker }),
  }));
  return { cues, speaker: parts.at(-1)?.speaker ?? carried };
}

function headerLanguage(header: readonly string[]): string | undefined {
  for (const line of header) {
    const match = /^Language:\s*(\S+)\s*$/i.exec(line);
    if (match !== null) return languageTag(match[1]);
  }
  return undefined;
}

/**
 * Parses WebVTT into cues and the header language; `parseVtt` documents what is handled. A cue
 * without a voice tag keeps the speaker of the cue before it (voices are often tagged only where
 * the speaker changes).
 */
export function parseVttDocument(text: string): VttDocument {
  const lines = normalizeLineEndings(stripByteOrderMark(text)).split('\n');
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const line of lines) {
    if (line.trim().length === 0) {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) blocks.push(block);

  let language: string | undefined;
  let speaker: string | undefined;
  const cues: RawCue[] = [];
  for (const [position, current] of blocks.entries()) {
    const first = current[0] ?? '';
    let cueLines: readonly string[] = current;
    if (position === 0 && first.startsWith('WEBVTT')) {
      language = headerLanguage(current);
      // A header directly followed by a cue (no blank line) still yields that cue.
      cueLines = current.slice(1);
    } else if (SKIPPED_BLOCK.test(first) && !isTimingLine(first)) {
      continue;
    }
    const result = cuesOfBlock(cueLines, speaker);
    cues.push(...result.cues);
    speaker = result.speaker;
  }
  return { cues: finishCues(cues), ...(language === undefined ? {} : { language }) };
}
