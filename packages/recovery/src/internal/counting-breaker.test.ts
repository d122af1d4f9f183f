import { CircuitState } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAKER_POLICY } from '../breaker-policy.js';
import { CountingBreaker } from './counting-breaker.js';

function feed(breaker: CountingBreaker, outcomes: string): boolean[] {
  return [...outcomes].map((outcome) => {
    if (outcome === 'f') return breaker.failure(CircuitState.Closed);
    breaker.success(CircuitState.Closed);
    return false;
  });
}

describe('CountingBreaker', () => {
  const policy = {
    ...DEFAULT_BREAKER_POLICY,
    consecutiveFailures: 10,
    failureRate: 0.5,
    minimumCalls: 4,
    windowCalls: 4,
  };

  it('computes the failure rate over the most recent windowCalls calls only', () => {
    const breaker = new CountingBreaker(policy, () => undefined);
    // Over all 8 calls the rate would be 0.5; over the last 4 it is 0.25.
    const opened = feed(breaker, 'fffssssf');
    expect(opened.slice(0, 3)).toEqual([false, false, false]);
    expect(opened.at(-1)).toBe(false);
    expect(breaker.state.recentOutcomes).toBe('sssf');
  });

  it('opens on consecutive failures before the window is full', () => {
    const breaker = new CountingBreaker(
      { ...policy, consecutiveFailures: 2, minimumCalls: 4 },
      () => {
        throw new Error('not on trial');
      },
    );
    expect(feed(breaker, 'ff')).toEqual([false, true]);
  });

  it('reports when the trial after a half-open test has enough successes', () => {
    let passed = 0;
    const breaker = new CountingBreaker({ ...policy, closeAfterSuccesses: 3 }, () => {
      passed += 1;
    });
    breaker.success(CircuitState.HalfOpen);
    breaker.startTrial();
    expect(breaker.onTrial).toBe(true);
    feed(breaker, 's');
    expect(passed).toBe(0);
    feed(breaker, 's');
    expect(passed).toBe(1);
    expect(breaker.onTrial).toBe(false);
  });

  it('reopens on the first failure during the trial', () => {
    const breaker = new CountingBreaker(policy, () => undefined);
    breaker.startTrial();
    expect(breaker.failure(CircuitState.Closed)).toBe(true);
    expect(breaker.onTrial).toBe(false);
  });
});
