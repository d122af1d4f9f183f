import { CancelledError, OrchError, ValidationError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { CallTimeoutError } from './call-timeout-error.js';
import { createRecovery } from './create-recovery.js';
import type { RecoveryEvent } from './recovery-event.js';

/** The shape of @orch/llm's ProviderError, built here without depending on @orch/llm. */
function providerFailure(
  code: string,
  status: number,
  retryable: boolean,
  retryAfterMs?: number,
): OrchError {
  return new OrchError(code, `provider said ${status}`, {
    category: 'provider',
    retryable,
    details: { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  });
}

const fast = { initialDelayMs: 1, maxDelayMs: 2 };

/** Resolves when `signal` fires, so an operation can behave like a hanging request. */
function untilAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('createRecovery().execute retries', () => {
  it('retries a retryable failure and returns the later success', async () => {
    const recovery = createRecovery({ policy: fast });
    const seen: number[] = [];
    const value = await recovery.execute({ key: 'host/model' }, async (_signal, attempt) => {
      seen.push(attempt);
      if (attempt < 3) throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
      return 'answer';
    });
    expect(value).toBe('answer');
    expect(seen).toEqual([1, 2, 3]);
    expect(recovery.stats()).toMatchObject({ attempts: 3, retries: 2, timeouts: 0 });
  });

  it('rethrows the last failure, with its own code, once attempts are exhausted', async () => {
    const recovery = createRecovery({ policy: { ...fast, maxAttempts: 2 } });
    const failures = [
      providerFailure('PROVIDER_UNAVAILABLE', 502, true),
      providerFailure('PROVIDER_CONFLICT', 409, true),
    ];
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/model' }, async () => {
      const failure = failures[calls];
      calls += 1;
      throw failure;
    });
    await expect(outcome).rejects.toBe(failures[1]);
    expect(calls).toBe(2);
  });

  it.each([
    ['a rejected request (400)', providerFailure('PROVIDER_BAD_REQUEST', 400, false)],
    ['an auth failure (401)', providerFailure('PROVIDER_AUTH_FAILED', 401, false)],
    [
      'quota exhaustion (429 insufficient_quota)',
      providerFailure('PROVIDER_QUOTA_EXCEEDED', 429, false),
    ],
    [
      'a budget stop, even when flagged retryable',
      new OrchError('BUDGET_EXCEEDED', 'over budget', { category: 'budget', retryable: true }),
    ],
    [
      'output still invalid after the repair round',
      new ValidationError('LLM_OUTPUT_INVALID', 'still invalid', { retryable: false }),
    ],
    [
      'a 4xx other than 408/409/429, even when flagged retryable',
      providerFailure('PROVIDER_BAD_REQUEST', 422, true),
    ],
  ])('does not retry %s', async (_label, failure) => {
    const recovery = createRecovery({ policy: fast });
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      throw failure;
    });
    await expect(outcome).rejects.toBe(failure);
    expect(calls).toBe(1);
    expect(recovery.stats().retries).toBe(0);
  });

  it('retries malformed output (LLM_OUTPUT_MALFORMED is retryable)', async () => {
    const recovery = createRecovery({ policy: fast });
    let calls = 0;
    const value = await recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      if (calls === 1) {
        throw new ValidationError('LLM_OUTPUT_MALFORMED', 'not JSON', { retryable: true });
      }
      return { ok: true };
    });
    expect(value).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it('waits at least the Retry-After of a rate-limited ProviderError-shaped failure', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({ policy: fast, onEvent: (event) => events.push(event) });
    let calls = 0;
    const value = await recovery.execute({ key: 'host/model', stage: 'claims' }, async () => {
      calls += 1;
      if (calls === 1) throw providerFailure('PROVIDER_RATE_LIMITED', 429, true, 20);
      return 'after the wait';
    });
    expect(value).toBe('after the wait');
    const retries = events.filter((event) => event.type === 'retry');
    expect(retries).toEqual([
      expect.objectContaining({
        key: 'host/model',
        stage: 'claims',
        attempt: 1,
        delayMs: 20,
        retryAfterMs: 20,
        code: 'PROVIDER_RATE_LIMITED',
      }),
    ]);
    expect(recovery.stats().totalWaitMs).toBe(20);
  });

  it('honours a Retry-After above maxDelayMs up to maxRetryAfterMs', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({
      policy: { initialDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 30 },
      onEvent: (event) => events.push(event),
    });
    let calls = 0;
    await recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      if (calls === 1) throw providerFailure('PROVIDER_RATE_LIMITED', 429, true, 25);
      return 'ok';
    });
    expect(events.find((event) => event.type === 'retry')).toMatchObject({ delayMs: 25 });
  });

  it('fails fast with the original error when Retry-After exceeds maxRetryAfterMs', async () => {
    const recovery = createRecovery({ policy: { ...fast, maxRetryAfterMs: 1_000 } });
    const failure = providerFailure('PROVIDER_RATE_LIMITED', 429, true, 120_000);
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      throw failure;
    });
    await expect(outcome).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it('retries network failures of non-orch errors (ECONNRESET)', async () => {
    const recovery = createRecovery({ policy: fast });
    let calls = 0;
    const value = await recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return 'reconnected';
    });
    expect(value).toBe('reconnected');
  });
});

describe('createRecovery().execute timeouts', () => {
  it('aborts the signal of a hanging attempt and rejects with a retryable CALL_TIMEOUT', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({
      policy: { ...fast, timeoutMs: 10, maxAttempts: 2 },
      onEvent: (event) => events.push(event),
    });
    const signals: AbortSignal[] = [];
    const outcome = recovery.execute({ key: 'host/slow', stage: 'summarize' }, (signal) => {
      signals.push(signal);
      return untilAbort(signal);
    });
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallTimeoutError);
    expect(error).toMatchObject({ code: 'CALL_TIMEOUT', category: 'timeout', retryable: true });
    expect((error as Error).message).toContain('10 ms');
    expect((error as Error).message).toContain('stagePolicies["summarize"].timeoutMs');
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(recovery.stats()).toMatchObject({ attempts: 2, timeouts: 2, retries: 1 });
    expect(events.filter((event) => event.type === 'timeout')).toHaveLength(2);
  });

  it('retries after a timeout and returns the next attempt that answers in time', async () => {
    const recovery = createRecovery({ policy: { ...fast, timeoutMs: 10 } });
    const value = await recovery.execute({ key: 'host/slow' }, async (signal, attempt) => {
      if (attempt === 1) return untilAbort(signal);
      return 'second try';
    });
    expect(value).toBe('second try');
    expect(recovery.stats().timeouts).toBe(1);
  });

  it('treats whatever the operation throws after the timeout fired as CALL_TIMEOUT', async () => {
    const recovery = createRecovery({ policy: { ...fast, timeoutMs: 10, maxAttempts: 1 } });
    const outcome = recovery.execute({ key: 'host/slow' }, async (signal) => {
      await untilAbort(signal).catch(() => undefined);
      // An HTTP client reports its aborted request as a cancellation of its own.
      throw new CancelledError('request aborted');
    });
    await expect(outcome).rejects.toMatchObject({ code: 'CALL_TIMEOUT' });
  });
});

describe('createRecovery().execute cancellation', () => {
  it('stops a Retry-After wait as soon as the caller cancels', async () => {
    const controller = new AbortController();
    const recovery = createRecovery({
      policy: fast,
      onEvent: (event) => {
        if (event.type === 'retry') controller.abort();
      },
    });
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/model', signal: controller.signal }, async () => {
      calls += 1;
      throw providerFailure('PROVIDER_RATE_LIMITED', 429, true, 50_000);
    });
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CancelledError);
    expect(error).toMatchObject({ code: 'RUN_CANCELLED', retryable: false });
    expect(calls).toBe(1);
  });

  it('aborts the running attempt and does not retry or report a timeout', async () => {
    const controller = new AbortController();
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({ policy: fast, onEvent: (event) => events.push(event) });
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/model', signal: controller.signal }, (signal) => {
      calls += 1;
      setTimeout(() => controller.abort(), 1);
      return untilAbort(signal);
    });
    await expect(outcome).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toBe(1);
    expect(events).toEqual([]);
    expect(recovery.stats()).toMatchObject({ retries: 0, timeouts: 0 });
  });

  it('never calls the operation when the signal already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const recovery = createRecovery();
    let calls = 0;
    const outcome = recovery.execute({ key: 'host/model', signal: controller.signal }, async () => {
      calls += 1;
      return 'never';
    });
    await expect(outcome).rejects.toBeInstanceOf(CancelledError);
    expect(calls).toBe(0);
  });
});

describe('createRecovery().execute escalation and policies', () => {
  it('emits an escalate event only when a required call finally fails', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({ policy: fast, onEvent: (event) => events.push(event) });
    const fail = async (): Promise<never> => {
      throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
    };
    await expect(recovery.execute({ key: 'host/a', stage: 'sentiment' }, fail)).rejects.toThrow();
    expect(events.some((event) => event.type === 'escalate')).toBe(false);

    await expect(
      recovery.execute({ key: 'host/b', stage: 'summarize', required: true }, fail),
    ).rejects.toThrow();
    const escalations = events.filter((event) => event.type === 'escalate');
    expect(escalations).toEqual([
      expect.objectContaining({
        key: 'host/b',
        stage: 'summarize',
        code: 'PROVIDER_UNAVAILABLE',
        keys: ['host/b'],
      }),
    ]);
    expect(recovery.stats().escalations).toBe(1);
  });

  it('does not escalate a cancelled required call', async () => {
    const controller = new AbortController();
    controller.abort();
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({ onEvent: (event) => events.push(event) });
    await expect(
      recovery.execute({ key: 'host/a', required: true, signal: controller.signal }, async () => 1),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(events).toEqual([]);
  });

  it('applies the policy of the call stage over the default policy', async () => {
    const recovery = createRecovery({
      policy: { ...fast, maxAttempts: 3 },
      stagePolicies: { claims: { maxAttempts: 1 } },
    });
    const counts = { claims: 0, summarize: 0 };
    for (const stage of ['claims', 'summarize'] as const) {
      await expect(
        recovery.execute({ key: `host/${stage}`, stage }, async () => {
          counts[stage] += 1;
          throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
        }),
      ).rejects.toThrow();
    }
    expect(counts).toEqual({ claims: 1, summarize: 3 });
  });

  it('keeps running when an onEvent listener throws', async () => {
    const recovery = createRecovery({
      policy: fast,
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    let calls = 0;
    const value = await recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      if (calls === 1) throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
      return 'fine';
    });
    expect(value).toBe('fine');
  });

  it.each([
    [{ policy: { maxAttempts: 0 } }],
    [{ policy: { timeoutMs: -5 } }],
    [{ stagePolicies: { claims: { timeoutMs: Number.POSITIVE_INFINITY } } }],
    [{ breaker: { failureRate: 1.5 } }],
    [{ breaker: { minimumCalls: 20, windowCalls: 10 } }],
  ])('rejects invalid options %j with INVALID_RECOVERY_OPTIONS', (options) => {
    expect(() => createRecovery(options)).toThrow(
      expect.objectContaining({ code: 'INVALID_RECOVERY_OPTIONS', category: 'config' }),
    );
  });
});
