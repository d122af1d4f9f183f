import type { RunEvent } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { createProgressRenderer } from './progress-renderer.js';

const at = '2026-11-24T00:00:00.000Z';
const start: RunEvent = {
  type: 'run-start',
  runId: 'r1',
  at,
  depth: 'standard',
  source: 'a.txt',
  stages: ['acquire', 'fact-check'],
  estimate: { durationMs: 10, costUsd: 0 },
};
const skipped: RunEvent = {
  type: 'stage-finish',
  runId: 'r1',
  at,
  stage: 'fact-check',
  status: 'skip',
  durationMs: 3,
  reason: `Fact-checking was skipped: ${'a long reason that would wrap '.repeat(5)}`,
  progress: 1,
};

describe('createProgressRenderer', () => {
  it('live: redraws the stage list in place with every line cut to the terminal width', () => {
    const writes: string[] = [];
    const renderer = createProgressRenderer({
      mode: 'live',
      write: (text) => writes.push(text),
      columns: 40,
    });
    renderer.handle(start);
    renderer.handle(skipped);
    const redraw = writes.at(-1) ?? '';
    expect(redraw.startsWith('\x1b[2A')).toBe(true); // up exactly the two stage lines
    const lines = redraw.replace('\x1b[2A', '').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.replace('\x1b[2K', '').length).toBeLessThanOrEqual(39);
    expect(lines[1]).toMatch(/- fact-check .*…$/);
  });

  it('plain: one whole line per finished stage; quiet: nothing', () => {
    const plain: string[] = [];
    createProgressRenderer({ mode: 'plain', write: (text) => plain.push(text) }).handle(skipped);
    expect(plain).toEqual([
      `orch: - fact-check skip (3 ms · ${skipped.type === 'stage-finish' ? skipped.reason : ''})\n`,
    ]);
    const quiet: string[] = [];
    const renderer = createProgressRenderer({ mode: 'quiet', write: (text) => quiet.push(text) });
    renderer.handle(start);
    renderer.handle(skipped);
    expect(quiet).toEqual([]);
  });
});
