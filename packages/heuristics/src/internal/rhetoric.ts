import type { ParsedDocument, ParsedSentence } from './document.js';
import { CHARGED_WORDS } from './lexicons/charged-words.js';
import {
  COMMON_OPENINGS,
  RHETORICAL_QUESTION_PATTERNS,
  SUPERLATIVE_PATTERN,
  US_VERSUS_THEM_PATTERNS,
} from './lexicons/rhetoric.js';

/** A rhetorical device with the exact source text it was read from. */
export interface FoundDevice {
  device: 'rhetorical-question' | 'loaded-language' | 'superlative' | 'repetition' | 'us-vs-them';
  quote: string;
  explanation: string;
  start: number;
  end: number;
}

const CHARGED_SINGLE = new Set(CHARGED_WORDS.filter((word) => !word.includes(' ')));
const CHARGED_PHRASES = CHARGED_WORDS.filter((word) => word.includes(' '));
const CHARGED_PHRASE_PATTERN = new RegExp(
  `\\b(?:${CHARGED_PHRASES.map((phrase) => phrase.replace(/[-]/g, '\\-')).join('|')})\\b`,
  'gi',
);

/** The charged words of a sentence, exactly as written, in order. */
export function findChargedWords(sentence: ParsedSentence): string[] {
  const found: { at: number; word: string }[] = [];
  for (const token of sentence.tokens) {
    if (CHARGED_SINGLE.has(token.normal) || CHARGED_SINGLE.has(token.lemma)) {
      found.push({ at: token.start, word: token.value });
    }
  }
  for (const match of sentence.text.matchAll(CHARGED_PHRASE_PATTERN)) {
    found.push({ at: sentence.start + match.index, word: match[0] });
  }
  return found.sort((a, b) => a.at - b.at).map((item) => item.word);
}

/** The us-versus-them wording of a sentence, or undefined. */
export function findUsVersusThem(sentence: ParsedSentence): string | undefined {
  for (const pattern of US_VERSUS_THEM_PATTERNS) {
    const match = pattern.exec(sentence.text);
    if (match !== null) return match[0];
  }
  return undefined;
}

function stripLead(text: string): string {
  return text.replace(/^[^\p{L}\p{N}]+/u, '');
}

export function isQuestion(sentence: ParsedSentence): boolean {
  return /\?["'”’)\]*_]*$/u.test(sentence.text);
}

function firstWords(sentence: ParsedSentence, count: number): string {
  return sentence.tokens
    .filter((token) => token.type === 'word')
    .slice(0, count)
    .map((token) => token.normal)
    .join(' ');
}

function sentenceDevice(
  sentence: ParsedSentence,
  device: FoundDevice['device'],
  explanation: string,
): FoundDevice {
  return { device, quote: sentence.text, explanation, start: sentence.start, end: sentence.end };
}

function findAnaphora(document: ParsedDocument): FoundDevice[] {
  const devices: FoundDevice[] = [];
  const { sentences } = document;
  let index = 0;
  while (index < sentences.length) {
    const opening = firstWords(sentences[index]!, 2);
    const firstWord = opening.split(' ')[0] ?? '';
    let runEnd = index;
    while (runEnd + 1 < sentences.length && firstWords(sentences[runEnd + 1]!, 2) === opening) {
      runEnd += 1;
    }
    const runLength = runEnd - index + 1;
    const threeWordOpening = firstWords(sentences[index]!, 3);
    const sharesThree =
      runLength >= 2 &&
      threeWordOpening.split(' ').length === 3 &&
      sentences.slice(index, runEnd + 1).every((item) => firstWords(item, 3) === threeWordOpening);
    const qualifies =
      opening.includes(' ') && (runLength >= 3 || (sharesThree && !COMMON_OPENINGS.has(firstWord)));
    if (qualifies) {
      const first = sentences[index]!;
      const last = sentences[runEnd]!;
      devices.push({
        device: 'repetition',
        quote: document.text.slice(first.start, last.end),
        explanation: `Anaphora: ${runLength} consecutive sentences open with "${opening}".`,
        start: first.start,
        end: last.end,
      });
      index = runEnd + 1;
    } else {
      index += 1;
    }
  }
  return devices;
}

const EPIZEUXIS = /\b([\p{L}']{2,})(?:[,!.]?\s+\1\b){2,}/iu;

/**
 * Finds rhetorical devices: rhetorical questions, loaded language, hyperbolic superlatives,
 * repetition (anaphora, "never, never, never") and us-versus-them framing. Each device quotes
 * the exact sentence (or run of sentences) it was found in.
 */
export function findRhetoricalDevices(document: ParsedDocument): FoundDevice[] {
  const devices: FoundDevice[] = [];
  for (const sentence of document.sentences) {
    const text = stripLead(sentence.text);
    if (
      isQuestion(sentence) &&
      RHETORICAL_QUESTION_PATTERNS.some((pattern) => pattern.test(text))
    ) {
      devices.push(
        sentenceDevice(
          sentence,
          'rhetorical-question',
          'A question asked for effect, with its answer implied.',
        ),
      );
    }
    const charged = findChargedWords(sentence);
    if (charged.length > 0) {
      const listed = [...new Set(charged)].map((word) => `"${word}"`).join(', ');
      devices.push(sentenceDevice(sentence, 'loaded-language', `Charged wording: ${listed}.`));
    }
    const superlative = SUPERLATIVE_PATTERN.exec(sentence.text);
    if (superlative !== null) {
      devices.push(
        sentenceDevice(sentence, 'superlative', `Hyperbolic superlative: "${superlative[0]}".`),
      );
    }
    const repeated = EPIZEUXIS.exec(sentence.text);
    if (repeated !== null) {
      devices.push(
        sentenceDevice(sentence, 'repetition', `Repeated word for emphasis: "${repeated[0]}".`),
      );
    }
    const framing = findUsVersusThem(sentence);
    if (framing !== undefined) {
      devices.push(
        sentenceDevice(sentence, 'us-vs-them', `In-group versus out-group framing: "${framing}".`),
      );
    }
  }
  devices.push(...findAnaphora(document));
  return devices.sort((a, b) => a.start - b.start);
}
