import { intelligenceReportSchema, type RunRequest, type StepResult } from '@orch/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkflowState, type WorkflowStateOptions } from './create-workflow-state.js';
import { createMemoryRunStore } from './memory-run-store.js';
import type { RunStatus } from './run-record.js';
import type { RunStore } from './run-store.js';
import { StateTransitionError } from './state-transition-error.js';
import { createTestReport } from './testing/fixtures.js';

const START = Date.parse('2024-05-01T10:00:00.000Z');
const TTL = 30_000;
const OWNER_A = 'host-a:101:aaaa';
const OWNER_B = 'host-b:202:bbbb';

function createClock() {
  let current = START;
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    iso: (offsetMs = 0) => new Date(current + offsetMs).toISOString(),
  };
}

const request: RunRequest = {
  source: { type: 'url', url: 'https://example.org/articles/budget-vote' },
  depth: 'standard',
  tenant: { tenantId: 'tenant-a', workspaceId: 'newsroom' },
};

const timings = {
  startedAt: '2024-05-01T10:00:01.000Z',
  finishedAt: '2024-05-01T10:00:02.000Z',
  durationMs: 1000,
};
const okResult = (data: unknown): StepResult<unknown> => ({ status: 'ok', data, timings });
const failResult: StepResult<unknown> = {
  status: 'fail',
  error: {
    code: 'PROVIDER_TIMEOUT',
    category: 'timeout',
    message: 'The model did not answer.',
    retryable: true,
    stage: 'summarize',
  },
  timings,
};
const runFailure = {
  code: 'RUN_FAILED',
  category: 'stage' as const,
  message: 'The run failed at stage "acquire".',
  retryable: false,
};

let clock: ReturnType<typeof createClock>;
let store: RunStore;

const makeState = (options: Partial<WorkflowStateOptions> = {}) =>
  createWorkflowState({
    store,
    now: clock.now,
    owner: OWNER_A,
    leaseTtlMs: TTL,
    isOwnerAlive: () => true,
    ...options,
  });

const newRun = (state: ReturnType<typeof makeState>, runId = 'run-1') =>
  state.createRun({
    runId,
    request,
    plannedStages: ['acquire', 'summarize', 'claims'],
    stageEstimatesMs: { acquire: 1000, summarize: 3000, claims: 1000 },
  });

/** Puts a stored run into a status directly, as another process would have left it. */
const setStatus = (runId: string, status: RunStatus) => store.updateRun(runId, { status });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  clock = createClock();
  store = createMemoryRunStore({ now: clock.now });
});

afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

describe('createRun', () => {
  it('stores a pending run for the request’s tenant', async () => {
    const state = makeState();
    const run = await newRun(state);
    expect(run).toMatchObject({
      id: 'run-1',
      status: 'pending',
      tenantId: 'tenant-a',
      workspaceId: 'newsroom',
      depth: 'standard',
      progress: 0,
      plannedStages: ['acquire', 'summarize', 'claims'],
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-01T10:00:00.000Z',
    });
    expect(await state.getRun('run-1')).toEqual(run);
  });

  it('uses the local tenant when the request has none', async () => {
    const state = makeState();
    const run = await state.createRun({
      runId: 'run-local',
      request: { source: { type: 'file', path: './talk.txt' }, depth: 'quick' },
      plannedStages: ['acquire'],
      stageEstimatesMs: {},
    });
    expect(run.tenantId).toBe('local');
    expect(run.workspaceId).toBeUndefined();
  });

  it('refuses a taken id with RUN_EXISTS', async () => {
    const state = makeState();
    await newRun(state);
    await expect(newRun(state)).rejects.toMatchObject({ code: 'RUN_EXISTS' });
  });
});

describe('startRun', () => {
  it('moves a pending run to running, sets startedAt and takes the lease', async () => {
    const state = makeState();
    await newRun(state);
    clock.advance(5000);
    const handle = await state.startRun('run-1');
    expect(handle.owner).toBe(OWNER_A);
    const run = await state.getRun('run-1');
    expect(run?.status).toBe('running');
    expect(run?.startedAt).toBe('2024-05-01T10:00:05.000Z');
    expect(await store.getLease('run-1')).toEqual({
      owner: OWNER_A,
      expiresAt: START + 5000 + TTL,
    });
    await handle.pause();
  });

  it('throws RUN_NOT_FOUND for an unknown run', async () => {
    await expect(makeState().startRun('missing')).rejects.toMatchObject({
      code: 'RUN_NOT_FOUND',
      category: 'storage',
    });
  });

  it('refuses a completed run with ILLEGAL_RUN_TRANSITION and takes no lease', async () => {
    const state = makeState();
    await newRun(state);
    await setStatus('run-1', 'completed');
    const attempt = state.startRun('run-1');
    await expect(attempt).rejects.toBeInstanceOf(StateTransitionError);
    await expect(attempt).rejects.toMatchObject({ code: 'ILLEGAL_RUN_TRANSITION' });
    expect(await store.getLease('run-1')).toBeUndefined();
  });

  it('refuses a run leased by another live owner with RUN_LEASED naming it and the lapse time', async () => {
    const holder = makeState({ owner: OWNER_A });
    await newRun(holder);
    const handle = await holder.startRun('run-1');
    clock.advance(1000);
    const other = makeState({ owner: OWNER_B, isOwnerAlive: () => true });
    const attempt = other.startRun('run-1');
    await expect(attempt).rejects.toMatchObject({ code: 'RUN_LEASED', retryable: true });
    await expect(attempt).rejects.toThrow(OWNER_A);
    await expect(attempt).rejects.toThrow(new Date(START + TTL).toISOString());
    expect((await store.getLease('run-1'))?.owner).toBe(OWNER_A);
    await handle.pause();
  });

  it('takes over at once from a dead owner on this host, without waiting for the lease', async () => {
    const state = makeState();
    await newRun(state);
    // A crashed executor: the run is running and its lease has not lapsed.
    await setStatus('run-1', 'running');
    await store.acquireLease('run-1', OWNER_B, TTL, START);
    clock.advance(1000);
    const isOwnerAlive = vi.fn((owner: string) => owner !== OWNER_B);
    const handle = await makeState({ owner: OWNER_A, isOwnerAlive }).startRun('run-1');
    expect(isOwnerAlive).toHaveBeenCalledWith(OWNER_B);
    expect(await store.getLease('run-1')).toEqual({
      owner: OWNER_A,
      expiresAt: START + 1000 + TTL,
    });
    const run = await state.getRun('run-1');
    expect(run?.status).toBe('running');
    expect(run?.startedAt).toBe(clock.iso());
    await handle.pause();
  });

  it('takes over a running run once its lease has lapsed, even if the owner may be alive', async () => {
    const state = makeState();
    await newRun(state);
    await setStatus('run-1', 'running');
    await store.acquireLease('run-1', OWNER_B, TTL, START);
    clock.advance(TTL);
    const handle = await makeState({ owner: OWNER_A, isOwnerAlive: () => true }).startRun('run-1');
    expect((await store.getLease('run-1'))?.owner).toBe(OWNER_A);
    await handle.pause();
  });

  it('lets exactly one of two processes start the same run', async () => {
    const first = makeState({ owner: OWNER_A });
    const second = makeState({ owner: OWNER_B });
    await newRun(first);
    const outcomes = await Promise.allSettled([first.startRun('run-1'), second.startRun('run-1')]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: 'RUN_LEASED' });
    const winner = won[0]?.value;
    expect((await store.getLease('run-1'))?.owner).toBe(winner?.owner);
    expect((await store.getRun('run-1'))?.status).toBe('running');
    await winner?.pause();
  });

  it('lets exactly one of two calls in the same process start the run', async () => {
    const state = makeState();
    await newRun(state);
    const outcomes = await Promise.allSettled([state.startRun('run-1'), state.startRun('run-1')]);
    const won = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value] : [],
    );
    expect(won).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'RUN_LEASED' },
    });
    await won[0]?.pause();
  });

  it('reports RUN_CONFLICT and gives the lease back when the status changes under it', async () => {
    const base = createMemoryRunStore({ now: clock.now });
    store = {
      ...base,
      async acquireLease(runId, owner, ttlMs, at) {
        const lease = await base.acquireLease(runId, owner, ttlMs, at);
        await base.updateRun(runId, { status: 'cancelled' }, 'pending');
        return lease;
      },
    };
    const state = makeState();
    await newRun(state);
    await expect(state.startRun('run-1')).rejects.toMatchObject({
      code: 'RUN_CONFLICT',
      message: expect.stringContaining('from "pending" to "cancelled"'),
    });
    expect(await store.getLease('run-1')).toBeUndefined();
    expect((await store.getRun('run-1'))?.status).toBe('cancelled');
  });

  it.each(['failed', 'cancelled', 'paused'] as const)(
    'resumes a %s run: running again, with its old error and finish cleared',
    async (status) => {
      const state = makeState();
      await newRun(state);
      await store.updateRun('run-1', {
        status,
        error: runFailure,
        finishedAt: clock.iso(),
        archivedAt: clock.iso(),
      });
      clock.advance(60_000);
      const handle = await state.startRun('run-1');
      const run = await state.getRun('run-1');
      expect(run).toMatchObject({ status: 'running', startedAt: clock.iso() });
      expect(run?.error).toBeUndefined();
      expect(run?.finishedAt).toBeUndefined();
      expect(run?.archivedAt).toBeUndefined();
      await handle.pause();
    },
  );

  it('renews the lease every third of its ttl and stops when the run ends', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    expect(vi.getTimerCount()).toBe(1);
    clock.advance(TTL / 3);
    await vi.advanceTimersByTimeAsync(TTL / 3);
    expect((await store.getLease('run-1'))?.expiresAt).toBe(START + TTL / 3 + TTL);
    clock.advance(TTL / 3);
    await vi.advanceTimersByTimeAsync(TTL / 3);
    expect((await store.getLease('run-1'))?.expiresAt).toBe(START + (2 * TTL) / 3 + TTL);
    await handle.complete(createTestReport('run-1'));
    expect(vi.getTimerCount()).toBe(0);
    expect(await store.getLease('run-1')).toBeUndefined();
  });

  it('aborts the handle with RUN_LEASE_LOST when another process took the lease', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    // The renewals stalled past the ttl and another process took the run over.
    clock.advance(TTL);
    await store.acquireLease('run-1', OWNER_B, TTL, clock.now().getTime());
    await vi.advanceTimersByTimeAsync(TTL / 3);
    expect(handle.signal.aborted).toBe(true);
    expect(handle.signal.reason).toMatchObject({ code: 'RUN_LEASE_LOST' });
    expect(vi.getTimerCount()).toBe(0);
    await expect(handle.checkpoint('acquire', okResult({}))).rejects.toMatchObject({
      code: 'RUN_LEASE_LOST',
    });
    await expect(handle.complete(createTestReport('run-1'))).rejects.toMatchObject({
      code: 'RUN_LEASE_LOST',
    });
    expect((await store.getLease('run-1'))?.owner).toBe(OWNER_B);
    expect((await store.getRun('run-1'))?.status).toBe('running');
  });
});

describe('checkpoint', () => {
  it('stores each kind of result with its output, reason or error and the details', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    const content = { text: 'The vote passed.', segments: [{ index: 0, start: 0, end: 16 }] };
    await handle.checkpoint('acquire', okResult(content), {
      inputHash: 'c'.repeat(64),
      model: 'gpt-4o-mini',
      promptVersion: 'acquire@1',
      costUsd: 0.02,
    });
    await handle.checkpoint('summarize', {
      status: 'uncertain',
      data: { summary: 'Hedged.' },
      reason: 'short input',
      timings,
    });
    await handle.checkpoint('claims', { status: 'skip', reason: 'nothing to check', timings });
    const [acquire, summarize, claims] = await state.listCheckpoints('run-1');
    expect(acquire).toEqual({
      runId: 'run-1',
      stage: 'acquire',
      status: 'ok',
      attempts: 1,
      output: content,
      inputHash: 'c'.repeat(64),
      model: 'gpt-4o-mini',
      promptVersion: 'acquire@1',
      costUsd: 0.02,
      startedAt: timings.startedAt,
      finishedAt: timings.finishedAt,
      durationMs: 1000,
    });
    expect(summarize).toMatchObject({
      status: 'uncertain',
      output: { summary: 'Hedged.' },
      reason: 'short input',
    });
    expect(claims).toMatchObject({ status: 'skip', reason: 'nothing to check', costUsd: 0 });
    expect(claims?.output).toBeUndefined();
    await handle.pause();
  });

  it('weights progress by estimated duration (+1 ms each) and counts only work a resume keeps', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await handle.checkpoint('acquire', okResult({}));
    expect((await state.getRun('run-1'))?.progress).toBeCloseTo(1001 / 5003, 10);
    await handle.checkpoint('summarize', failResult);
    expect((await state.getRun('run-1'))?.progress).toBeCloseTo(1001 / 5003, 10);
    await handle.checkpoint('claims', { status: 'skip', reason: 'nothing to check', timings });
    expect((await state.getRun('run-1'))?.progress).toBeCloseTo(2002 / 5003, 10);
    await handle.checkpoint('summarize', okResult({ summary: 'Done.' }));
    expect((await state.getRun('run-1'))?.progress).toBe(1);
    await handle.pause();
  });

  it('adds attempts and cost over earlier executions of the same stage', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await handle.checkpoint('summarize', failResult, { attempts: 2, costUsd: 0.1 });
    await handle.fail(runFailure);
    const resumed = await state.startRun('run-1');
    const checkpoint = await resumed.checkpoint('summarize', okResult({ summary: 'Done.' }), {
      costUsd: 0.05,
    });
    expect(checkpoint.attempts).toBe(3);
    expect(checkpoint.costUsd).toBeCloseTo(0.15, 10);
    expect(checkpoint.error).toBeUndefined();
    expect((await state.listCheckpoints('run-1'))[0]).toEqual(checkpoint);
    await resumed.pause();
  });

  it('saves run-level state with a checkpoint, merged key by key and kept for the next execution', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    const openBreaker = { breakers: { 'api.example/gpt': { state: 'open' } } };
    await handle.checkpoint('acquire', okResult({ text: 'x' }), {
      extra: { recovery: openBreaker },
    });
    await handle.checkpoint('summarize', failResult, { extra: { budget: { spentUsd: 0.2 } } });
    expect((await state.getRun('run-1'))?.extra).toEqual({
      recovery: openBreaker,
      budget: { spentUsd: 0.2 },
    });
    await handle.fail(runFailure);
    const resumed = await state.startRun('run-1');
    await resumed.checkpoint('summarize', okResult({ summary: 'Done.' }), {
      extra: { recovery: { breakers: {} } },
    });
    expect((await state.getRun('run-1'))?.extra).toEqual({
      recovery: { breakers: {} },
      budget: { spentUsd: 0.2 },
    });
    await resumed.pause();
  });

  it('counts stages restored from an earlier execution, but not the ones that re-run', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await handle.checkpoint('acquire', okResult({}));
    await handle.checkpoint('summarize', failResult);
    await handle.fail(runFailure);
    const resumed = await state.startRun('run-1');
    await resumed.checkpoint('claims', okResult({ claims: [] }));
    expect((await state.getRun('run-1'))?.progress).toBeCloseTo(2002 / 5003, 10);
    await resumed.pause();
  });

  it('rejects invalid attempts or cost with INVALID_CHECKPOINT and stores nothing', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await expect(handle.checkpoint('acquire', okResult({}), { attempts: 0 })).rejects.toMatchObject(
      { code: 'INVALID_CHECKPOINT' },
    );
    await expect(handle.checkpoint('acquire', okResult({}), { costUsd: -1 })).rejects.toMatchObject(
      { code: 'INVALID_CHECKPOINT' },
    );
    expect(await state.listCheckpoints('run-1')).toEqual([]);
    await handle.pause();
  });

  it('stops with RUN_NOT_RUNNING when someone else moved the run out of running', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await store.updateRun('run-1', { status: 'cancelled' }, 'running');
    await expect(handle.checkpoint('acquire', okResult({}))).rejects.toMatchObject({
      code: 'RUN_NOT_RUNNING',
      message: expect.stringContaining('is now "cancelled"'),
    });
    expect(handle.signal.aborted).toBe(true);
    expect(handle.signal.reason).toMatchObject({ code: 'RUN_NOT_RUNNING' });
    expect((await state.listCheckpoints('run-1')).map((item) => item.stage)).toEqual(['acquire']);
  });
});

describe('ending a run', () => {
  it('completes: stores the report, progress 1, finish time, and frees the lease', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    clock.advance(42_000);
    const report = createTestReport('run-1');
    const run = await handle.complete(report);
    expect(run).toMatchObject({ status: 'completed', progress: 1, finishedAt: clock.iso() });
    expect(intelligenceReportSchema.parse(run.report)).toEqual(report);
    expect(await store.getLease('run-1')).toBeUndefined();
    await expect(handle.checkpoint('acquire', okResult({}))).rejects.toMatchObject({
      code: 'RUN_HANDLE_CLOSED',
    });
    await expect(handle.pause()).rejects.toMatchObject({ code: 'RUN_HANDLE_CLOSED' });
    await expect(state.startRun('run-1')).rejects.toMatchObject({
      code: 'ILLEGAL_RUN_TRANSITION',
    });
  });

  it('fails with the error and can be started again', async () => {
    const state = makeState();
    await newRun(state);
    const run = await (await state.startRun('run-1')).fail(runFailure);
    expect(run).toMatchObject({ status: 'failed', error: runFailure, finishedAt: clock.iso() });
    expect(await store.getLease('run-1')).toBeUndefined();
    const again = await state.startRun('run-1');
    expect((await state.getRun('run-1'))?.status).toBe('running');
    await again.pause();
  });

  it('cancels with RUN_CANCELLED unless given an error', async () => {
    const state = makeState();
    await newRun(state, 'a');
    await newRun(state, 'b');
    const first = await (await state.startRun('a')).cancel();
    expect(first.status).toBe('cancelled');
    expect(first.error).toMatchObject({ code: 'RUN_CANCELLED', category: 'cancelled' });
    const second = await (await state.startRun('b')).cancel(runFailure);
    expect(second.error).toEqual(runFailure);
  });

  it('pauses without a finish time, and frees the lease for any process', async () => {
    const state = makeState();
    await newRun(state);
    const run = await (await state.startRun('run-1')).pause();
    expect(run.status).toBe('paused');
    expect(run.finishedAt).toBeUndefined();
    const other = await makeState({ owner: OWNER_B }).startRun('run-1');
    expect((await store.getLease('run-1'))?.owner).toBe(OWNER_B);
    await other.pause();
  });

  it('waits for earlier checkpoints before ending, in call order', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    const saved = handle.checkpoint('acquire', okResult({}));
    const completed = handle.complete(createTestReport('run-1'));
    const late = handle.checkpoint('claims', okResult({}));
    await expect(saved).resolves.toMatchObject({ stage: 'acquire' });
    await expect(completed).resolves.toMatchObject({ status: 'completed' });
    await expect(late).rejects.toMatchObject({ code: 'RUN_HANDLE_CLOSED' });
    expect((await state.listCheckpoints('run-1')).map((item) => item.stage)).toEqual(['acquire']);
  });

  it('reports RUN_CONFLICT when the run left running before it could end, and frees the lease', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await store.updateRun('run-1', { status: 'cancelled' }, 'running');
    await expect(handle.complete(createTestReport('run-1'))).rejects.toMatchObject({
      code: 'RUN_CONFLICT',
    });
    expect((await store.getRun('run-1'))?.status).toBe('cancelled');
    expect(await store.getLease('run-1')).toBeUndefined();
  });
});

describe('resumeState', () => {
  it('returns the results of final checkpoints only, with their stored output', async () => {
    const state = makeState();
    await state.createRun({
      runId: 'run-1',
      request,
      plannedStages: ['acquire', 'quality-gate', 'summarize', 'claims', 'sentiment', 'fact-check'],
      stageEstimatesMs: {},
    });
    const handle = await state.startRun('run-1');
    const content = { text: 'The vote passed.', nested: { list: [1, { deep: true }] } };
    await handle.checkpoint('acquire', okResult(content));
    await handle.checkpoint('quality-gate', {
      status: 'uncertain',
      data: { passed: true, score: 0.55 },
      reason: 'borderline',
      timings,
    });
    await handle.checkpoint('summarize', failResult);
    await handle.checkpoint('sentiment', {
      status: 'skip',
      reason: 'the quality gate did not pass: too short',
      timings,
    });
    await handle.checkpoint('claims', {
      status: 'skip',
      reason: 'Skipped because the run stopped before this stage started.',
      timings,
    });
    await handle.checkpoint('fact-check', {
      status: 'skip',
      reason: 'Skipped because it needs "claims", which did not succeed.',
      timings,
    });
    await handle.fail(runFailure);

    const { run, results } = await state.resumeState('run-1');
    expect(run.status).toBe('failed');
    expect([...results.keys()]).toEqual(['acquire', 'quality-gate', 'sentiment']);
    expect(results.get('acquire')).toEqual({ status: 'ok', data: content, timings });
    expect(results.get('quality-gate')).toEqual({
      status: 'uncertain',
      data: { passed: true, score: 0.55 },
      reason: 'borderline',
      timings,
    });
    expect(results.get('sentiment')).toMatchObject({ status: 'skip' });
  });

  it('throws RUN_NOT_FOUND for an unknown run', async () => {
    await expect(makeState().resumeState('missing')).rejects.toMatchObject({
      code: 'RUN_NOT_FOUND',
    });
  });

  it('throws RUN_ALREADY_COMPLETED pointing to `orch runs show` for a completed run', async () => {
    const state = makeState();
    await newRun(state);
    await setStatus('run-1', 'completed');
    await expect(state.resumeState('run-1')).rejects.toMatchObject({
      code: 'RUN_ALREADY_COMPLETED',
      category: 'storage',
      message: expect.stringContaining('orch runs show run-1'),
    });
  });
});

describe('archive and prune', () => {
  const statuses: readonly RunStatus[] = [
    'pending',
    'running',
    'paused',
    'completed',
    'failed',
    'cancelled',
  ];

  /** One old run per status (created at START), and one new completed run. */
  const seed = async (state: ReturnType<typeof makeState>) => {
    for (const status of statuses) {
      await newRun(state, `old-${status}`);
      await setStatus(`old-${status}`, status);
    }
    clock.advance(10 * 86_400_000);
    await newRun(state, 'new-completed');
    await setStatus('new-completed', 'completed');
  };
  const cutoff = () => new Date(START + 86_400_000);

  it('archives only finished runs older than the cut-off, hiding them from listings', async () => {
    const state = makeState();
    await seed(state);
    expect(await state.archive(cutoff())).toBe(3);
    const visible = (await state.listRuns()).map((run) => run.id).sort();
    expect(visible).toEqual(['new-completed', 'old-paused', 'old-pending', 'old-running']);
    const archived = (await state.listRuns({ includeArchived: true }))
      .filter((run) => run.archivedAt !== undefined)
      .map((run) => run.id)
      .sort();
    expect(archived).toEqual(['old-cancelled', 'old-completed', 'old-failed']);
    expect(await state.archive(cutoff())).toBe(0);
  });

  it('archives more runs than one listing page holds', async () => {
    const state = makeState();
    for (let index = 0; index < 450; index++) {
      await newRun(state, `done-${index}`);
      await setStatus(`done-${index}`, 'completed');
    }
    clock.advance(1000);
    expect(await state.archive(clock.now())).toBe(450);
    expect(await state.listRuns()).toEqual([]);
  });

  it('prunes finished runs older than the cut-off, archived or not, never live ones', async () => {
    const state = makeState();
    await seed(state);
    await state.archive(cutoff());
    expect(await state.prune(cutoff())).toBe(3);
    const left = (await state.listRuns({ includeArchived: true })).map((run) => run.id).sort();
    expect(left).toEqual(['new-completed', 'old-paused', 'old-pending', 'old-running']);
  });

  it('rejects an invalid cut-off date with INVALID_DATE', async () => {
    await expect(makeState().prune(new Date('not a date'))).rejects.toMatchObject({
      code: 'INVALID_DATE',
    });
  });
});

describe('summaries and options', () => {
  it('summarises a stored run with its checkpoints', async () => {
    const state = makeState();
    await newRun(state);
    const handle = await state.startRun('run-1');
    await handle.checkpoint('acquire', okResult({}), { costUsd: 0.01 });
    await handle.checkpoint('summarize', failResult, { costUsd: 0.2 });
    clock.advance(90_000);
    const run = await handle.fail(runFailure);
    const summary = state.summarize(run, await state.listCheckpoints('run-1'));
    expect(summary).toMatchObject({
      id: 'run-1',
      status: 'failed',
      source: 'https://example.org/articles/budget-vote',
      durationMs: 90_000,
      stages: { ok: 1, uncertain: 0, skip: 0, fail: 1, pending: 1 },
      error: runFailure,
    });
    expect(summary.costUsd).toBeCloseTo(0.21, 10);
    // the failed stage will run again on resume, so only acquire counts as done
    expect(summary.progress).toBeCloseTo(1001 / 5003, 10);
  });

  it('rejects a lease ttl that is not a positive number with INVALID_LEASE_TTL', () => {
    expect(() => makeState({ leaseTtlMs: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_LEASE_TTL', category: 'config' }),
    );
  });

  it('defaults the owner to this host and process', () => {
    const state = createWorkflowState({ store });
    expect(state.owner).toMatch(new RegExp(`:${process.pid}:[a-f0-9]{8}$`));
  });
});
