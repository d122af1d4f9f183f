import { describe, expect, it } from 'vitest';
import { type DagNode, runDag } from './run-dag.js';

type Result = { status: 'ok' | 'fail' | 'skip'; reason?: string };

function deferred() {
  let resolve!: (result: Result) => void;
  const promise = new Promise<Result>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const node = (id: string, dependsOn: string[] = [], after: string[] = []): DagNode<string> => ({
  id,
  dependsOn,
  after,
});

describe('runDag', () => {
  it('starts a node the moment its own dependencies finish, not when its level does', async () => {
    const gates = new Map(['slow', 'fast', 'child'].map((id) => [id, deferred()]));
    const started: string[] = [];
    const run = runDag<string, Result>({
      nodes: [node('slow'), node('fast'), node('child', ['fast'])],
      concurrency: 4,
      execute: (id) => {
        started.push(id);
        return gates.get(id)!.promise;
      },
      blocked: (_id, reason) => ({ status: 'skip', reason }),
      isSuccess: (result) => result.status === 'ok',
    });
    expect(started).toEqual(['slow', 'fast']);
    gates.get('fast')!.resolve({ status: 'ok' });
    await Promise.resolve();
    await Promise.resolve();
    // `slow` (same level as `fast`) is still running, yet `child` has started.
    expect(started).toEqual(['slow', 'fast', 'child']);
    gates.get('child')!.resolve({ status: 'ok' });
    gates.get('slow')!.resolve({ status: 'ok' });
    const results = await run;
    expect([...results.keys()]).toEqual(['slow', 'fast', 'child']);
  });

  it('never runs more than `concurrency` nodes at once', async () => {
    let running = 0;
    let peak = 0;
    const nodes = Array.from({ length: 10 }, (_, index) => node(`n${index}`));
    const results = await runDag<string, Result>({
      nodes,
      concurrency: 3,
      execute: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return { status: 'ok' };
      },
      blocked: (_id, reason) => ({ status: 'skip', reason }),
      isSuccess: (result) => result.status === 'ok',
    });
    expect(peak).toBe(3);
    expect([...results.values()].every((result) => result.status === 'ok')).toBe(true);
  });

  it('blocks dependents of a failed node but still runs nodes that only wait `after` it', async () => {
    const executed: string[] = [];
    const results = await runDag<string, Result>({
      nodes: [node('a'), node('needs-a', ['a']), node('after-a', [], ['a'])],
      concurrency: 2,
      execute: async (id) => {
        executed.push(id);
        return { status: id === 'a' ? 'fail' : 'ok' };
      },
      blocked: (_id, reason) => ({ status: 'skip', reason }),
      isSuccess: (result) => result.status === 'ok',
    });
    expect(executed).toEqual(['a', 'after-a']);
    expect(results.get('needs-a')).toEqual({
      status: 'skip',
      reason: 'it needs "a", which did not succeed',
    });
    expect(results.get('after-a')?.status).toBe('ok');
  });

  it('settles unstarted nodes as blocked once the signal fires', async () => {
    const controller = new AbortController();
    const gate = deferred();
    const run = runDag<string, Result>({
      nodes: [node('first'), node('second', ['first']), node('third', [], ['second'])],
      concurrency: 1,
      signal: controller.signal,
      execute: () => gate.promise,
      blocked: (_id, reason) => ({ status: 'skip', reason }),
      isSuccess: (result) => result.status === 'ok',
    });
    controller.abort();
    gate.resolve({ status: 'fail' });
    const results = await run;
    expect(results.get('first')?.status).toBe('fail');
    expect(results.get('second')?.status).toBe('skip');
    expect(results.get('third')?.reason).toMatch(/stopped/);
  });

  it('settles a cycle as blocked instead of hanging', async () => {
    const results = await runDag<string, Result>({
      nodes: [node('a', ['b']), node('b', ['a']), node('c')],
      concurrency: 2,
      execute: async () => ({ status: 'ok' }),
      blocked: (_id, reason) => ({ status: 'skip', reason }),
      isSuccess: (result) => result.status === 'ok',
    });
    expect(results.get('c')?.status).toBe('ok');
    expect(results.get('a')?.reason).toMatch(/cycle/);
    expect(results.get('b')?.reason).toMatch(/cycle/);
  });
});
