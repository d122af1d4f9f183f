import type { Fallacy, FallacyType } from '@orch/core';
import { parseDocument } from './internal/document.js';
import { FALLACY_CUES } from './internal/lexicons/fallacies.js';
import { quoteAround } from './internal/quote.js';
import { ensureText } from './internal/validate.js';

/**
 * Fallacy cues from a pattern lexicon over the fixed FALLACY_TYPES taxonomy of @orch/core
 * (several wordings per type: "everyone knows", "it's only a matter of time before", "only an
 * idiot would", "so you're saying", "no true X would", ...).
 *
 * Each cue quotes the exact sentence (or, in a long sentence, the clause) that contains it, with
 * matching span offsets, says which words were seen, and carries a modest confidence (0.4-0.7):
 * a cue is a reason to look, not a verdict. At most one cue per type per sentence, in text order.
 */
export function detectFallacyCues(text: string): Fallacy[] {
  const document = parseDocument(ensureText(text, 'detectFallacyCues'));
  const fallacies: Fallacy[] = [];
  for (const sentence of document.sentences) {
    const best = new Map<FallacyType, Fallacy>();
    for (const cue of FALLACY_CUES) {
      const match = cue.pattern.exec(sentence.text);
      if (match === null) continue;
      if (cue.unless?.test(sentence.text)) continue;
      const existing = best.get(cue.type);
      if (existing !== undefined && existing.confidence >= cue.confidence) continue;
      const matchStart = sentence.start + match.index;
      const { quote, start, end } = quoteAround(
        text,
        sentence,
        matchStart,
        matchStart + match[0].length,
      );
      best.set(cue.type, {
        type: cue.type,
        quote,
        explanation: `The wording "${match[0]}" ${cue.reason}.`,
        confidence: cue.confidence,
        span: { start, end },
      });
    }
    fallacies.push(...best.values());
  }
  return fallacies.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}
