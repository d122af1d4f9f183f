import type { Claim, Fallacy } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { dedupeBy } from './dedupe-by.js';
import { mergeClaims } from './merge-claims.js';
import { mergeFallacies } from './merge-fallacies.js';

describe('dedupeBy', () => {
  it('keeps the first item of each key in first-seen order', () => {
    const items = [
      { id: 'b', n: 1 },
      { id: 'a', n: 2 },
      { id: 'b', n: 3 },
      { id: 'c', n: 4 },
      { id: 'a', n: 5 },
    ];
    expect(dedupeBy(items, (item) => item.id)).toEqual([
      { id: 'b', n: 1 },
      { id: 'a', n: 2 },
      { id: 'c', n: 4 },
    ]);
  });

  it('returns a new array and leaves the input alone', () => {
    const items = ['x', 'x'];
    const result = dedupeBy(items, (item) => item);
    expect(result).toEqual(['x']);
    expect(items).toEqual(['x', 'x']);
  });
});

function fallacy(type: Fallacy['type'], quote: string, confidence: number): Fallacy {
  return { type, quote, explanation: `${type} at ${confidence}`, confidence };
}

describe('mergeFallacies', () => {
  it('dedupes by type and normalised quote, keeping the most confident', () => {
    const heuristic = [
      fallacy('slippery-slope', 'If we allow this, soon every tax will double.', 0.5),
      fallacy('appeal-to-popularity', 'Everyone knows the mayor is wrong', 0.4),
    ];
    const model = [
      fallacy('slippery-slope', '“if we allow this,   soon every tax will double”', 0.85),
      fallacy('ad-hominem', 'The mayor is a liar', 0.7),
    ];
    const merged = mergeFallacies(heuristic, model);
    expect(merged.map((item) => [item.type, item.confidence])).toEqual([
      ['slippery-slope', 0.85],
      ['ad-hominem', 0.7],
      ['appeal-to-popularity', 0.4],
    ]);
    expect(merged[0]?.explanation).toBe('slippery-slope at 0.85');
  });

  it('keeps the same quote under different fallacy types', () => {
    const merged = mergeFallacies([
      fallacy('ad-hominem', 'He is a crook, so the plan fails', 0.6),
      fallacy('false-cause', 'He is a crook, so the plan fails', 0.6),
    ]);
    expect(merged).toHaveLength(2);
  });

  it('keeps the first of equally confident duplicates and handles no lists', () => {
    const first = fallacy('straw-man', 'So you want no roads at all', 0.6);
    const second = fallacy('straw-man', 'so you want no roads at all!', 0.6);
    expect(mergeFallacies([first], [second])).toEqual([first]);
    expect(mergeFallacies()).toEqual([]);
  });
});

function claim(id: string, text: string, checkWorthiness: number): Claim {
  return { id, text, kinds: ['statistic'], checkWorthiness };
}

describe('mergeClaims', () => {
  it('dedupes by normalised text, keeps the most check-worthy with its own id, sorts descending', () => {
    const merged = mergeClaims(
      [claim('c1', 'Taxes rose 40% last year.', 0.6), claim('c2', 'Parks got 3% more.', 0.3)],
      [claim('c7', 'taxes rose 40% last year', 0.9), claim('c8', 'Crime fell by half.', 0.5)],
    );
    expect(merged.map((item) => [item.id, item.checkWorthiness])).toEqual([
      ['c7', 0.9],
      ['c8', 0.5],
      ['c2', 0.3],
    ]);
  });
});
