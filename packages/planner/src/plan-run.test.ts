import { DEPTHS, type Depth, type StageId } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_USD, MAX_CLAIMS_BY_DEPTH } from './depth-defaults.js';
import { planRun } from './plan-run.js';
import { DEFAULT_PRICING } from './pricing.js';
import type { StagePlan } from './stage-plan.js';

/** The DESIGN.md "Depths and stages" table, written out by hand (text sources). */
const QUICK: StageId[] = ['acquire', 'quality-gate', 'summarize', 'claims', 'briefing'];
const STANDARD: StageId[] = [...QUICK, 'sentiment', 'fact-check', 'fallacies', 'deception'];
const DEEP: StageId[] = [...STANDARD, 'perspectives', 'threat', 'knowledge-graph', 'memory-write'];
const COMPREHENSIVE: StageId[] = [...DEEP, 'cross-reference', 'speaker-profile'];
const EXPERIMENTAL: StageId[] = [...COMPREHENSIVE, 'second-opinion'];
const EXPECTED: Record<Depth, StageId[]> = {
  quick: QUICK,
  standard: STANDARD,
  deep: DEEP,
  comprehensive: COMPREHENSIVE,
  experimental: EXPERIMENTAL,
};

function ids(plan: StagePlan): StageId[] {
  return plan.stages.map((stage) => stage.id);
}

describe('planRun', () => {
  it.each(DEPTHS)('plans exactly the stages of the design table at %s depth', (depth) => {
    const plan = planRun(depth);
    expect(plan.depth).toBe(depth);
    expect([...ids(plan)].sort()).toEqual([...EXPECTED[depth]].sort());
    expect(ids(planRun(depth, { media: true })).sort()).toEqual(
      [...EXPECTED[depth], 'transcribe'].sort(),
    );
  });

  it.each(DEPTHS)('orders the %s plan so every stage comes after what it waits for', (depth) => {
    const plan = planRun(depth, { media: true });
    const position = new Map(ids(plan).map((id, index) => [id, index]));
    for (const stage of plan.stages) {
      for (const before of [...stage.dependsOn, ...stage.after]) {
        expect(position.get(before), `${before} before ${stage.id}`).toBeLessThan(
          position.get(stage.id)!,
        );
      }
    }
  });

  it('drops `after` stages that the depth does not plan and keeps those it does', () => {
    const quick = planRun('quick').stages.find((stage) => stage.id === 'briefing')!;
    expect(quick.after).toEqual(['claims']);
    const deep = planRun('deep').stages.find((stage) => stage.id === 'threat')!;
    expect(deep.after).toEqual(['deception', 'sentiment', 'fallacies']);
    const text = planRun('deep').stages.find((stage) => stage.id === 'quality-gate')!;
    expect(text.after).toEqual([]);
  });

  it('plans transcribe only for media and keeps the quality gate either way', () => {
    const text = planRun('standard');
    expect(ids(text)).not.toContain('transcribe');
    expect(text.stages.find((stage) => stage.id === 'quality-gate')).toMatchObject({
      dependsOn: ['acquire'],
      after: [],
      level: 1,
    });

    const media = planRun('standard', { media: true });
    expect(ids(media).slice(0, 3)).toEqual(['acquire', 'transcribe', 'quality-gate']);
    expect(media.stages.find((stage) => stage.id === 'quality-gate')).toMatchObject({
      after: ['transcribe'],
      level: 2,
    });
  });

  it('groups independent analysis stages into one parallel level', () => {
    expect(planRun('standard').levels).toEqual([
      ['acquire'],
      ['quality-gate'],
      ['summarize', 'claims', 'sentiment', 'fallacies'],
      ['fact-check'],
      ['deception'],
      ['briefing'],
    ]);
  });

  it('finds the critical path of the real catalog and makes it the run duration', () => {
    const plan = planRun('standard', { pricing: null });
    expect(plan.criticalPath).toEqual([
      'acquire',
      'quality-gate',
      'claims',
      'fact-check',
      'deception',
      'briefing',
    ]);
    const byId = new Map(plan.stages.map((stage) => [stage.id, stage]));
    const pathMs = plan.criticalPath.reduce((sum, id) => sum + byId.get(id)!.estimatedMs, 0);
    expect(plan.estimate.durationMs).toBe(pathMs);
    expect(plan.estimate.durationMs).toBeLessThan(plan.estimate.sequentialMs);
    expect(plan.stages.filter((stage) => stage.onCriticalPath).map((stage) => stage.id)).toEqual(
      plan.criticalPath,
    );
  });

  it('puts transcription on the critical path of a media run', () => {
    const plan = planRun('deep', { media: true, wordCount: 3000 });
    expect(plan.criticalPath.slice(0, 3)).toEqual(['acquire', 'transcribe', 'quality-gate']);
    const transcribe = plan.stages.find((stage) => stage.id === 'transcribe')!;
    expect(transcribe.estimatedMs).toBeGreaterThan(plan.estimate.durationMs / 2);
  });

  it('moves the critical path when history says a stage is fast', () => {
    const plan = planRun('standard', { history: new Map([['fact-check', 1]]) });
    expect(plan.stages.find((stage) => stage.id === 'fact-check')!.estimatedMs).toBe(1);
    expect(plan.criticalPath).toEqual(['acquire', 'quality-gate', 'summarize', 'briefing']);
  });

  it('scales durations and tokens with the word count', () => {
    const short = planRun('deep', { wordCount: 500 });
    const long = planRun('deep', { wordCount: 5000 });
    expect(long.estimate.sequentialMs).toBeGreaterThan(short.estimate.sequentialMs);
    expect(long.estimate.durationMs).toBeGreaterThan(short.estimate.durationMs);
    expect(long.estimate.inputTokens).toBeGreaterThan(short.estimate.inputTokens);
    expect(long.estimate.costUsd).toBeGreaterThan(short.estimate.costUsd);
    const summarize = (plan: StagePlan) => plan.stages.find((stage) => stage.id === 'summarize')!;
    // summarize: 4000 ms + 1500 ms per 1k words; 400 + 1400 tokens per 1k words in, 600 out.
    expect(summarize(short).estimatedMs).toBe(4750);
    expect(summarize(long).estimatedMs).toBe(11500);
    expect(summarize(long).estimatedInputTokens).toBe(7400);
    expect(summarize(long).estimatedOutputTokens).toBe(600);
  });

  it('scales the per-claim stages with maxClaims, defaulting per depth', () => {
    const factCheck = (plan: StagePlan) => plan.stages.find((stage) => stage.id === 'fact-check')!;
    const standard = factCheck(planRun('standard'));
    expect(standard.estimatedInputTokens).toBe(300 + 300 * MAX_CLAIMS_BY_DEPTH.standard);
    expect(standard.estimatedOutputTokens).toBe(250 * MAX_CLAIMS_BY_DEPTH.standard);
    const many = factCheck(planRun('standard', { maxClaims: 20 }));
    expect(many.estimatedOutputTokens).toBe(250 * 20);
    expect(factCheck(planRun('experimental')).estimatedOutputTokens).toBe(250 * 15);
  });

  it('costs nothing offline and a positive amount with pricing', () => {
    const offline = planRun('comprehensive', { pricing: null });
    expect(offline.estimate.costUsd).toBe(0);
    expect(offline.stages.every((stage) => stage.estimatedCostUsd === 0)).toBe(true);
    expect(offline.estimate.inputTokens).toBeGreaterThan(0);

    const priced = planRun('comprehensive');
    expect(priced.estimate.costUsd).toBeGreaterThan(0);
    const expected =
      (priced.estimate.inputTokens * DEFAULT_PRICING.inputPerMillionUsd +
        priced.estimate.outputTokens * DEFAULT_PRICING.outputPerMillionUsd) /
      1_000_000;
    expect(priced.estimate.costUsd).toBeCloseTo(expected, 12);
    for (const stage of priced.stages.filter((stage) => stage.estimate.llm === null)) {
      expect(stage.estimatedCostUsd, stage.id).toBe(0);
    }
  });

  it('keeps the estimated cost of every depth well inside its default budget', () => {
    for (const depth of DEPTHS) {
      const plan = planRun(depth, { wordCount: 10_000, media: true });
      expect(plan.estimate.costUsd, depth).toBeLessThan(DEFAULT_BUDGET_USD[depth]);
    }
  });

  it('keeps the budgets and claim caps of the design', () => {
    expect(DEFAULT_BUDGET_USD).toEqual({
      quick: 0.5,
      standard: 1.5,
      deep: 3,
      comprehensive: 5,
      experimental: 10,
    });
    expect(MAX_CLAIMS_BY_DEPTH).toEqual({
      quick: 3,
      standard: 5,
      deep: 8,
      comprehensive: 12,
      experimental: 15,
    });
  });
});
