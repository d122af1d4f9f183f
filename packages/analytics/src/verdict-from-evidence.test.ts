import { describe, expect, it } from 'vitest';
import { verdictFromEvidence } from './verdict-from-evidence.js';

describe('verdictFromEvidence', () => {
  it('maps the amount of evidence to a provisional verdict', () => {
    expect(verdictFromEvidence(0)).toEqual({
      verdict: 'unverifiable',
      confidence: 0.3,
      label: 'uncertain',
    });
    expect(verdictFromEvidence(1)).toEqual({
      verdict: 'unverifiable',
      confidence: 0.4,
      label: 'uncertain',
    });
    expect(verdictFromEvidence(2).confidence).toBe(0.4);
    expect(verdictFromEvidence(3)).toEqual({
      verdict: 'misleading',
      confidence: 0.6,
      label: 'needs context',
    });
    expect(verdictFromEvidence(12).verdict).toBe('misleading');
  });

  it('rejects counts that are negative or fractional', () => {
    expect(() => verdictFromEvidence(-1)).toThrow(/evidenceCount/);
    expect(() => verdictFromEvidence(1.5)).toThrow(/integer/);
  });
});
