import type { IntelligenceReport } from '@orch/core';
import {
  capitalise,
  decimal,
  escapeInline,
  fallacyTitle,
  heading,
  indent,
  inlineQuote,
  methodLabel,
  percent,
  timestamp,
} from './markdown-text.js';

type Section<K extends keyof IntelligenceReport> = NonNullable<IntelligenceReport[K]>;

export function claimsSection(claims: Section<'claims'>): string {
  const title = heading('Claims', methodLabel(claims));
  if (claims.claims.length === 0) return `${title}\n\nNo check-worthy claims found.`;
  const items = claims.claims.map((claim, index) => {
    const details = [`check-worthiness ${decimal(claim.checkWorthiness)}`];
    if (claim.kinds.length > 0) details.push(claim.kinds.join(', '));
    if (claim.startSeconds !== undefined) details.push(`at ${timestamp(claim.startSeconds)}`);
    if (claim.speaker) details.push(`speaker ${escapeInline(claim.speaker)}`);
    return `${index + 1}. ${inlineQuote(claim.text)} (${details.join('; ')})`;
  });
  return `${title}\n\n${items.join('\n')}`;
}

export function factChecksSection(factChecks: Section<'factChecks'>): string {
  const title = heading('Fact checks', methodLabel(factChecks));
  if (factChecks.checks.length === 0) return `${title}\n\nNo claims were fact-checked.`;
  const items = factChecks.checks.map((check, index) => {
    const lines = [
      `- Basis: ${escapeInline(check.basis)}`,
      `- Explanation: ${escapeInline(check.explanation)}`,
      ...check.evidence.map(
        (evidence) =>
          `- Evidence: ${inlineQuote(evidence.quote)}${evidence.source ? ` (${escapeInline(evidence.source)})` : ''}`,
      ),
    ];
    return `${index + 1}. **${capitalise(check.verdict)}** (confidence ${decimal(check.confidence)}): ${inlineQuote(check.claim)}\n${indent(lines.join('\n'))}`;
  });
  return `${title}\n\n${items.join('\n')}`;
}

export function secondOpinionSection(secondOpinion: Section<'secondOpinion'>): string {
  const title = heading('Second opinion', methodLabel(secondOpinion));
  if (secondOpinion.reviews.length === 0) return `${title}\n\nNo verdicts were reviewed.`;
  const items = secondOpinion.reviews.map(
    (review) =>
      `- ${escapeInline(review.claimId)}: ${review.originalVerdict} → second opinion ${review.secondVerdict} → reconciled **${review.reconciledVerdict}** (confidence ${decimal(review.reconciledConfidence)}). ${escapeInline(review.explanation)}`,
  );
  return `${title}\n\nAgreement rate ${percent(secondOpinion.agreementRate)}.\n\n${items.join('\n')}`;
}

export function fallaciesSection(fallacies: Section<'fallacies'>): string {
  const title = heading('Fallacies', methodLabel(fallacies, 'heuristic cues'));
  if (fallacies.fallacies.length === 0) {
    return `${title}\n\n${fallacies.method === 'heuristic' ? 'No fallacy cues found.' : 'No fallacies found.'}`;
  }
  const items = fallacies.fallacies.map((fallacy, index) => {
    const at = fallacy.startSeconds === undefined ? '' : `, at ${timestamp(fallacy.startSeconds)}`;
    const body = [`> ${escapeInline(fallacy.quote)}`, escapeInline(fallacy.explanation)].join(
      '\n\n',
    );
    return `${index + 1}. **${fallacyTitle(fallacy.type)}** (confidence ${decimal(fallacy.confidence)}${at})\n\n${indent(body)}`;
  });
  return `${title}\n\n${items.join('\n\n')}`;
}
