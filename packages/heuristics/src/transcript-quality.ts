import { ensureText } from './internal/validate.js';
import { averageWordLength, round, uniqueWordRatio, wordsOf } from './internal/words.js';

export interface TranscriptQualityComponents {
  /** 0.3 for more than 100 words, 0.2 for more than 50, 0.1 for more than 10, else 0. */
  length: number;
  /** 0.2 when the average word has 4 to 8 characters, else 0. */
  wordLength: number;
  /** 0.2 when there is at least one sentence mark (. ! ?) per 20 words, else 0. */
  punctuation: number;
  /** 0.1 when the text has capital letters, else 0. */
  capitalization: number;
  /** 0.2 when the unique-word ratio is above 0.3, else 0. */
  vocabulary: number;
}

export interface TranscriptQuality {
  /** Sum of the components, clamped to 1. */
  score: number;
  components: TranscriptQualityComponents;
}

/**
 * The predecessor's transcript quality formula: +0.3/0.2/0.1 for more than 100/50/10 words;
 * +0.2 if words average 4-8 characters; +0.2 if there is a sentence mark at least every 20
 * words; +0.1 for capital letters; +0.2 if the unique-word ratio is above 0.3; clamped to 1.
 *
 * Words are runs of letters and digits (inner apostrophes and hyphens kept). The unique-word
 * ratio is averaged over 200-word windows so long transcripts are not penalised for length.
 */
export function assessTranscriptQuality(text: string): TranscriptQuality {
  const words = wordsOf(ensureText(text, 'assessTranscriptQuality'));
  const count = words.length;
  const length = count > 100 ? 0.3 : count > 50 ? 0.2 : count > 10 ? 0.1 : 0;
  const average = averageWordLength(words);
  const wordLength = average >= 4 && average <= 8 ? 0.2 : 0;
  const sentenceMarks = (text.match(/[.!?]+/g) ?? []).length;
  const punctuation = count > 0 && sentenceMarks * 20 >= count ? 0.2 : 0;
  const capitalization = /\p{Lu}/u.test(text) ? 0.1 : 0;
  const vocabulary = uniqueWordRatio(words) > 0.3 ? 0.2 : 0;
  const components = { length, wordLength, punctuation, capitalization, vocabulary };
  const total = length + wordLength + punctuation + capitalization + vocabulary;
  return { score: round(Math.min(1, total)), components };
}
