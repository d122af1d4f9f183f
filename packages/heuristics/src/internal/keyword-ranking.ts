import type { Keyword } from '@orch/core';
import type { ParsedDocument, ParsedSentence, Token } from './document.js';
import { KEYWORD_STOP_WORDS } from './lexicons/stop-words.js';
import { round } from './words.js';

/** How much one occurrence of each part of speech counts towards a keyword's score. */
const POS_WEIGHT: Partial<Record<Token['pos'], number>> = {
  NOUN: 1,
  PROPN: 1,
  ADJ: 0.6,
  VERB: 0.5,
};

interface TermStats {
  score: number;
  first: number;
  uses: number;
  properUses: number;
  forms: Map<string, number>;
}

/**
 * Headings and headlines in Title Case ("The Office Mandate Is Here") make wink tag every word
 * as a proper noun; their words are treated as common words instead.
 */
function isTitleLike(sentence: ParsedSentence): boolean {
  if (/^\s*#/.test(sentence.text)) return true;
  if (/[.!?]["'”’)]*$/u.test(sentence.text)) return false;
  const long = sentence.tokens.filter((token) => token.type === 'word' && token.value.length >= 4);
  if (long.length < 2) return false;
  const capitalised = long.filter((token) => /^\p{Lu}/u.test(token.value)).length;
  return capitalised / long.length >= 0.6;
}

function record(
  stats: Map<string, TermStats>,
  key: string,
  form: string,
  weight: number,
  at: number,
  proper: boolean,
): void {
  let stat = stats.get(key);
  if (stat === undefined) {
    stat = { score: 0, first: at, uses: 0, properUses: 0, forms: new Map() };
    stats.set(key, stat);
  }
  stat.score += weight;
  stat.uses += 1;
  if (proper) stat.properUses += 1;
  stat.forms.set(form, (stat.forms.get(form) ?? 0) + 1);
}

function mostUsedForm(stat: TermStats): string {
  let best = '';
  let bestCount = 0;
  for (const [form, count] of stat.forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/** Ranks terms by score (ties: first seen), names each, and scales scores so the top one is 1. */
function rank(
  stats: Map<string, TermStats>,
  limit: number,
  display: (key: string, stat: TermStats) => string,
): Keyword[] {
  const ranked = [...stats.entries()].sort(
    (a, b) => b[1].score - a[1].score || a[1].first - b[1].first,
  );
  const top = ranked[0]?.[1].score ?? 0;
  if (top === 0) return [];
  const seen = new Set<string>();
  const keywords: Keyword[] = [];
  for (const [key, stat] of ranked) {
    if (keywords.length >= limit) break;
    const term = display(key, stat);
    if (term.length === 0 || seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    keywords.push({ term, score: round(stat.score / top) });
  }
  return keywords;
}

function isContentWord(token: Token): boolean {
  if (token.type !== 'word' || token.stopWord) return false;
  if (POS_WEIGHT[token.pos] === undefined) return false;
  if (token.normal.length < 3 || !/\p{L}/u.test(token.normal)) return false;
  return !KEYWORD_STOP_WORDS.has(token.lemma) && !KEYWORD_STOP_WORDS.has(token.normal);
}

/** A keyword is shown as its proper-noun spelling when most uses are names, else as its lemma. */
function keywordDisplay(key: string, stat: TermStats): string {
  return stat.properUses * 2 > stat.uses ? mostUsedForm(stat) : key;
}

/** Lower-cased forms of the words the text also writes in lower case somewhere. */
function lowerCaseWords(document: ParsedDocument): Set<string> {
  const words = new Set<string>();
  for (const token of document.tokens) {
    if (token.type === 'word' && token.value === token.normal) words.add(token.normal);
  }
  return words;
}

/**
 * Whether a capitalised token is a name: not in a Title Case heading, and not merely the
 * capitalised first word of a sentence ("Battery prices fell") of a word also written in lower case.
 */
function isName(
  token: Token,
  title: boolean,
  firstWordStart: number | undefined,
  lower: Set<string>,
): boolean {
  if (title || !/^\p{Lu}/u.test(token.value)) return false;
  if (token.start === firstWordStart) return token.pos === 'PROPN' && !lower.has(token.normal);
  return true;
}

function firstWordOf(sentence: ParsedSentence): number | undefined {
  return sentence.tokens.find((token) => token.type === 'word')?.start;
}

/** Ranks the single-word keywords of a parsed document. */
export function keywordsOfDocument(document: ParsedDocument, limit: number): Keyword[] {
  const stats = new Map<string, TermStats>();
  const lower = lowerCaseWords(document);
  for (const sentence of document.sentences) {
    const title = isTitleLike(sentence);
    const firstWordStart = firstWordOf(sentence);
    for (const token of sentence.tokens) {
      if (!isContentWord(token)) continue;
      const proper = token.pos === 'PROPN' && isName(token, title, firstWordStart, lower);
      const key = proper ? token.normal : token.lemma.toLowerCase();
      record(stats, key, token.value, POS_WEIGHT[token.pos] ?? 0, token.start, proper);
    }
  }
  return rank(stats, limit, keywordDisplay);
}

const PHRASE_POS = new Set<Token['pos']>(['ADJ', 'NOUN', 'PROPN']);
const HEAD_POS = new Set<Token['pos']>(['NOUN', 'PROPN']);
const MAX_PHRASE_WORDS = 4;

/** A word of a phrase: one token, or a hyphenated compound written without spaces ("full-time"). */
interface Unit {
  tokens: Token[];
  pos: Token['pos'];
  usable: boolean;
  start: number;
  end: number;
}

function unitsOf(sentence: ParsedSentence): Unit[] {
  const units: Unit[] = [];
  const { tokens } = sentence;
  let index = 0;
  while (index < tokens.length) {
    const group = [tokens[index]!];
    while (
      index + 2 < tokens.length &&
      tokens[index + 1]!.value === '-' &&
      tokens[index + 1]!.start === tokens[index]!.end &&
      tokens[index + 2]!.start === tokens[index + 1]!.end &&
      /[\p{L}\p{N}]/u.test(tokens[index + 2]!.value)
    ) {
      group.push(tokens[index + 1]!, tokens[index + 2]!);
      index += 2;
    }
    index += 1;
    const last = group[group.length - 1]!;
    const single = group.length === 1;
    const usable =
      (last.type === 'word' || !single) &&
      PHRASE_POS.has(last.pos) &&
      /\p{L}/u.test(last.value) &&
      (!single || (!last.stopWord && !KEYWORD_STOP_WORDS.has(last.lemma)));
    units.push({ tokens: group, pos: last.pos, usable, start: group[0]!.start, end: last.end });
  }
  return units;
}

function phraseRuns(units: Unit[]): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  const flush = (): void => {
    while (run.length > 0 && !HEAD_POS.has(run[run.length - 1]!.pos)) run.pop();
    if (run.length > MAX_PHRASE_WORDS) run = run.slice(run.length - MAX_PHRASE_WORDS);
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  for (const unit of units) {
    if (unit.usable) run.push(unit);
    else flush();
  }
  flush();
  return runs;
}

/** Ranks the multi-word noun phrases of a parsed document. */
export function keyphrasesOfDocument(document: ParsedDocument, limit: number): Keyword[] {
  const wordFrequency = new Map<string, number>();
  for (const token of document.tokens) {
    if (token.type === 'word') {
      wordFrequency.set(token.lemma, (wordFrequency.get(token.lemma) ?? 0) + 1);
    }
  }
  const maxFrequency = Math.max(1, ...wordFrequency.values());
  const stats = new Map<string, TermStats>();
  const lower = lowerCaseWords(document);
  for (const sentence of document.sentences) {
    const title = isTitleLike(sentence);
    const firstWordStart = firstWordOf(sentence);
    for (const run of phraseRuns(unitsOf(sentence))) {
      const key = run
        .map((unit, position) => {
          const last = unit.tokens[unit.tokens.length - 1]!;
          const head = unit.tokens
            .slice(0, -1)
            .map((token) => token.normal)
            .join('');
          return head + (position === run.length - 1 ? last.lemma.toLowerCase() : last.normal);
        })
        .join(' ');
      const form = run
        .map((unit) => {
          const written = document.text.slice(unit.start, unit.end);
          const first = unit.tokens[0]!;
          return isName(first, title, firstWordStart, lower) ? written : written.toLowerCase();
        })
        .join(' ');
      const lemmas = run.flatMap((unit) => unit.tokens.filter((token) => token.type === 'word'));
      const meanFrequency =
        lemmas.reduce((sum, token) => sum + (wordFrequency.get(token.lemma) ?? 0), 0) /
        Math.max(1, lemmas.length);
      record(stats, key, form, 1 + meanFrequency / maxFrequency, run[0]!.start, false);
    }
  }
  return rank(stats, limit, (_key, stat) => mostUsedForm(stat));
}
