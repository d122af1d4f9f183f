import { CancelledError, OrchError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { createRecovery } from './create-recovery.js';

/** The timers that keep this process alive (unref'd timers are not listed). */
function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

function rateLimited(retryAfterMs: number): OrchError {
  return new OrchError('PROVIDER_RATE_LIMITED', 'provider said 429', {
    category: 'provider',
    retryable: true,
    details: { status: 429, retryAfterMs },
  });
}

describe('createRecovery() and the life of the process', () => {
  it('keeps the process alive while a call waits to retry, so a CLI whose every call is waiting does not exit mid-run', async () => {
    const before = liveTimers();
    let duringWait = -1;
    const recovery = createRecovery({
      policy: { initialDelayMs: 1, maxDelayMs: 5 },
      onEvent: (event) => {
        // emitted synchronously once the wait's timer is set
        if (event.type === 'retry') duringWait = liveTimers();
      },
    });
    let calls = 0;
    const value = await recovery.execute({ key: 'host/model' }, async () => {
      calls += 1;
      if (calls === 1) throw rateLimited(20);
      return 'answer';
    });
    expect(value).toBe('answer');
    expect(duringWait).toBeGreaterThan(before);
    expect(liveTimers()).toBe(before);
  });

  it('holds the process no longer once a call waiting on a long Retry-After is cancelled', async () => {
    const before = liveTimers();
    const controller = new AbortController();
    const recovery = createRecovery({
      onEvent: (event) => {
        if (event.type === 'retry') controller.abort();
      },
    });
    const outcome = recovery.execute({ key: 'host/model', signal: controller.signal }, async () => {
      throw rateLimited(50_000);
    });
    await expect(outcome).rejects.toBeInstanceOf(CancelledError);
    // the abandoned 50-second wait must not keep a CLI alive after Ctrl-C
    expect(liveTimers()).toBe(before);
  });
});
