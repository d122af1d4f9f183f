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
  const method =
    stage.method && model ? `${stage.method} (${model})` : (stage.method ?? model ?? '');
  return stage.degraded ? `${method} — fallback`.trim() : method;
}

function usd(value: number): string {
  return `$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`;
}

function costLine(cost: NonNullable<IntelligenceReport['cost']>): string {
  const unpriced =
    cost.unpricedModels.length === 0
      ? ''
      : ` Calls to ${cost.unpricedModels.map(escapeInline).join(', ')} have no known price and are not counted: the spend is a lower bound.`;
  return `Cost ${usd(cost.spentUsd)} of the ${usd(cost.capUsd)} cap over ${count(cost.calls)} model call${cost.calls === 1 ? '' : 's'}.${unpriced}`;
}

function recoveryLine(recovery: NonNullable<IntelligenceReport['recovery']>): string {
  const breakers = recovery.breakerTransitions
    .map((change) => `${escapeInline(change.key)} ${change.from} → ${change.to}`)
    .join(', ');
  return `Recovery: ${count(recovery.attempts)} attempt${recovery.attempts === 1 ? '' : 's'}, ${count(recovery.retries)} retr${recovery.retries === 1 ? 'y' : 'ies'} (waited ${duration(recovery.waitMs)}), ${count(recovery.timeouts)} timeout${recovery.timeouts === 1 ? '' : 's'}, ${count(recovery.fallbacks)} model fallback${recovery.fallbacks === 1 ? '' : 's'}, ${count(recovery.rejections)} call${recovery.rejections === 1 ? '' : 's'} refused by an open circuit${breakers ? `; circuit changes: ${breakers}` : ''}.`;
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
    ...(report.cost ? [costLine(report.cost)] : []),
    ...(report.recovery ? [recoveryLine(report.recovery)] : []),
    `Wall time ${duration(timings.durationMs)}; stage time ${duration(timings.stageTimeMs)} (the sum of every stage's own duration, what a sequential run would take). Started ${timings.startedAt}, finished ${timings.finishedAt}. Report schema version ${report.schemaVersion}.`,
  ].join('\n\n');
}
