import { claimsOutputSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { findClaimCandidates } from './claims.js';
import { OPINION } from './internal/fixtures/texts.js';

describe('findClaimCandidates', () => {
  it('includes the statistic and attribution sentences and skips questions', () => {
    const claims = findClaimCandidates(OPINION);
    const texts = claims.map((claim) => claim.text);
    expect(texts).toContain(
      'According to the Bureau of Transport Statistics, commuters in Lakeview spent 54 minutes a day travelling in 2023, up from 41 minutes in 2015.',
    );
    expect(texts).toContain(
      'The new bridge cut average delays by 12 percent, the regional planning office said.',
    );
    expect(texts).toContain('Mayor Carla Voss said the toll would pay for maintenance.');
    expect(texts.some((text) => text.endsWith('?'))).toBe(false);
  });

  it('labels why each sentence is check-worthy', () => {
    const claims = findClaimCandidates(OPINION);
    const bureau = claims.find((claim) => claim.text.startsWith('According to the Bureau'));
    expect(bureau?.kinds).toEqual(
      expect.arrayContaining([
        'statistic',
        'attribution',
        'comparison',
        'temporal',
        'named-entity',
      ]),
    );
    const causal = claims.find((claim) => claim.text.startsWith('Traffic got worse'));
    expect(causal?.kinds).toEqual(expect.arrayContaining(['causal', 'comparison']));
    expect(bureau?.checkWorthiness).toBeGreaterThan(causal?.checkWorthiness ?? 1);
  });

  it('numbers claims c1, c2… in source order with spans that point at the exact sentence', () => {
    const claims = findClaimCandidates(OPINION);
    expect(claimsOutputSchema.parse({ method: 'heuristic', claims }).claims).toEqual(claims);
    claims.forEach((claim, index) => {
      expect(claim.id).toBe(`c${index + 1}`);
      expect(OPINION.slice(claim.span!.start, claim.span!.end)).toBe(claim.text);
      expect(claim.checkWorthiness).toBeGreaterThan(0);
      expect(claim.checkWorthiness).toBeLessThanOrEqual(1);
    });
    const starts = claims.map((claim) => claim.span!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('keeps the most check-worthy claims when limited', () => {
    const all = findClaimCandidates(OPINION);
    const top = findClaimCandidates(OPINION, { limit: 2 });
    expect(top).toHaveLength(2);
    const best = [...all].sort((a, b) => b.checkWorthiness - a.checkWorthiness).slice(0, 2);
    expect(top.map((claim) => claim.text).sort()).toEqual(best.map((claim) => claim.text).sort());
    expect(top.map((claim) => claim.id)).toEqual(['c1', 'c2']);
  });

  it('skips very short sentences and plain opinions without facts', () => {
    const claims = findClaimCandidates('Thanks. I think we can do better as a team. It was 2 pm.');
    expect(claims).toEqual([]);
  });

  it('returns an empty list for empty input', () => {
    expect(findClaimCandidates('')).toEqual([]);
  });
});
