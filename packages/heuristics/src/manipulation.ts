import type { ManipulationIndicator } from '@orch/core';
import { parseDocument } from './internal/document.js';
import {
  ABSOLUTE_CLAIM_PATTERNS,
  FEAR_APPEAL_PATTERNS,
  URGENCY_PATTERNS,
} from './internal/lexicons/manipulation.js';
import { findChargedWords, findUsVersusThem } from './internal/rhetoric.js';
import { ensureText } from './internal/validate.js';

function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match !== null) return match[0];
  }
  return undefined;
}

/**
 * Manipulation indicators from pattern lexicons: fear appeals ("threat to your family"),
 * manufactured urgency ("act now", "before it's too late"), us-versus-them framing, loaded
 * language (two or more charged words in one sentence) and sweeping absolutes ("they always
 * lie", "everyone knows"). Each indicator quotes the exact sentence and says which words were
 * seen; at most one indicator of each type per sentence, in text order.
 */
export function detectManipulationIndicators(text: string): ManipulationIndicator[] {
  const document = parseDocument(ensureText(text, 'detectManipulationIndicators'));
  const indicators: ManipulationIndicator[] = [];
  for (const sentence of document.sentences) {
    const quote = sentence.text;
    const fear = firstMatch(FEAR_APPEAL_PATTERNS, quote);
    if (fear !== undefined) {
      indicators.push({
        type: 'fear-appeal',
        quote,
        explanation: `Fear appeal: "${fear}" presents a threat to move the audience rather than inform it.`,
      });
    }
    const urgency = firstMatch(URGENCY_PATTERNS, quote);
    if (urgency !== undefined) {
      indicators.push({
        type: 'urgency',
        quote,
        explanation: `Manufactured urgency: "${urgency}" pushes for action before reflection.`,
      });
    }
    const framing = findUsVersusThem(sentence);
    if (framing !== undefined) {
      indicators.push({
        type: 'us-vs-them',
        quote,
        explanation: `Us-versus-them framing: "${framing}" divides the audience into an in-group and an enemy.`,
      });
    }
    const charged = [...new Set(findChargedWords(sentence))];
    if (charged.length >= 2) {
      indicators.push({
        type: 'loaded-language',
        quote,
        explanation: `Loaded language: ${charged.map((word) => `"${word}"`).join(', ')} judge instead of describe.`,
      });
    }
    const absolute = firstMatch(ABSOLUTE_CLAIM_PATTERNS, quote);
    if (absolute !== undefined) {
      indicators.push({
        type: 'absolute-language',
        quote,
        explanation: `Sweeping absolute: "${absolute}" allows no exceptions and resists checking.`,
      });
    }
  }
  return indicators;
}
