import type { IntelligenceReport } from '@orch/core';
import { decimal, escapeInline, heading, methodLabel, percent } from './markdown-text.js';

type Section<K extends keyof IntelligenceReport> = NonNullable<IntelligenceReport[K]>;

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${escapeInline(item)}`).join('\n');
}

export function briefingSection(briefing: Section<'briefing'>): string {
  return [
    heading('Briefing', methodLabel(briefing)),
    escapeInline(briefing.executiveSummary),
    '**Key findings**',
    briefing.keyFindings.length > 0 ? bullets(briefing.keyFindings) : 'No key findings.',
    '**Recommendations**',
    briefing.recommendations.length > 0
      ? bullets(briefing.recommendations)
      : 'No recommendations: nothing in the data called for action.',
    `Grade **${briefing.grade}** · overall confidence ${decimal(briefing.confidence.overall)} · data completeness ${percent(briefing.confidence.dataCompleteness)}`,
  ].join('\n\n');
}

export function summarySection(summary: Section<'summary'>): string {
  const parts = [heading('Summary', methodLabel(summary)), escapeInline(summary.summary)];
  if (summary.keyPoints.length > 0) parts.push('**Key points**', bullets(summary.keyPoints));
  if (summary.topics.length > 0) {
    parts.push(`Topics: ${summary.topics.map(escapeInline).join(', ')}`);
  }
  if (summary.keywords.length > 0) {
    const keywords = summary.keywords.map(
      (keyword) => `${escapeInline(keyword.term)} (${decimal(keyword.score)})`,
    );
    parts.push(`Keywords: ${keywords.join(', ')}`);
  }
  if (summary.entities.length > 0) {
    const entities = summary.entities.map(
      (entity) => `${escapeInline(entity.text)} (${entity.type}, ${entity.count})`,
    );
    parts.push(`Entities: ${entities.join(', ')}`);
  }
  return parts.join('\n\n');
}
