import type { IntelligenceReport, StageId } from '@orch/core';
import type { RunRecord, StageCheckpoint } from '../run-record.js';

const CREATED_AT = '2024-03-01T12:00:00.000Z';

/** A complete run record with nested request, estimates and extra data; override any field. */
export function createTestRun(overrides: Partial<RunRecord> = {}): RunRecord {
  const id = overrides.id ?? 'run-1';
  return {
    id,
    tenantId: 'tenant-a',
    workspaceId: 'workspace-1',
    depth: 'standard',
    request: {
      source: { type: 'url', url: 'https://example.org/articles/budget-vote' },
      depth: 'standard',
      tenant: { tenantId: 'tenant-a', workspaceId: 'workspace-1' },
      runId: id,
    },
    status: 'pending',
    plannedStages: ['acquire', 'quality-gate', 'summarize', 'claims', 'briefing'],
    stageEstimatesMs: { acquire: 1200, summarize: 5400, claims: 3100 },
    progress: 0,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    extra: {
      breakers: { openai: { state: 'half-open', failures: [3, 5], since: null } },
      note: 'résumé — “quoted” ✓',
    },
    ...overrides,
  };
}

/** A settled checkpoint with nested output; override any field. */
export function createTestCheckpoint(
  runId: string,
  stage: StageId,
  overrides: Partial<StageCheckpoint> = {},
): StageCheckpoint {
  return {
    runId,
    stage,
    status: 'ok',
    attempts: 1,
    inputHash: 'a'.repeat(64),
    output: {
      method: 'heuristic',
      items: [{ text: 'The vote passed 52 to 48.', spans: [{ start: 0, end: 25 }] }],
      scores: { overall: 0.75, byPart: [0.5, 1] },
      empty: [],
      flag: false,
      nothing: null,
    },
    costUsd: 0.0125,
    model: 'gpt-4o-mini',
    promptVersion: `${stage}@3`,
    startedAt: '2024-03-01T12:00:01.000Z',
    finishedAt: '2024-03-01T12:00:03.500Z',
    durationMs: 2500,
    ...overrides,
  };
}

/** A report that validates against intelligenceReportSchema, with nested sections. */
export function createTestReport(runId: string): IntelligenceReport {
  return {
    schemaVersion: 1,
    runId,
    createdAt: '2024-03-01T12:01:00.000Z',
    depth: 'standard',
    tenant: { tenantId: 'tenant-a', workspaceId: 'workspace-1' },
    status: 'degraded',
    source: {
      type: 'url',
      location: 'https://example.org/articles/budget-vote',
      contentId: 'b'.repeat(64),
      kind: 'article',
      mediaType: 'text/html',
      wordCount: 812,
      title: 'Budget vote passes',
    },
    analysis: { mode: 'offline', notice: 'No model was configured; heuristics were used.' },
    summary: {
      method: 'heuristic',
      summary: 'The council passed the budget by a narrow margin.',
      keyPoints: ['The vote was 52 to 48.', 'Transport spending rises.'],
      topics: ['budget', 'transport'],
      keywords: [{ term: 'budget', score: 0.9 }],
      entities: [{ text: 'City Council', type: 'organization', count: 3 }],
    },
    stages: [
      { id: 'acquire', status: 'ok', durationMs: 1200, method: 'heuristic' },
      {
        id: 'claims',
        status: 'fail',
        durationMs: 40,
        error: {
          code: 'STAGE_FAILED',
          category: 'stage',
          message: 'Claims could not be extracted.',
          retryable: false,
          stage: 'claims',
        },
      },
    ],
    warnings: ['The claims stage failed.'],
    timings: {
      startedAt: '2024-03-01T12:00:00.000Z',
      finishedAt: '2024-03-01T12:01:00.000Z',
      durationMs: 60_000,
      stageTimeMs: 1240,
    },
  };
}
