import type { IntelligenceReport } from '@orch/core';
import {
  countOf,
  decimal,
  escapeInline,
  heading,
  inlineQuote,
  methodLabel,
  percent,
} from './markdown-text.js';

type Section<K extends keyof IntelligenceReport> = NonNullable<IntelligenceReport[K]>;

/** Long graphs are cut in Markdown; the JSON report keeps every item. */
const GRAPH_LIMIT = 30;

export function perspectivesSection(perspectives: Section<'perspectives'>): string {
  const parts = [heading('Perspectives', methodLabel(perspectives))];
  parts.push(
    perspectives.perspectives.length > 0
      ? perspectives.perspectives
          .map((perspective) => {
            const quotes = perspective.supportingQuotes.map(
              (quote) => `\n  - ${inlineQuote(quote)}`,
            );
            return `- **${escapeInline(perspective.viewpoint)}**: ${escapeInline(perspective.summary)}${quotes.join('')}`;
          })
          .join('\n')
      : 'No distinct perspectives found.',
  );
  const { bias } = perspectives;
  const leaning = bias.leaning ? `, leaning ${escapeInline(bias.leaning)}` : '';
  parts.push(`Bias score ${decimal(bias.score)}${leaning}.`);
  if (bias.indicators.length > 0) {
    parts.push(
      bias.indicators
        .map(
          (indicator) =>
            `- ${escapeInline(indicator.type)}: ${inlineQuote(indicator.quote)}. ${escapeInline(indicator.explanation)}`,
        )
        .join('\n'),
    );
  }
  parts.push(
    perspectives.missingViewpoints.length > 0
      ? `Missing viewpoints: ${perspectives.missingViewpoints.map(escapeInline).join(', ')}.`
      : 'No missing viewpoints noted.',
  );
  return parts.join('\n\n');
}

function more(total: number, shown: number, noun: string): string {
  return total > shown ? `\n\n${countOf(total - shown, `more ${noun}`)} in the JSON report.` : '';
}

export function knowledgeGraphSection(graph: Section<'knowledgeGraph'>): string {
  const title = heading('Knowledge graph', methodLabel(graph));
  if (graph.entities.length === 0 && graph.relations.length === 0) {
    return `${title}\n\nNo entities or relations found.`;
  }
  const names = new Map(graph.entities.map((entity) => [entity.id, entity.name]));
  const entities = [...graph.entities]
    .sort((left, right) => right.mentions - left.mentions)
    .slice(0, GRAPH_LIMIT)
    .map(
      (entity) =>
        `- ${escapeInline(entity.name)} (${entity.type}, ${countOf(entity.mentions, 'mention')})`,
    );
  const relations = graph.relations
    .slice(0, GRAPH_LIMIT)
    .map(
      (relation) =>
        `- ${escapeInline(names.get(relation.source) ?? relation.source)} → ${escapeInline(relation.predicate)} → ${escapeInline(names.get(relation.target) ?? relation.target)}: ${inlineQuote(relation.evidence)}`,
    );
  return [
    title,
    `**Entities**\n\n${entities.length > 0 ? entities.join('\n') : 'No entities found.'}${more(graph.entities.length, entities.length, 'entity')}`,
    `**Relations**\n\n${relations.length > 0 ? relations.join('\n') : 'No relations found.'}${more(graph.relations.length, relations.length, 'relation')}`,
  ].join('\n\n');
}

export function crossReferenceSection(crossReference: Section<'crossReference'>): string {
  const parts = [heading('Cross-reference', methodLabel(crossReference)), '**Related items**'];
  parts.push(
    crossReference.related.length > 0
      ? crossReference.related
          .map(
            (item) =>
              `- ${escapeInline(item.title ?? item.itemId)} (similarity ${decimal(item.similarity)}): ${escapeInline(item.reason)}`,
          )
          .join('\n')
      : 'No related items in memory.',
    '**Contradictions**',
  );
  parts.push(
    crossReference.contradictions.length > 0
      ? crossReference.contradictions
          .map(
            (item) =>
              `- ${inlineQuote(item.claim)} contradicts ${inlineQuote(item.otherClaim)} (${escapeInline(item.itemId)}): ${escapeInline(item.explanation)}`,
          )
          .join('\n')
      : 'No contradictions with earlier items.',
  );
  return parts.join('\n\n');
}

export function speakerProfileSection(profile: Section<'speakerProfile'>): string {
  const title = heading('Speaker profile', methodLabel(profile));
  if (profile.speakers.length === 0) return `${title}\n\nNo speakers profiled.`;
  const speakers = profile.speakers.map((speaker, index) => {
    const name = speaker.name ? escapeInline(speaker.name) : `Speaker ${index + 1}`;
    const style =
      speaker.style.length > 0 ? speaker.style.map(escapeInline).join(', ') : 'not described';
    const techniques = speaker.persuasionTechniques.map(
      (item) => `\n  - ${escapeInline(item.technique)}: ${inlineQuote(item.quote)}`,
    );
    return `- **${name}**: style ${style}${techniques.length > 0 ? techniques.join('') : '; no persuasion techniques found'}`;
  });
  return `${title}\n\n${speakers.join('\n')}`;
}

export function memorySection(memory: Section<'memory'>): string {
  return [
    heading('Memory', methodLabel(memory)),
    `Stored ${countOf(memory.vectorChunks, 'vector chunk')} and ${countOf(memory.graphFacts, 'graph fact')} in namespace ${escapeInline(memory.namespace)}.`,
  ].join('\n\n');
}

export function qualitySection(quality: Section<'quality'>): string {
  const { metrics } = quality;
  const parts = [
    heading('Quality', methodLabel(quality)),
    `Score ${decimal(quality.score)}: **${quality.passed ? 'passed' : 'failed'}** the quality gate. Language ${escapeInline(quality.language.code)} (confidence ${decimal(quality.language.confidence)}).`,
  ];
  if (quality.reasons.length > 0) {
    parts.push(quality.reasons.map((reason) => `- ${escapeInline(reason)}`).join('\n'));
  }
  parts.push(
    `${countOf(metrics.wordCount, 'word')}, ${countOf(metrics.characterCount, 'character')}; unique words ${percent(metrics.uniqueWordRatio)}, repetition ${percent(metrics.repetitionRatio)}, average word length ${metrics.averageWordLength.toFixed(1)}.`,
  );
  return parts.join('\n\n');
}
