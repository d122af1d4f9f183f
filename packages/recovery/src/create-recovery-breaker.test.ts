import { OrchError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { CircuitOpenError } from './circuit-open-error.js';
import { createRecovery, type Recovery } from './create-recovery.js';
import type { RecoveryEvent } from './recovery-event.js';
import { recoverySnapshotSchema } from './recovery-snapshot.js';

function unavailable(): OrchError {
  return new OrchError('PROVIDER_UNAVAILABLE', 'provider said 503', {
    category: 'provider',
    retryable: true,
    details: { status: 503 },
  });
}

/** One attempt per call, so each call is one breaker outcome. */
const single = { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function fail(recovery: Recovery, key: string, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) {
    await recovery
      .execute({ key }, async () => {
        throw unavailable();
      })
      .catch(() => undefined);
  }
}

async function succeed(recovery: Recovery, key: string, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) {
    await recovery.execute({ key }, async () => 'ok');
  }
}

describe('circuit breaker per key', () => {
  it('opens after 5 consecutive failures and then refuses calls without making them', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({ policy: single, onEvent: (event) => events.push(event) });
    await fail(recovery, 'host/dead', 4);
    expect(recovery.breakerState('host/dead')).toBe('closed');
    await fail(recovery, 'host/dead', 1);
    expect(recovery.breakerState('host/dead')).toBe('open');

    let calls = 0;
    const error = await recovery
      .execute({ key: 'host/dead', stage: 'claims' }, async () => {
        calls += 1;
        return 'never';
      })
      .catch((caught: unknown) => caught);
    expect(calls).toBe(0);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({ code: 'CIRCUIT_OPEN', category: 'provider', retryable: false });
    expect((error as Error).message).toContain('host/dead');
    expect((error as CircuitOpenError).retryAtMs).toBeGreaterThan(Date.now() + 50_000);
    expect((error as Error).cause).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });

    expect(recovery.stats().rejections).toBe(1);
    expect(recovery.stats().breakerTransitions).toEqual([
      expect.objectContaining({ key: 'host/dead', from: 'closed', to: 'open' }),
    ]);
    expect(events.filter((event) => event.type === 'rejected')).toHaveLength(1);
    // Other keys have breakers of their own.
    expect(recovery.breakerState('host/alive')).toBe('closed');
    await expect(recovery.execute({ key: 'host/alive' }, async () => 'fine')).resolves.toBe('fine');
  });

  it('stops retrying once its own failures opened the breaker', async () => {
    const recovery = createRecovery({
      policy: { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 1 },
      breaker: { consecutiveFailures: 2 },
    });
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/dead' }, async () => {
      calls += 1;
      throw unavailable();
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(calls).toBe(2);
  });

  it('does not count non-retryable failures such as a 400 against the provider', async () => {
    const recovery = createRecovery({ policy: single });
    for (let index = 0; index < 8; index += 1) {
      await recovery
        .execute({ key: 'host/model' }, async () => {
          throw new OrchError('PROVIDER_BAD_REQUEST', 'bad schema', {
            category: 'provider',
            retryable: false,
            details: { status: 400 },
          });
        })
        .catch(() => undefined);
    }
    expect(recovery.breakerState('host/model')).toBe('closed');
  });

  it('opens on the failure rate over the window once it holds minimumCalls calls', async () => {
    const recovery = createRecovery({
      policy: single,
      breaker: { consecutiveFailures: 100, failureRate: 0.5, minimumCalls: 10, windowCalls: 100 },
    });
    for (let index = 0; index < 4; index += 1) {
      await succeed(recovery, 'host/flaky', 1);
      await fail(recovery, 'host/flaky', 1);
    }
    await succeed(recovery, 'host/flaky', 1);
    // 9 calls, 4 failures: not enough calls yet.
    expect(recovery.breakerState('host/flaky')).toBe('closed');
    await fail(recovery, 'host/flaky', 1);
    // 10 calls, 5 failures: rate 0.5.
    expect(recovery.breakerState('host/flaky')).toBe('open');
  });

  it('stays closed while the failure rate is below the threshold', async () => {
    const recovery = createRecovery({
      policy: single,
      breaker: { consecutiveFailures: 100, failureRate: 0.5, minimumCalls: 10, windowCalls: 100 },
    });
    for (let index = 0; index < 10; index += 1) {
      await succeed(recovery, 'host/mostly-fine', 2);
      await fail(recovery, 'host/mostly-fine', 1);
    }
    expect(recovery.breakerState('host/mostly-fine')).toBe('closed');
  });

  it('half-opens after the open period and closes after 3 successful trial calls', async () => {
    const recovery = createRecovery({
      policy: single,
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 150 },
    });
    await fail(recovery, 'host/model', 2);
    expect(recovery.breakerState('host/model')).toBe('open');
    await sleep(200);
    expect(recovery.breakerState('host/model')).toBe('half-open');

    await succeed(recovery, 'host/model', 1);
    expect(recovery.breakerState('host/model')).toBe('half-open');
    await succeed(recovery, 'host/model', 1);
    expect(recovery.breakerState('host/model')).toBe('half-open');
    await succeed(recovery, 'host/model', 1);
    expect(recovery.breakerState('host/model')).toBe('closed');

    expect(
      recovery
        .stats()
        .breakerTransitions.map((transition) => `${transition.from}>${transition.to}`),
    ).toEqual(['closed>open', 'open>half-open', 'half-open>closed']);
  });

  it('reopens when a trial call fails, even after earlier trials succeeded', async () => {
    const recovery = createRecovery({
      policy: single,
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 150 },
    });
    await fail(recovery, 'host/model', 2);
    await sleep(200);
    await succeed(recovery, 'host/model', 1);
    await fail(recovery, 'host/model', 1);
    expect(recovery.breakerState('host/model')).toBe('open');
    await expect(recovery.execute({ key: 'host/model' }, async () => 'x')).rejects.toMatchObject({
      code: 'CIRCUIT_OPEN',
    });
  });

  it('reopens when the first trial call fails', async () => {
    const recovery = createRecovery({
      policy: single,
      breaker: { consecutiveFailures: 1, halfOpenAfterMs: 150 },
    });
    await fail(recovery, 'host/model', 1);
    await sleep(200);
    await fail(recovery, 'host/model', 1);
    expect(recovery.breakerState('host/model')).toBe('open');
    expect(
      recovery
        .stats()
        .breakerTransitions.map((transition) => `${transition.from}>${transition.to}`),
    ).toEqual(['closed>open', 'open>half-open', 'half-open>open']);
  });
});

describe('breaker snapshots', () => {
  it('keeps an open breaker open in a new Recovery restored from a JSON snapshot', async () => {
    const first = createRecovery({ policy: single, breaker: { consecutiveFailures: 2 } });
    await fail(first, 'host/dead', 2);
    await succeed(first, 'host/alive', 1);
    const saved = first.snapshot();
    const stored: unknown = JSON.parse(JSON.stringify(saved));
    const snapshot = recoverySnapshotSchema.parse(stored);
    expect(snapshot.breakers['host/dead']).toMatchObject({ state: 'open' });
    const retryAtMs = snapshot.breakers['host/dead']?.retryAtMs ?? 0;
    expect(retryAtMs).toBeGreaterThan(Date.now() + 50_000);

    const resumed = createRecovery({ policy: single, snapshot });
    expect(resumed.breakerState('host/dead')).toBe('open');
    expect(resumed.breakerState('host/alive')).toBe('closed');
    let calls = 0;
    const error = await resumed
      .execute({ key: 'host/dead' }, async () => {
        calls += 1;
        return 'never';
      })
      .catch((caught: unknown) => caught);
    expect(calls).toBe(0);
    expect(error).toMatchObject({ code: 'CIRCUIT_OPEN', retryAtMs });
    expect(resumed.snapshot().breakers['host/dead']).toMatchObject({ state: 'open', retryAtMs });
  });

  it('lets a trial call through when the saved open period is over', async () => {
    const resumed = createRecovery({
      snapshot: {
        version: 1,
        savedAtMs: Date.now() - 120_000,
        breakers: {
          'host/model': {
            state: 'open',
            retryAtMs: Date.now() - 1_000,
            consecutiveFailures: 0,
            recentOutcomes: '',
          },
        },
      },
    });
    expect(resumed.breakerState('host/model')).toBe('half-open');
    await expect(resumed.execute({ key: 'host/model' }, async () => 'trial')).resolves.toBe(
      'trial',
    );
    expect(resumed.breakerState('host/model')).toBe('half-open');
  });

  it('restores trial progress of a half-open breaker', async () => {
    const resumed = createRecovery({
      snapshot: {
        version: 1,
        savedAtMs: Date.now(),
        breakers: {
          'host/model': {
            state: 'half-open',
            trialSuccesses: 2,
            consecutiveFailures: 0,
            recentOutcomes: '',
          },
        },
      },
    });
    expect(resumed.breakerState('host/model')).toBe('half-open');
    await succeed(resumed, 'host/model', 1);
    expect(resumed.breakerState('host/model')).toBe('closed');
    expect(resumed.stats().breakerTransitions).toEqual([
      expect.objectContaining({ key: 'host/model', from: 'half-open', to: 'closed' }),
    ]);
  });

  it('restores the consecutive-failure count of a closed breaker', async () => {
    const first = createRecovery({ policy: single });
    await fail(first, 'host/model', 4);
    const resumed = createRecovery({ policy: single, snapshot: first.snapshot() });
    expect(resumed.breakerState('host/model')).toBe('closed');
    await fail(resumed, 'host/model', 1);
    expect(resumed.breakerState('host/model')).toBe('open');
  });

  it('rejects a snapshot that is not one with INVALID_RECOVERY_SNAPSHOT', () => {
    const broken = {
      version: 1,
      savedAtMs: 0,
      breakers: { 'host/model': { state: 'open', consecutiveFailures: 0, recentOutcomes: '' } },
    };
    expect(() => createRecovery({ snapshot: broken as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_RECOVERY_SNAPSHOT', category: 'config' }),
    );
  });
});
