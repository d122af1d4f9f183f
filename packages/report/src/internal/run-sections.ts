import type { IntelligenceReport, StageRecord } from '@orch/core';
import { count, duration, escapeInline, linkOrText, timestamp } from './markdown-text.js';

export function titleLine(report: IntelligenceReport): string {
  return `# ${escapeInline(report.source.title ?? report.source.location)}`;
}

export function metadataLine(report: IntelligenceReport): string {
  const { source } = report;
  const parts = [`Source: ${linkOrText(source.location)}`];
  if (source.author) parts.push(`Author: ${escapeInline(source.author)}`);
  if (source.siteName ?? source.platform) {
    parts.push(`Site: ${escapeInline((source.siteName ?? source.platform) as string)}`);
  }
  if (source.publishedAt) parts.push(`Published: ${escapeInline(source.publishedAt)}`);
  if (source.durationSeconds !== undefined) {
    parts.push(`Duration: ${timestamp(source.durationSeconds)}`);
  }
  parts.push(`Depth: ${report.depth}`);
  parts.push(`Words: ${count(source.wordCount)}`);
  parts.push(`Date: ${report.createdAt.slice(0, 10)}`);
  parts.push(`Run: ${escapeInline(report.runId)}`);
  if (report.status === 'degraded') parts.push('Status: degraded');
  return parts.join(' · ');
}

function noteOf(stage: StageRecord): string {
  if (stage.error) return escapeInline(`${stage.error.code}: ${stage.error.message}`);
  return stage.reason ? escapeInline(stage.reason) : '';
}

function methodOf(stage: StageRecord): string {
  const model = stage.model ? escapeInline(stage.model) : undefined;
  if (stage.method && model) return `${stage.method} (${model})`;
  return stage.method ?? model ?? '';
}

export function stagesTable(stages: readonly StageRecord[]): string {
  if (stages.length === 0) return '## Stages\n\nNo stages ran.';
  const rows = stages.map(
    (stage) =>
      `| ${stage.id} | ${stage.status} | ${duration(stage.durationMs)} | ${methodOf(stage)} | ${noteOf(stage)} |`,
  );
  return [
    '## Stages',
    [
      '| Stage | Status | Time | Method / model | Note |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  ].join('\n\n');
}

export function warningsSection(warnings: readonly string[]): string | undefined {
  if (warnings.length === 0) return undefined;
  return `## Warnings\n\n${warnings.map((warning) => `- ${escapeInline(warning)}`).join('\n')}`;
}

export function footer(report: IntelligenceReport): string {
  const { timings } = report;
  return [
    '---',
    `Wall time ${duration(timings.durationMs)}; stage time ${duration(timings.stageTimeMs)} (the sum of every stage's own duration, what a sequential run would take). Started ${timings.startedAt}, finished ${timings.finishedAt}. Report schema version ${report.schemaVersion}.`,
  ].join('\n\n');
}
