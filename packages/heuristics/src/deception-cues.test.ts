import type { DeceptionOutput } from '@orch/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type DeceptionCues, detectDeceptionCues } from './deception-cues.js';

describe('detectDeceptionCues', () => {
  it('counts hedges and absolutes and gives rates per 100 words', () => {
    // 20 words: 2 hedges (I think, probably), 2 absolutes (never, everyone)
    const text =
      'I think the contractor probably finished the work on time, but he never answers calls and everyone says so too.';
    const cues = detectDeceptionCues(text);
    expect(cues.hedges).toBe(2);
    expect(cues.absolutes).toBe(2);
    expect(cues.hedgeRate).toBe(10);
    expect(cues.absoluteRate).toBe(10);
    expect(cues.examples).toEqual(['I think', 'probably', 'never', 'everyone']);
    for (const example of cues.examples) expect(text).toContain(example);
  });

  it('keeps at most five distinct examples, exactly as written', () => {
    const text =
      'Honestly, maybe it was never there. Perhaps nobody saw it. Always check. Possibly everyone lied. Never again, honestly.';
    const cues = detectDeceptionCues(text);
    expect(cues.examples).toHaveLength(5);
    expect(cues.examples[0]).toBe('Honestly');
    expect(new Set(cues.examples.map((example) => example.toLowerCase())).size).toBe(5);
  });

  it('does not read "a kind of" as a hedge', () => {
    expect(detectDeceptionCues('It is a new kind of battery.').hedges).toBe(0);
    expect(detectDeceptionCues('It is kind of expensive.').hedges).toBe(1);
  });

  it('has the shape of DeceptionOutput linguisticCues', () => {
    expectTypeOf<DeceptionCues>().toEqualTypeOf<DeceptionOutput['linguisticCues']>();
  });

  it('returns zeros for empty input', () => {
    expect(detectDeceptionCues('')).toEqual({
      hedges: 0,
      absolutes: 0,
      hedgeRate: 0,
      absoluteRate: 0,
      examples: [],
    });
  });
});
