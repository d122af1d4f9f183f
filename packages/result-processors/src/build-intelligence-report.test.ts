import {
  type Content,
  type DeceptionOutput,
  type IntelligenceReport,
  intelligenceReportSchema,
  type RunRequest,
  type StageId,
  type StepResult,
  ValidationError,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { buildIntelligenceReport, type ReportAnnotations } from './build-intelligence-report.js';

const STARTED = new Date('2025-03-01T10:00:00.000Z');
const FINISHED = new Date('2025-03-01T10:00:04.500Z');

const content: Content = {
  id: 'b'.repeat(64),
  kind: 'article',
  text: 'The council approved a 4% budget increase. Everyone knows the mayor is wrong.',
  segments: [{ index: 0, text: 'The council approved a 4% budget increase.', start: 0, end: 42 }],
  metadata: {
    source: { type: 'url', location: 'https://news.example.org/budget' },
    mediaType: 'text/html',
    byteLength: 4096,
    wordCount: 13,
    title: 'Council passes budget',
    siteName: 'City News',
    language: 'en',
    acquiredAt: '2025-03-01T10:00:01.000Z',
  },
};

const request: RunRequest = {
  source: { type: 'url', url: 'https://news.example.org/budget' },
  depth: 'standard',
};

let clock = 0;
function timings(durationMs: number) {
  const startedAt = new Date(STARTED.getTime() + clock).toISOString();
  clock += durationMs;
  return { startedAt, finishedAt: new Date(STARTED.getTime() + clock).toISOString(), durationMs };
}
function okResult<T>(data: T, durationMs: number): StepResult<T> {
  return { status: 'ok', data, timings: timings(durationMs) };
}
function skipResult(reason: string): StepResult<never> {
  return { status: 'skip', reason, timings: timings(0) };
}

const quality = {
  method: 'heuristic',
  score: 0.82,
  passed: true,
  reasons: [],
  language: { code: 'en', confidence: 0.9 },
  metrics: {
    wordCount: 13,
    characterCount: 78,
    uniqueWordRatio: 0.9,
    repetitionRatio: 0,
    averageWordLength: 4.9,
  },
} as const;
const summary = (method: 'heuristic' | 'llm') => ({
  method,
  ...(method === 'llm' ? { model: 'gpt-4o-mini' } : {}),
  summary: 'The council approved a 4% budget increase.',
  keyPoints: ['A 4% increase was approved.'],
  topics: ['budget'],
  keywords: [{ term: 'budget', score: 0.9 }],
  entities: [{ text: 'council', type: 'organization' as const, count: 1 }],
});
const claims = (method: 'heuristic' | 'llm') => ({
  method,
  claims: [
    {
      id: 'c1',
      text: 'The council approved a 4% budget increase.',
      kinds: ['statistic' as const],
      checkWorthiness: 0.8,
    },
  ],
});
const fallacies = (method: 'heuristic' | 'llm') => ({
  method,
  fallacies: [
    {
      type: 'appeal-to-popularity' as const,
      quote: 'Everyone knows the mayor is wrong',
      explanation: 'Popularity is not proof.',
      confidence: 0.5,
    },
  ],
});
const sentiment = {
  method: 'heuristic' as const,
  label: 'neutral' as const,
  score: 0.05,
  positiveShare: 0.2,
  negativeShare: 0.15,
  emotions: [],
  rhetoric: [],
};
const deception: DeceptionOutput = {
  method: 'formula',
  score: 0.15,
  label: 'low',
  components: {
    factCheckScore: null,
    fallacyContribution: 0.15,
    factChecksUsed: 0,
    distinctFallacyTypes: 1,
  },
  topContributors: [],
  linguisticCues: {
    hedges: 0,
    absolutes: 1,
    hedgeRate: 0,
    absoluteRate: 7.7,
    examples: ['Everyone'],
  },
  threat: {
    level: 'low',
    reason: 'deception score 0.15 is at most 0.4 and 1 fallacy found, at most 2',
  },
  basis: 'fallacy cues only: 1 fallacy type (no fact checks were available)',
};
const briefing = {
  method: 'heuristic' as const,
  executiveSummary:
    '"Council passes budget" is an article of 13 words from City News. Deception score 0.15 (low); threat level low.',
  keyFindings: [
    '1 check-worthy claim: "The council approved a 4% budget increase." (check-worthiness 0.80)',
  ],
  recommendations: [],
  confidence: { overall: 0.66, dataCompleteness: 0.8333 },
  grade: 'B' as const,
};

function offlineResults(): Map<StageId, StepResult<unknown>> {
  clock = 0;
  return new Map<StageId, StepResult<unknown>>([
    ['acquire', okResult(content, 1200)],
    ['quality-gate', okResult(quality, 5)],
    ['summarize', okResult(summary('heuristic'), 40)],
    ['claims', okResult(claims('heuristic'), 30)],
    ['sentiment', okResult(sentiment, 20)],
    ['fact-check', skipResult('Fact-checking was skipped: it needs a language model.')],
    ['fallacies', okResult(fallacies('heuristic'), 25)],
    ['deception', okResult(deception, 1)],
    ['briefing', okResult(briefing, 2)],
  ]);
}

function build(
  results: Map<StageId, StepResult<unknown>>,
  warnings?: string[],
): IntelligenceReport {
  return buildIntelligenceReport({
    runId: 'run-42',
    request,
    tenant: { tenantId: 'guild_1234', workspaceId: 'channel_99' },
    content,
    results,
    startedAt: STARTED,
    finishedAt: FINISHED,
    ...(warnings ? { warnings } : {}),
  });
}

describe('buildIntelligenceReport on an offline run', () => {
  const report = build(offlineResults(), ['Budget: offline run, no cost.']);

  it('puts each stage output in its section', () => {
    expect(report.quality?.score).toBe(0.82);
    expect(report.summary?.summary).toBe('The council approved a 4% budget increase.');
    expect(report.claims?.claims).toHaveLength(1);
    expect(report.fallacies?.fallacies[0]?.quote).toBe('Everyone knows the mayor is wrong');
    expect(report.deception?.score).toBe(0.15);
    expect(report.briefing?.grade).toBe('B');
    expect(report.factChecks).toBeUndefined();
    expect(report).not.toHaveProperty('acquire');
  });

  it('records every stage in plan order with status, duration and method', () => {
    expect(report.stages.map((stage) => `${stage.id}:${stage.status}`)).toEqual([
      'acquire:ok',
      'quality-gate:ok',
      'summarize:ok',
      'claims:ok',
      'sentiment:ok',
      'fact-check:skip',
      'fallacies:ok',
      'deception:ok',
      'briefing:ok',
    ]);
    expect(report.stages[0]).toEqual({ id: 'acquire', status: 'ok', durationMs: 1200 });
    expect(report.stages[5]).toEqual({
      id: 'fact-check',
      status: 'skip',
      durationMs: 0,
      reason: 'Fact-checking was skipped: it needs a language model.',
    });
    expect(report.stages[7]).toMatchObject({ id: 'deception', method: 'formula' });
  });

  it('is completed and offline, with the notice that claims were not fact-checked', () => {
    expect(report.status).toBe('completed');
    expect(report.analysis).toEqual({
      mode: 'offline',
      notice:
        'Analysed offline with heuristics: no language model was configured, so claims are listed as check-worthy but not fact-checked.',
    });
  });

  it('takes the source from the content metadata', () => {
    expect(report.source).toEqual({
      type: 'url',
      location: 'https://news.example.org/budget',
      contentId: 'b'.repeat(64),
      kind: 'article',
      mediaType: 'text/html',
      wordCount: 13,
      title: 'Council passes budget',
      siteName: 'City News',
      language: 'en',
    });
    expect(report.depth).toBe('standard');
    expect(report.tenant).toEqual({ tenantId: 'guild_1234', workspaceId: 'channel_99' });
    expect(report.runId).toBe('run-42');
  });

  it('keeps the input warnings and adds none for ok or skipped stages', () => {
    expect(report.warnings).toEqual(['Budget: offline run, no cost.']);
  });

  it('reports wall time and the sum of stage times', () => {
    expect(report.timings).toEqual({
      startedAt: '2025-03-01T10:00:00.000Z',
      finishedAt: '2025-03-01T10:00:04.500Z',
      durationMs: 4500,
      stageTimeMs: 1200 + 5 + 40 + 30 + 20 + 0 + 25 + 1 + 2,
    });
    expect(report.createdAt).toBe('2025-03-01T10:00:04.500Z');
  });

  it('survives a round trip through the schema and through JSON', () => {
    expect(intelligenceReportSchema.parse(report)).toEqual(report);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(intelligenceReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });
});

describe('buildIntelligenceReport with failures and model output', () => {
  function mixedResults(): Map<StageId, StepResult<unknown>> {
    clock = 0;
    return new Map<StageId, StepResult<unknown>>([
      ['acquire', okResult(content, 900)],
      ['quality-gate', okResult(quality, 4)],
      ['summarize', okResult(summary('llm'), 2100)],
      [
        'claims',
        {
          status: 'uncertain',
          data: claims('heuristic'),
          reason: 'The model reply was cut off; heuristic claims were used.',
          timings: timings(1500),
        },
      ],
      [
        'fact-check',
        okResult(
          {
            method: 'llm',
            model: 'gpt-4o-mini',
            checks: [
              {
                claimId: 'c1',
                claim: 'The council approved a 4% budget increase.',
                verdict: 'supported',
                confidence: 0.9,
                basis: 'Council minutes of 3 March',
                explanation: 'The minutes record the vote.',
                evidence: [
                  { quote: 'Motion carried 7-2', source: 'https://city.example.org/minutes' },
                ],
              },
            ],
          },
          3200,
        ),
      ],
      [
        'fallacies',
        {
          status: 'fail',
          error: {
            code: 'PROVIDER_TIMEOUT',
            category: 'timeout',
            message: 'The model did not answer within 30 s.',
            retryable: true,
            stage: 'fallacies',
          },
          timings: timings(30000),
        },
      ],
      ['deception', okResult(deception, 1)],
      ['briefing', okResult(briefing, 2)],
    ]);
  }
  const report = build(mixedResults());

  it('is degraded when a stage failed, and keeps the other sections', () => {
    expect(report.status).toBe('degraded');
    expect(report.fallacies).toBeUndefined();
    expect(report.summary).toBeDefined();
    expect(report.stages.find((stage) => stage.id === 'fallacies')).toEqual({
      id: 'fallacies',
      status: 'fail',
      durationMs: 30000,
      error: {
        code: 'PROVIDER_TIMEOUT',
        category: 'timeout',
        message: 'The model did not answer within 30 s.',
        retryable: true,
        stage: 'fallacies',
      },
    });
  });

  it('keeps uncertain data, with its reason on the stage record', () => {
    expect(report.claims?.claims).toHaveLength(1);
    expect(report.stages.find((stage) => stage.id === 'claims')).toEqual({
      id: 'claims',
      status: 'uncertain',
      durationMs: 1500,
      reason: 'The model reply was cut off; heuristic claims were used.',
      method: 'heuristic',
    });
  });

  it('adds one warning per uncertain or failed stage', () => {
    expect(report.warnings).toEqual([
      'Stage "claims" is uncertain: The model reply was cut off; heuristic claims were used.',
      'Stage "fallacies" failed (PROVIDER_TIMEOUT): The model did not answer within 30 s.',
    ]);
  });

  it('records the model of model-made stages', () => {
    expect(report.stages.find((stage) => stage.id === 'summarize')).toMatchObject({
      method: 'llm',
      model: 'gpt-4o-mini',
    });
  });

  it('is mixed and names the sections that came from heuristics', () => {
    expect(report.analysis).toEqual({
      mode: 'mixed',
      notice: 'Partly analysed with a language model: claims came from offline heuristics.',
    });
  });

  it('applies schema defaults to stage data (source trust and salience of 1)', () => {
    expect(report.factChecks?.checks[0]).toMatchObject({ sourceTrust: 1, salience: 1 });
  });

  it('round-trips through the schema and JSON', () => {
    expect(intelligenceReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });
});

describe('buildIntelligenceReport analysis mode', () => {
  it('is llm when every non-formula analysis section came from a model', () => {
    clock = 0;
    const results = new Map<StageId, StepResult<unknown>>([
      ['acquire', okResult(content, 10)],
      ['quality-gate', okResult(quality, 1)],
      ['summarize', okResult(summary('llm'), 10)],
      ['claims', okResult(claims('llm'), 10)],
      ['fallacies', okResult(fallacies('llm'), 10)],
      ['deception', okResult(deception, 1)],
      ['briefing', okResult(briefing, 1)],
    ]);
    expect(build(results).analysis).toEqual({ mode: 'llm' });
  });

  it('uses the short offline notice when fact-checking was not planned', () => {
    clock = 0;
    const results = new Map<StageId, StepResult<unknown>>([
      ['acquire', okResult(content, 10)],
      ['summarize', okResult(summary('heuristic'), 10)],
      ['claims', okResult(claims('heuristic'), 10)],
      ['briefing', okResult(briefing, 1)],
    ]);
    expect(build(results).analysis).toEqual({
      mode: 'offline',
      notice: 'Analysed offline with heuristics and formulas: no language model was used.',
    });
  });
});

describe('buildIntelligenceReport validation', () => {
  it('turns a stage output that fails its schema into a failed stage, not a broken report', () => {
    const results = offlineResults();
    results.set(
      'fallacies',
      okResult(
        {
          method: 'heuristic',
          fallacies: [{ type: 'whataboutism', quote: 'x', explanation: 'y', confidence: 0.5 }],
        },
        3,
      ),
    );
    const report = build(results);
    expect(report.fallacies).toBeUndefined();
    expect(report.status).toBe('degraded');
    const record = report.stages.find((stage) => stage.id === 'fallacies');
    expect(record?.status).toBe('fail');
    expect(record?.error?.code).toBe('STAGE_OUTPUT_INVALID');
    expect(record?.error?.message).toMatch(/fallacies\.0\.type/);
    expect(
      report.warnings.some((line) => line.includes('stage "fallacies" failed its schema')),
    ).toBe(true);
  });

  it('throws REPORT_INVALID listing the issues when the report fails its schema', () => {
    let caught: unknown;
    try {
      buildIntelligenceReport({
        runId: 'run-43',
        request,
        tenant: { tenantId: 'not a valid tenant!' },
        content,
        results: offlineResults(),
        startedAt: STARTED,
        finishedAt: FINISHED,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).code).toBe('REPORT_INVALID');
    expect((caught as ValidationError).message).toMatch(/tenant\.tenantId/);
    expect((caught as ValidationError).details?.issues).toHaveLength(1);
  });

  it('throws REPORT_INVALID for an invalid date', () => {
    expect(() =>
      buildIntelligenceReport({
        runId: 'run-44',
        request,
        tenant: { tenantId: 'local' },
        content,
        results: offlineResults(),
        startedAt: new Date('not a date'),
        finishedAt: FINISHED,
      }),
    ).toThrow(/invalid startedAt/);
  });
});

describe('buildIntelligenceReport with the annotations of a model run', () => {
  const annotated = (annotations: ReportAnnotations) =>
    buildIntelligenceReport({
      runId: 'run-43',
      request,
      tenant: { tenantId: 'local' },
      content,
      results: offlineResults(),
      startedAt: STARTED,
      finishedAt: FINISHED,
      ...annotations,
    });

  it('marks fallback stages degraded, and the report with them', () => {
    const report = annotated({ degradedStages: ['summarize'] });
    expect(report.status).toBe('degraded');
    expect(report.stages.find((stage) => stage.id === 'summarize')?.degraded).toBe(true);
    expect(report.stages.find((stage) => stage.id === 'claims')?.degraded).toBeUndefined();
    expect(annotated({}).status).toBe('completed');
    // the offline sections here stood in for failed model stages: the notice must not say none was configured
    expect(report.analysis).toEqual({
      mode: 'offline',
      notice: expect.stringMatching(
        /a language model was configured, but its stages failed .*\(summarize\)/,
      ),
    });
  });

  it('carries the cost and recovery accounts, validated by the schema', () => {
    const cost = {
      capUsd: 1.5,
      spentUsd: 0.0123,
      calls: 7,
      unpricedModels: [],
      byStage: { summarize: 0.01 },
    };
    const recovery = {
      attempts: 9,
      retries: 2,
      timeouts: 1,
      waitMs: 1500,
      rejections: 0,
      fallbacks: 0,
      breakerTransitions: [
        {
          key: 'api.openai.com/gpt-4o-mini',
          from: 'closed',
          to: 'open',
          at: '2025-03-01T10:00:02.000Z',
        },
      ] as const,
    };
    const report = annotated({
      cost,
      recovery: { ...recovery, breakerTransitions: [...recovery.breakerTransitions] },
    });
    expect(report.cost).toEqual(cost);
    expect(report.recovery?.retries).toBe(2);
    expect(intelligenceReportSchema.parse(report)).toEqual(report);
    expect(() => annotated({ cost: { ...cost, spentUsd: -1 } })).toThrow();
  });
});
