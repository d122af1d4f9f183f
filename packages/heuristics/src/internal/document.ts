import type { ItsFunction, PartOfSpeech } from 'wink-nlp';
import { getWink } from './nlp.js';

/** One wink token with its exact character offsets in the analysed text (end exclusive). */
export interface Token {
  /** The token exactly as written. */
  value: string;
  /** Lower-cased form. */
  normal: string;
  lemma: string;
  pos: PartOfSpeech;
  /** wink token type: word, number, punctuation, symbol, currency, url, ... */
  type: string;
  stopWord: boolean;
  /** True when wink marks the token as inside the scope of a negation ("not happy"). */
  negated: boolean;
  start: number;
  end: number;
  sentenceIndex: number;
}

/** A numeric, date, money or percent entity found by wink, with exact offsets. */
export interface DocumentEntity {
  value: string;
  /** wink entity type: DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, DURATION, ... */
  type: string;
  start: number;
  end: number;
  sentenceIndex: number;
}

export interface ParsedSentence {
  index: number;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  /** wink sentiment of the sentence, -1..1. */
  sentiment: number;
}

export interface ParsedDocument {
  text: string;
  sentences: ParsedSentence[];
  tokens: Token[];
  entities: DocumentEntity[];
}

interface Block {
  start: number;
  end: number;
}

const BLOCK_START = /^\s*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>)/;

/**
 * Cuts the text into blocks that a sentence never crosses: paragraphs separated by blank lines,
 * Markdown headings, list items and block quotes. wink then finds sentences inside each block,
 * so a headline without a full stop does not swallow the first sentence of the body.
 */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let previousWasHeading = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const blank = line.trim().length === 0;
    const startsBlock = BLOCK_START.test(line) || previousWasHeading;
    if (blank || startsBlock) {
      if (blockStart !== -1) blocks.push({ start: blockStart, end: blockEnd });
      blockStart = -1;
    }
    if (!blank) {
      if (blockStart === -1) blockStart = lineStart;
      blockEnd = lineEnd;
    }
    previousWasHeading = !blank && /^\s*#{1,6}\s/.test(line);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (blockStart !== -1) blocks.push({ start: blockStart, end: blockEnd });
  return blocks;
}

function readBlock(document: ParsedDocument, block: Block): void {
  const wink = getWink();
  const its = wink.its;
  const blockText = document.text.slice(block.start, block.end);
  const doc = wink.readDoc(blockText);
  const values = doc.tokens().out(its.value) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const partsOfSpeech = doc.tokens().out(its.pos) as PartOfSpeech[];
  const types = doc.tokens().out(its.type) as string[];
  const stopWords = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const negations = doc.tokens().out(its.negationFlag) as unknown as boolean[];

  const tokens: Token[] = [];
  let cursor = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? '';
    const found = blockText.indexOf(value, cursor);
    const start = found === -1 ? cursor : found;
    const end = found === -1 ? cursor : found + value.length;
    cursor = end;
    tokens.push({
      value,
      normal: normals[index] ?? value.toLowerCase(),
      lemma: lemmas[index] ?? value.toLowerCase(),
      pos: partsOfSpeech[index] ?? 'X',
      type: types[index] ?? 'word',
      stopWord: stopWords[index] ?? false,
      negated: negations[index] ?? false,
      start: block.start + start,
      end: block.start + end,
      sentenceIndex: -1,
    });
  }

  const spans = doc.sentences().out(its.span) as unknown as number[][];
  const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
  const firstSentence = document.sentences.length;
  spans.forEach((span, position) => {
    const [first = 0, last = 0] = span;
    const sentenceTokens = tokens.slice(first, last + 1);
    const head = sentenceTokens[0];
    const tail = sentenceTokens[sentenceTokens.length - 1];
    if (head === undefined || tail === undefined || tail.end <= head.start) return;
    const index = document.sentences.length;
    for (const token of sentenceTokens) token.sentenceIndex = index;
    document.sentences.push({
      index,
      text: document.text.slice(head.start, tail.end),
      start: head.start,
      end: tail.end,
      tokens: sentenceTokens,
      sentiment: sentiments[position] ?? 0,
    });
  });
  document.tokens.push(...tokens.filter((token) => token.sentenceIndex >= firstSentence));

  const entitySpans = doc.entities().out(its.span) as unknown as number[][];
  const entityDetails = doc.entities().out(its.detail) as unknown as {
    value: string;
    type: string;
  }[];
  entitySpans.forEach((span, position) => {
    const [first = 0, last = 0] = span;
    const head = tokens[first];
    const tail = tokens[last];
    const detail = entityDetails[position];
    if (head === undefined || tail === undefined || detail === undefined) return;
    if (head.sentenceIndex < 0) return;
    document.entities.push({
      value: document.text.slice(head.start, tail.end),
      type: detail.type,
      start: head.start,
      end: tail.end,
      sentenceIndex: head.sentenceIndex,
    });
  });
}

/** Tokenises the text once with wink: sentences, tokens and entities with exact offsets. */
export function parseDocument(text: string): ParsedDocument {
  const document: ParsedDocument = { text, sentences: [], tokens: [], entities: [] };
  for (const block of splitBlocks(text)) readBlock(document, block);
  return document;
}
