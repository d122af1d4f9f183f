import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord, StageCheckpoint } from '@orch/workflow-state';

/** A fresh temporary directory and a function that removes it (tests only). */
export function temporaryDirectory(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'orch-store-sqlite-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function makeRun(overrides: Partial<RunRecord> = {}): RunRecord {
  const createdAt = overrides.createdAt ?? '2025-03-01T10:00:00.000Z';
  return {
    id: 'run-1',
    tenantId: 'tenant-a',
    depth: 'standard',
    request: { source: { type: 'text', text: 'Hello world.' }, depth: 'standard' },
    status: 'pending',
    plannedStages: ['acquire', 'summarize'],
    stageEstimatesMs: { acquire: 50, summarize: 1200 },
    progress: 0,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function makeCheckpoint(overrides: Partial<StageCheckpoint> = {}): StageCheckpoint {
  return {
    runId: 'run-1',
    stage: 'acquire',
    status: 'ok',
    attempts: 1,
    costUsd: 0,
    ...overrides,
  };
}
