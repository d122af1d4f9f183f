import {
  OrchError,
  ok,
  type StageContext,
  type StageImplementations,
  type StageInput,
  type SummaryOutput,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { withHeuristicFallback } from './heuristic-fallback.js';

const SUMMARY: SummaryOutput = {
  summary: 'The library opened on Monday.',
  keyPoints: ['The library opened on Monday.'],
  topics: ['library'],
  keywords: [{ term: 'library', score: 1 }],
  entities: [],
  method: 'heuristic',
};

function providerFailure(code: string, status: number): OrchError {
  return new OrchError(code, `the endpoint answered ${status}`, {
    category: 'provider',
    retryable: false,
    details: { status },
  });
}

function context(): StageContext {
  const quiet = () => {};
  return {
    runId: 'run-1',
    depth: 'standard',
    tenant: { tenantId: 'local' },
    request: { source: { type: 'text', text: 'x' }, depth: 'standard' },
    plannedStages: ['summarize'],
    signal: new AbortController().signal,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    stage: 'summarize',
    progress: quiet,
  } as unknown as StageContext;
}

function failingModel(error: OrchError): StageImplementations {
  return {
    summarize: async () => {
      throw error;
    },
  };
}

const heuristics: StageImplementations = { summarize: async () => ok(SUMMARY) };
const input = { request: {}, outputs: {} } as unknown as StageInput;

describe('withHeuristicFallback', () => {
  it('answers with the heuristic, marked uncertain with the failure, when the provider is down', async () => {
    const log = { stages: [] as string[] };
    const stages = withHeuristicFallback(
      failingModel(providerFailure('PROVIDER_UNAVAILABLE', 503)),
      heuristics,
      log as never,
    );
    const outcome = await stages.summarize?.(input, context());
    expect(outcome).toMatchObject({ status: 'uncertain', data: SUMMARY });
    expect(JSON.stringify(outcome)).toMatch(/PROVIDER_UNAVAILABLE/);
    expect(log.stages).toEqual(['summarize']);
  });

  it('fails the stage on a refused key instead of hiding a setup mistake behind the heuristic', async () => {
    const log = { stages: [] as string[] };
    const refused = providerFailure('PROVIDER_AUTH_FAILED', 401);
    const stages = withHeuristicFallback(failingModel(refused), heuristics, log as never);
    await expect(stages.summarize?.(input, context())).rejects.toBe(refused);
    expect(log.stages).toEqual([]);
  });
});
