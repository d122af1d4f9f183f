import { franc, francAll } from 'franc-min';
import { ISO_639_3_TO_1 } from './internal/iso-639.js';
import { ensureText } from './internal/validate.js';
import { clampUnit, round } from './internal/words.js';

/** Fewer letters than this cannot be told apart reliably: the answer is 'und'. */
const MIN_LETTERS = 20;
/** From this many letters on, length no longer lowers the confidence of a one-piece text. */
const FULL_CONFIDENCE_LETTERS = 200;
/** Longer texts are also judged piece by piece; pieces are about this long. */
const PIECE_CHARACTERS = 400;
const MIN_PIECE_LETTERS = 100;
const MAX_PIECES = 12;

export interface DetectedLanguage {
  /** ISO 639-1 code ('en', 'fr', ...); franc's ISO 639-3 code for the few languages without one; 'und' when unknown. */
  code: string;
  /** 0..1. See {@link detectLanguage}. */
  confidence: number;
}

function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** Cuts the text into pieces of about PIECE_CHARACTERS at whitespace, at most MAX_PIECES spread over it. */
function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE_CHARACTERS);
    const space = text.lastIndexOf(' ', end);
    if (end < text.length && space > start + PIECE_CHARACTERS / 2) end = space;
    const piece = text.slice(start, end);
    if (letterCount(piece) >= MIN_PIECE_LETTERS) pieces.push(piece);
    start = end;
  }
  if (pieces.length <= MAX_PIECES) return pieces;
  const step = pieces.length / MAX_PIECES;
  return Array.from({ length: MAX_PIECES }, (_, index) => pieces[Math.floor(index * step)]!);
}

/**
 * Detects the language of the text with franc-min (trigram profiles of the 82 languages with
 * 8M+ speakers). Returns `{ code: 'und', confidence: 0 }` for text under 20 letters.
 *
 * Confidence: for texts long enough to be cut into several pieces of about 400 characters, the
 * share of pieces whose own language matches the whole text's; for a single piece, the lead of
 * the best language over the runner-up, lowered for short texts.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const letters = letterCount(ensureText(text, 'detectLanguage'));
  if (letters < MIN_LETTERS) return { code: 'und', confidence: 0 };
  const ranking = francAll(text, { minLength: MIN_LETTERS });
  const [best, runnerUp] = ranking;
  if (best === undefined || best[0] === 'und') return { code: 'und', confidence: 0 };
  const code = ISO_639_3_TO_1[best[0]] ?? best[0];
  const pieces = piecesOf(text);
  let confidence: number;
  if (pieces.length >= 2) {
    const agreeing = pieces.filter((piece) => franc(piece, { minLength: MIN_LETTERS }) === best[0]);
    confidence = agreeing.length / pieces.length;
  } else {
    const margin = 1 - (runnerUp?.[1] ?? 0);
    const lengthFactor = 0.5 + 0.5 * Math.min(1, letters / FULL_CONFIDENCE_LETTERS);
    confidence = clampUnit(0.5 + 5 * margin) * lengthFactor;
  }
  return { code, confidence: round(clampUnit(confidence)) };
}
