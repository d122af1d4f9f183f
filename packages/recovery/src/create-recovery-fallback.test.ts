import { CancelledError, OrchError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { createRecovery } from './create-recovery.js';
import type { RecoveryEvent } from './recovery-event.js';

function providerFailure(code: string, status: number, retryable: boolean): OrchError {
  return new OrchError(code, `provider said ${status}`, {
    category: 'provider',
    retryable,
    details: { status },
  });
}

const fast = { initialDelayMs: 1, maxDelayMs: 1 };

describe('createRecovery().executeWithFallback', () => {
  it('moves to the next model when the first is exhausted and reports who answered', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({ policy: fast, onEvent: (event) => events.push(event) });
    let primaryCalls = 0;
    const result = await recovery.executeWithFallback({ stage: 'claims' }, [
      {
        key: 'openai/gpt-4o',
        run: async () => {
          primaryCalls += 1;
          throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
        },
      },
      { key: 'openrouter/llama', run: async () => 'from llama' },
    ]);
    expect(result).toEqual({ value: 'from llama', key: 'openrouter/llama', fellBack: true });
    expect(primaryCalls).toBe(3);
    expect(events.filter((event) => event.type === 'fallback')).toEqual([
      expect.objectContaining({
        key: 'openai/gpt-4o',
        to: 'openrouter/llama',
        stage: 'claims',
        code: 'PROVIDER_UNAVAILABLE',
      }),
    ]);
    expect(recovery.stats().fallbacks).toBe(1);
  });

  it('answers from the first candidate without falling back when it works', async () => {
    const recovery = createRecovery();
    const result = await recovery.executeWithFallback({}, [
      { key: 'a/1', run: async () => 1 },
      { key: 'b/2', run: async () => 2 },
    ]);
    expect(result).toEqual({ value: 1, key: 'a/1', fellBack: false });
  });

  it('skips a candidate whose breaker is open without calling it', async () => {
    const recovery = createRecovery({
      policy: { ...fast, maxAttempts: 1 },
      breaker: { consecutiveFailures: 1 },
    });
    await recovery
      .execute({ key: 'a/dead' }, async () => {
        throw providerFailure('PROVIDER_UNAVAILABLE', 500, true);
      })
      .catch(() => undefined);
    let deadCalls = 0;
    const result = await recovery.executeWithFallback({}, [
      {
        key: 'a/dead',
        run: async () => {
          deadCalls += 1;
          return 'dead';
        },
      },
      { key: 'b/alive', run: async () => 'alive' },
    ]);
    expect(result.key).toBe('b/alive');
    expect(deadCalls).toBe(0);
  });

  it('moves on after an auth failure of one provider without retrying it', async () => {
    const recovery = createRecovery({ policy: fast });
    let calls = 0;
    const result = await recovery.executeWithFallback({}, [
      {
        key: 'a/model',
        run: async () => {
          calls += 1;
          throw providerFailure('PROVIDER_AUTH_FAILED', 401, false);
        },
      },
      { key: 'b/model', run: async () => 'b' },
    ]);
    expect(result.key).toBe('b/model');
    expect(calls).toBe(1);
  });

  it('stops on a budget failure: no other model can fix it', async () => {
    const recovery = createRecovery({ policy: fast });
    const overBudget = new OrchError('BUDGET_EXCEEDED', 'over budget', { category: 'budget' });
    let secondCalls = 0;
    const outcome = recovery.executeWithFallback({}, [
      {
        key: 'a/model',
        run: async () => {
          throw overBudget;
        },
      },
      {
        key: 'b/model',
        run: async () => {
          secondCalls += 1;
          return 'b';
        },
      },
    ]);
    await expect(outcome).rejects.toBe(overBudget);
    expect(secondCalls).toBe(0);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const recovery = createRecovery({ policy: fast });
    let secondCalls = 0;
    const outcome = recovery.executeWithFallback({ signal: controller.signal }, [
      {
        key: 'a/model',
        run: async () => {
          controller.abort();
          throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
        },
      },
      {
        key: 'b/model',
        run: async () => {
          secondCalls += 1;
          return 'b';
        },
      },
    ]);
    await expect(outcome).rejects.toBeInstanceOf(CancelledError);
    expect(secondCalls).toBe(0);
  });

  it('rethrows the last failure and escalates once when a required chain is exhausted', async () => {
    const events: RecoveryEvent[] = [];
    const recovery = createRecovery({
      policy: { ...fast, maxAttempts: 1 },
      onEvent: (event) => events.push(event),
    });
    const last = providerFailure('PROVIDER_RATE_LIMITED', 429, true);
    const outcome = recovery.executeWithFallback({ stage: 'fact-check', required: true }, [
      {
        key: 'a/model',
        run: async () => {
          throw providerFailure('PROVIDER_UNAVAILABLE', 503, true);
        },
      },
      {
        key: 'b/model',
        run: async () => {
          throw last;
        },
      },
    ]);
    await expect(outcome).rejects.toBe(last);
    expect(events.filter((event) => event.type === 'escalate')).toEqual([
      expect.objectContaining({
        stage: 'fact-check',
        code: 'PROVIDER_RATE_LIMITED',
        keys: ['a/model', 'b/model'],
      }),
    ]);
  });

  it('rejects an empty chain with NO_FALLBACK_CANDIDATES', async () => {
    const recovery = createRecovery();
    await expect(recovery.executeWithFallback({ stage: 'claims' }, [])).rejects.toMatchObject({
      code: 'NO_FALLBACK_CANDIDATES',
      category: 'config',
    });
  });

  it('uses a custom shouldFallBack rule', async () => {
    const recovery = createRecovery({ policy: fast, shouldFallBack: () => false });
    const failure = providerFailure('PROVIDER_UNAVAILABLE', 503, true);
    await expect(
      recovery.executeWithFallback({}, [
        {
          key: 'a/model',
          run: async () => {
            throw failure;
          },
        },
        { key: 'b/model', run: async () => 'b' },
      ]),
    ).rejects.toBe(failure);
  });
});
