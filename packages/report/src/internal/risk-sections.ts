import type { IntelligenceReport } from '@orch/core';
import {
  capitalise,
  countOf,
  decimal,
  escapeInline,
  heading,
  inlineQuote,
  methodLabel,
} from './markdown-text.js';

type Section<K extends keyof IntelligenceReport> = NonNullable<IntelligenceReport[K]>;

export function sentimentSection(sentiment: Section<'sentiment'>): string {
  const parts = [
    heading('Sentiment', methodLabel(sentiment)),
    `**${capitalise(sentiment.label)}** (score ${decimal(sentiment.score)}; positive share ${decimal(sentiment.positiveShare)}, negative share ${decimal(sentiment.negativeShare)})`,
  ];
  parts.push(
    sentiment.emotions.length > 0
      ? `Emotions: ${sentiment.emotions.map((emotion) => `${escapeInline(emotion.name)} ${decimal(emotion.score)}`).join(', ')}`
      : 'No emotions detected.',
  );
  parts.push(
    sentiment.rhetoric.length > 0
      ? sentiment.rhetoric
          .map(
            (device) =>
              `- ${escapeInline(device.device)}: ${inlineQuote(device.quote)}${device.explanation ? ` (${escapeInline(device.explanation)})` : ''}`,
          )
          .join('\n')
      : 'No rhetorical devices found.',
  );
  return parts.join('\n\n');
}

export function deceptionSection(deception: Section<'deception'>): string {
  const { components, linguisticCues: cues } = deception;
  const factChecks =
    components.factCheckScore === null
      ? '- Fact-check score: none (no fact checks carried weight)'
      : `- Fact-check score: ${decimal(components.factCheckScore)} from ${countOf(components.factChecksUsed, 'fact check')}`;
  const parts = [
    heading('Deception score', methodLabel(deception)),
    `**${decimal(deception.score)}** (${deception.label}): ${escapeInline(deception.basis)}`,
    [
      factChecks,
      `- Fallacy contribution: ${decimal(components.fallacyContribution)} from ${countOf(components.distinctFallacyTypes, 'distinct fallacy type')}`,
    ].join('\n'),
  ];
  if (deception.topContributors.length > 0) {
    parts.push(
      `Top contributors:\n\n${deception.topContributors
        .map(
          (item, index) =>
            `${index + 1}. ${inlineQuote(item.claim)}: ${item.verdict}, contribution ${decimal(item.contribution)}`,
        )
        .join('\n')}`,
    );
  }
  const examples =
    cues.examples.length > 0 ? `; examples: ${cues.examples.map(inlineQuote).join(', ')}` : '';
  parts.push(
    `Linguistic cues (reported, not part of the score): ${countOf(cues.hedges, 'hedge')} (${decimal(cues.hedgeRate)} per 100 words), ${countOf(cues.absolutes, 'absolute')} (${decimal(cues.absoluteRate)} per 100 words)${examples}.`,
  );
  return parts.join('\n\n');
}

export function threatSection(report: IntelligenceReport): string | undefined {
  const { threat, deception } = report;
  if (threat) {
    const parts = [
      heading('Threat level', methodLabel(threat)),
      `**${capitalise(threat.level)}** (score ${decimal(threat.score)}; narrative integrity ${decimal(threat.narrativeIntegrity)})`,
    ];
    parts.push(
      threat.manipulationIndicators.length > 0
        ? threat.manipulationIndicators
            .map(
              (indicator) =>
                `- ${escapeInline(indicator.type)}${indicator.quote ? `: ${inlineQuote(indicator.quote)}` : ''}. ${escapeInline(indicator.explanation)}`,
            )
            .join('\n')
        : 'No manipulation indicators found.',
    );
    return parts.join('\n\n');
  }
  if (deception) {
    return [
      heading('Threat level', 'formula'),
      `**${capitalise(deception.threat.level)}**: ${escapeInline(deception.threat.reason)}.`,
    ].join('\n\n');
  }
  return undefined;
}
