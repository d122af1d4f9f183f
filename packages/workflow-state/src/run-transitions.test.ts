import { OrchError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { RUN_STATUSES, type RunStatus } from './run-record.js';
import { assertTransition, canTransition, RUN_TRANSITIONS } from './run-transitions.js';
import { StateTransitionError } from './state-transition-error.js';

const LEGAL: readonly [RunStatus, RunStatus][] = [
  ['pending', 'running'],
  ['pending', 'cancelled'],
  ['running', 'paused'],
  ['running', 'completed'],
  ['running', 'failed'],
  ['running', 'cancelled'],
  ['paused', 'running'],
  ['paused', 'cancelled'],
  ['failed', 'running'],
  ['cancelled', 'running'],
];

describe('run transitions', () => {
  it.each(LEGAL)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to, 'run-1')).not.toThrow();
  });

  it('allows nothing else, for every pair of statuses', () => {
    const legal = new Set(LEGAL.map(([from, to]) => `${from}->${to}`));
    for (const from of RUN_STATUSES) {
      for (const to of RUN_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(legal.has(`${from}->${to}`));
      }
    }
  });

  it('makes completed final', () => {
    expect(RUN_TRANSITIONS.completed).toEqual([]);
    for (const to of RUN_STATUSES) expect(canTransition('completed', to)).toBe(false);
  });

  it.each([
    ['pending', 'completed'],
    ['pending', 'paused'],
    ['paused', 'completed'],
    ['failed', 'completed'],
    ['running', 'running'],
    ['completed', 'running'],
  ] as const)('rejects %s -> %s with ILLEGAL_RUN_TRANSITION', (from, to) => {
    let caught: unknown;
    try {
      assertTransition(from, to, 'run-42');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StateTransitionError);
    expect(caught).toBeInstanceOf(OrchError);
    expect(caught).toMatchObject({ code: 'ILLEGAL_RUN_TRANSITION', category: 'storage', from, to });
    const message = (caught as Error).message;
    expect(message).toContain('"run-42"');
    expect(message).toContain(`from "${from}" to "${to}"`);
  });

  it('tells the user what to do', () => {
    expect(() => assertTransition('completed', 'running', 'run-7')).toThrow(
      /completed run is final.*orch runs show run-7/,
    );
    expect(() => assertTransition('pending', 'completed', 'run-7')).toThrow(
      /can only go to: running, cancelled/,
    );
    expect(() => assertTransition('running', 'running')).toThrow(/^A run .*already running/);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(RUN_TRANSITIONS)).toBe(true);
    expect(Object.isFrozen(RUN_TRANSITIONS.running)).toBe(true);
  });
});
