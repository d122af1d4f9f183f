import { createHash } from 'node:crypto';
import {
  CancelledError,
  type Content,
  InputError,
  intelligenceReportSchema,
  ok,
  type RunEvent,
  RunFailedError,
  type StageId,
  type StageImplementations,
  type StepResult,
  StorageError,
  skipped,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { createOrchestrator } from './create-orchestrator.js';

const TEXT =
  'The council approved a budget of 4 million dollars on Monday. Critics said the plan was rushed. ' +
  'Supporters argued it would cut energy costs by 20 percent within five years.';

function makeContent(text = TEXT): Content {
  return {
    id: createHash('sha256').update(text).digest('hex'),
    kind: 'document',
    text,
    segments: [{ index: 0, text, start: 0, end: text.length }],
    metadata: {
      source: { type: 'text', location: 'test' },
      mediaType: 'text/plain',
      byteLength: text.length,
      wordCount: text.split(/\s+/).length,
      acquiredAt: new Date(0).toISOString(),
    },
  };
}

/** Minimal valid stages that record their calls; tests override the ones they probe. */
function fakeStages(calls: StageId[], overrides: StageImplementations = {}): StageImplementations {
  const track =
    <T>(stage: StageId, value: () => T) =>
    async () => {
      calls.push(stage);
      return ok(value());
    };
  return {
    acquire: track('acquire', () => makeContent()),
    'quality-gate': track('quality-gate', () => ({
      method: 'heuristic' as const,
      score: 0.8,
      passed: true,
      reasons: [],
      language: { code: 'en', confidence: 0.9 },
      metrics: {
        wordCount: 30,
        characterCount: TEXT.length,
        uniqueWordRatio: 0.8,
        repetitionRatio: 0,
        averageWordLength: 5,
      },
    })),
    summarize: track('summarize', () => ({
      method: 'heuristic' as const,
      summary: 'The council approved an energy budget.',
      keyPoints: ['The council approved a budget of 4 million dollars on Monday.'],
      topics: ['energy budget'],
      keywords: [{ term: 'budget', score: 1 }],
      entities: [],
    })),
    claims: track('claims', () => ({
      method: 'heuristic' as const,
      claims: [
        {
          id: 'c1',
          text: 'The council approved a budget of 4 million dollars on Monday.',
          kinds: ['statistic' as const],
          checkWorthiness: 0.9,
        },
      ],
    })),
    sentiment: track('sentiment', () => ({
      method: 'heuristic' as const,
      label: 'neutral' as const,
      score: 0,
      positiveShare: 0.3,
      negativeShare: 0.3,
      emotions: [],
      rhetoric: [],
    })),
    'fact-check': async () => {
      calls.push('fact-check');
      return skipped('needs a model');
    },
    fallacies: track('fallacies', () => ({ method: 'heuristic' as const, fallacies: [] })),
    briefing: track('briefing', () => ({
      method: 'heuristic' as const,
      executiveSummary: 'A council budget item with one checkable claim.',
      keyFindings: ['One check-worthy claim.'],
      recommendations: ['Verify the budget figure against council minutes.'],
      confidence: { overall: 0.6, dataCompleteness: 0.5 },
      grade: 'C' as const,
    })),
    ...overrides,
  };
}

async function eventsOf(iterable: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

const request = { source: { type: 'text' as const, text: TEXT }, depth: 'standard' as const };

describe('createOrchestrator().run', () => {
  it('runs every planned stage once and delivers a report that validates', async () => {
    const calls: StageId[] = [];
    const handle = createOrchestrator({ stages: fakeStages(calls) }).run(request);
    const report = await handle.report;
    expect(intelligenceReportSchema.parse(report)).toEqual(report);
    expect(report.status).toBe('completed');
    expect(new Set(calls).size).toBe(calls.length);
    expect(report.summary?.summary).toBe('The council approved an energy budget.');
    expect(report.stages.find((stage) => stage.id === 'fact-check')).toMatchObject({
      status: 'skip',
      reason: 'needs a model',
    });
    // `deception` had no implementation: reported as skipped, not silently dropped.
    expect(report.stages.find((stage) => stage.id === 'deception')).toMatchObject({
      status: 'skip',
      reason: 'no implementation is configured',
    });
  });

  it('asks annotate once all stages settled and puts spend, recovery and fallbacks in the report', async () => {
    const settled: StageId[] = [];
    const calls: StageId[] = [];
    const handle = createOrchestrator({ stages: fakeStages(calls) }).run(request, {
      annotate: () => {
        settled.push(...calls);
        return {
          warnings: ['Budget: 80% of the $1.50 cap is spent.'],
          degradedStages: ['summarize'],
          cost: { capUsd: 1.5, spentUsd: 1.2, calls: 6, unpricedModels: [], byStage: {} },
        };
      },
    });
    const report = await handle.report;
    expect(settled).toEqual(calls);
    expect(report.status).toBe('degraded');
    expect(report.stages.find((stage) => stage.id === 'summarize')?.degraded).toBe(true);
    expect(report.warnings[0]).toBe('Budget: 80% of the $1.50 cap is spent.');
    expect(report.cost?.spentUsd).toBe(1.2);
  });

  it('emits ordered events with monotonic progress that ends at 1', async () => {
    const handle = createOrchestrator({ stages: fakeStages([]) }).run(request);
    await handle.report;
    const events = await eventsOf(handle.events);
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)).toMatchObject({ type: 'run-finish', status: 'completed' });
    const progress = events.flatMap((event) =>
      event.type === 'stage-finish' ? [event.progress] : [],
    );
    expect(progress).toHaveLength(handle.plan.stages.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    for (const stage of handle.plan.stages) {
      const start = events.findIndex((e) => e.type === 'stage-start' && e.stage === stage.id);
      const finish = events.findIndex((e) => e.type === 'stage-finish' && e.stage === stage.id);
      expect(finish).toBeGreaterThan(-1);
      if (start !== -1) expect(start).toBeLessThan(finish);
    }
  });

  it('starts fact-check while summarize is still running (no lock-step levels)', async () => {
    let releaseSummary!: () => void;
    const summaryHeld = new Promise<void>((resolve) => {
      releaseSummary = resolve;
    });
    const calls: StageId[] = [];
    const base = fakeStages(calls);
    const stages = fakeStages(calls, {
      summarize: async (input, context) => {
        await summaryHeld;
        return base.summarize!(input, context);
      },
      'fact-check': async () => {
        calls.push('fact-check');
        releaseSummary();
        return skipped('needs a model');
      },
    });
    const report = await createOrchestrator({ stages }).run(request).report;
    expect(calls.indexOf('fact-check')).toBeLessThan(calls.indexOf('summarize'));
    expect(report.status).toBe('completed');
  });

  it('degrades the report when an optional stage fails, and keeps the rest', async () => {
    const stages = fakeStages([], {
      fallacies: async () => {
        throw new Error('lexicon exploded');
      },
    });
    const report = await createOrchestrator({ stages }).run(request).report;
    expect(report.status).toBe('degraded');
    expect(report.stages.find((stage) => stage.id === 'fallacies')).toMatchObject({
      status: 'fail',
      error: { code: 'INTERNAL_ERROR', category: 'internal' },
    });
    expect(report.summary).toBeDefined();
    expect(report.briefing).toBeDefined();
    expect(report.warnings.join('\n')).toMatch(/fallacies/);
  });

  it('fails the run when a required stage fails, naming the stage and keeping the cause', async () => {
    const calls: StageId[] = [];
    const stages = fakeStages(calls, {
      acquire: async () => {
        throw new InputError('FILE_NOT_FOUND', 'No file at /nope.txt. Check the path.');
      },
    });
    const handle = createOrchestrator({ stages }).run(request);
    const error = await handle.report.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).stage).toBe('acquire');
    expect((error as RunFailedError).cause).toBeInstanceOf(InputError);
    expect(calls).toEqual([]);
    const events = await eventsOf(handle.events);
    expect(events.at(-1)).toMatchObject({
      type: 'run-finish',
      status: 'failed',
      error: { code: 'RUN_FAILED' },
    });
  });

  it('rejects stage output that breaks its schema instead of passing it on', async () => {
    const stages = fakeStages([], {
      summarize: async () => ok({ method: 'heuristic', summary: '', keyPoints: [] } as never),
    });
    const error = await createOrchestrator({ stages })
      .run(request)
      .report.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).cause).toMatchObject({ code: 'STAGE_OUTPUT_INVALID' });
  });

  it('cancels through the AbortSignal: the running stage sees it and nothing new starts', async () => {
    const controller = new AbortController();
    const calls: StageId[] = [];
    let sawAbort = false;
    const stages = fakeStages(calls, {
      'quality-gate': async (_input, context) => {
        calls.push('quality-gate');
        setImmediate(() => controller.abort());
        await new Promise<void>((resolve) =>
          context.signal.addEventListener('abort', () => resolve()),
        );
        sawAbort = context.signal.aborted;
        throw context.signal.reason;
      },
    });
    const handle = createOrchestrator({ stages }).run(request, { signal: controller.signal });
    const error = await handle.report.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CancelledError);
    expect(sawAbort).toBe(true);
    expect(calls).toEqual(['acquire', 'quality-gate']);
    const events = await eventsOf(handle.events);
    expect(events.at(-1)).toMatchObject({ type: 'run-finish', status: 'cancelled' });
  });

  it('skips gated stages when the quality gate does not pass, saying why', async () => {
    const base = fakeStages([]);
    const stages = fakeStages([], {
      'quality-gate': async (input, context) => {
        const outcome = await base['quality-gate']!(input, context);
        if (outcome.status === 'skip') return outcome;
        return ok({
          ...outcome.data,
          passed: false,
          reasons: ['the text is under 200 characters'],
        });
      },
    });
    const report = await createOrchestrator({ stages }).run(request).report;
    expect(report.stages.find((stage) => stage.id === 'claims')).toMatchObject({
      status: 'skip',
      reason: 'the quality gate did not pass: the text is under 200 characters',
    });
    expect(report.summary).toBeDefined();
  });

  it('keeps concurrent runs apart: each stage sees only its own run context', async () => {
    const seen: string[] = [];
    const orchestrator = createOrchestrator({
      stages: fakeStages([], {
        sentiment: async (_input, context) => {
          seen.push(`${context.runId}:${context.tenant.tenantId}`);
          await new Promise((resolve) => setImmediate(resolve));
          seen.push(`${context.runId}:${context.tenant.tenantId}`);
          return fakeStages([]).sentiment!(_input, context);
        },
      }),
    });
    const runs = ['guild_1', 'guild_2', 'guild_3'].map((tenantId, index) =>
      orchestrator.run({ ...request, runId: `run-${index}`, tenant: { tenantId } }),
    );
    const reports = await Promise.all(runs.map((run) => run.report));
    expect(reports.map((report) => `${report.runId}:${report.tenant.tenantId}`)).toEqual([
      'run-0:guild_1',
      'run-1:guild_2',
      'run-2:guild_3',
    ]);
    expect(seen.sort()).toEqual([
      'run-0:guild_1',
      'run-0:guild_1',
      'run-1:guild_2',
      'run-1:guild_2',
      'run-2:guild_3',
      'run-2:guild_3',
    ]);
  });

  it('refuses an invalid request at once', () => {
    const orchestrator = createOrchestrator({ stages: fakeStages([]) });
    expect(() => orchestrator.run({ ...request, depth: 'bottomless' as never })).toThrow(
      InputError,
    );
  });

  it('fails a required stage with no implementation with a config error', async () => {
    const stages = fakeStages([]);
    const { briefing: _omitted, ...withoutBriefing } = stages;
    const error = await createOrchestrator({ stages: withoutBriefing })
      .run(request)
      .report.catch((caught: unknown) => caught);
    expect((error as RunFailedError).cause).toMatchObject({ code: 'STAGE_IMPLEMENTATION_MISSING' });
  });
});

describe('checkpoints and resume', () => {
  it('checkpoints every stage before announcing it, and a resumed run skips restored stages', async () => {
    const saved = new Map<StageId, StepResult<unknown>>();
    const announcedBeforeSave: StageId[] = [];
    const announced = new Set<StageId>();
    const firstCalls: StageId[] = [];
    const readBy = new Map<StageId, string[]>();
    const first = createOrchestrator({ stages: fakeStages(firstCalls) }).run(
      { ...request, runId: 'run-resume' },
      {
        checkpoint: async (stage, result, inputs) => {
          readBy.set(stage, Object.keys(inputs).sort());
          if (announced.has(stage)) announcedBeforeSave.push(stage);
          await new Promise((resolve) => setImmediate(resolve));
          saved.set(stage, result);
        },
      },
    );
    for await (const event of first.events)
      if (event.type === 'stage-finish') announced.add(event.stage);
    await first.report;
    expect(announcedBeforeSave).toEqual([]);
    // each checkpoint gets the outputs its stage read (what an input hash is made of)
    expect(readBy.get('acquire')).toEqual([]);
    expect(readBy.get('fact-check')).toEqual(
      expect.arrayContaining(['acquire', 'quality-gate', 'claims']),
    );
    expect([...saved.keys()].sort()).toEqual(first.plan.stages.map((stage) => stage.id).sort());

    // Pretend the process died before sentiment and briefing were saved.
    saved.delete('sentiment');
    saved.delete('briefing');
    const secondCalls: StageId[] = [];
    const second = createOrchestrator({ stages: fakeStages(secondCalls) }).run(
      { ...request, runId: 'run-resume' },
      { resume: saved },
    );
    const report = await second.report;
    expect(secondCalls.sort()).toEqual(['briefing', 'sentiment']);
    expect(report.summary?.summary).toBe('The council approved an energy budget.');
    const events = await eventsOf(second.events);
    const resumed = events.flatMap((e) =>
      e.type === 'stage-finish' && e.resumed ? [e.stage] : [],
    );
    expect(resumed.sort()).toEqual([...saved.keys()].sort());
  });

  it('re-runs a restored stage whose stored output no longer matches its schema', async () => {
    const calls: StageId[] = [];
    const timings = { startedAt: 't', finishedAt: 't', durationMs: 1 };
    const resume = new Map<StageId, StepResult<unknown>>([
      ['acquire', { status: 'ok', data: makeContent(), timings }],
      ['summarize', { status: 'ok', data: { summary: 'from an old version' }, timings }],
    ]);
    await createOrchestrator({ stages: fakeStages(calls) }).run(request, { resume }).report;
    expect(calls).toContain('summarize');
    expect(calls).not.toContain('acquire');
  });

  it('stops the run when a checkpoint cannot be written', async () => {
    const handle = createOrchestrator({ stages: fakeStages([]) }).run(request, {
      checkpoint: async (stage) => {
        if (stage === 'claims') throw new StorageError('DATABASE_UNAVAILABLE', 'disk full');
      },
    });
    const error = await handle.report.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).cause).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });
});
