import {
  deceptionOutputSchema,
  type FactCheck,
  type Fallacy,
  type FallacyType,
  InputError,
  type Verdict,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { scoreDeception } from './deception-score.js';

const cues = { hedges: 2, absolutes: 1, hedgeRate: 1.5, absoluteRate: 0.75, examples: ['always'] };

function check(
  verdict: Verdict,
  confidence: number,
  options: { sourceTrust?: number; salience?: number; claim?: string } = {},
): FactCheck {
  const claim = options.claim ?? `The ${verdict} claim at confidence ${confidence}.`;
  return {
    claimId: `c${Math.round(confidence * 100)}`,
    claim,
    verdict,
    confidence,
    basis: 'Compared with the city budget record.',
    explanation: `The record shows the claim is ${verdict}.`,
    evidence: [],
    sourceTrust: options.sourceTrust ?? 1,
    salience: options.salience ?? 1,
  };
}

function fallacy(type: FallacyType, quote = `A quote showing ${type}.`): Fallacy {
  return { type, quote, explanation: `Reads as ${type}.`, confidence: 0.6 };
}

describe('scoreDeception', () => {
  it('weighs verdicts by confidence, source trust and salience, and adds 0.15 per fallacy type', () => {
    // refuted:      w = 0.9 x 1 x 1           = 0.9, base x w = 0.9
    // supported:    w = 0.8 x 0.5 x 0.5 (0.4) = 0.2, base x w = 0
    // unverifiable: w = 0.5 (0.3) x 1 x 1     = 0.5, base x w = 0.2
    // factCheckScore = 1.1 / 1.6 = 0.6875; 2 types -> 0.3; score 0.9875
    const result = scoreDeception({
      checks: [
        check('refuted', 0.9, { claim: 'Taxes rose 40% last year.' }),
        check('supported', 0.8, { sourceTrust: 0.5, salience: 0.4 }),
        check('unverifiable', 0.3, { claim: 'The mayor knew in March.' }),
      ],
      fallacies: [fallacy('slippery-slope'), fallacy('slippery-slope'), fallacy('ad-hominem')],
      linguisticCues: cues,
    });
    expect(result.components).toEqual({
      factCheckScore: 0.6875,
      fallacyContribution: 0.3,
      factChecksUsed: 3,
      distinctFallacyTypes: 2,
    });
    expect(result.score).toBe(0.9875);
    expect(result.label).toBe('high');
    expect(result.method).toBe('formula');
    expect(result.threat.level).toBe('high');
    expect(result.basis).toBe('3 fact checks and 2 fallacy types');
    expect(result.linguisticCues).toEqual(cues);
    expect(deceptionOutputSchema.parse(result)).toEqual(result);
  });

  it('clamps confidence and salience to at least 0.5 inside the weight', () => {
    // refuted: w = clamp(0.2) 0.5 x 1 x clamp(0.1) 0.5 = 0.25; supported: w = 1
    // with clamps 0.25 / 1.25 = 0.2; without them it would be 0.02 / 1.02
    const result = scoreDeception({
      checks: [check('refuted', 0.2, { salience: 0.1 }), check('supported', 1)],
      linguisticCues: cues,
    });
    expect(result.components.factCheckScore).toBe(0.2);
    expect(result.score).toBe(0.2);
  });

  it('multiplies by source trust without clamping it', () => {
    // refuted w = 1 x 0.2 = 0.2; supported w = 1 -> 0.2 / 1.2
    const result = scoreDeception({
      checks: [check('refuted', 1, { sourceTrust: 0.2 }), check('supported', 1)],
      linguisticCues: cues,
    });
    expect(result.components.factCheckScore).toBeCloseTo(0.2 / 1.2, 6);
  });

  it('treats a missing source trust or salience as 1, the schema default', () => {
    const { sourceTrust: _trust, salience: _salience, ...unparsed } = check('misleading', 1);
    const result = scoreDeception({ checks: [unparsed as FactCheck], linguisticCues: cues });
    expect(result.components.factCheckScore).toBe(0.7);
  });

  it('has a null fact-check score and says so when there are no checks', () => {
    const result = scoreDeception({ fallacies: [fallacy('false-dilemma')], linguisticCues: cues });
    expect(result.components.factCheckScore).toBeNull();
    expect(result.components.factChecksUsed).toBe(0);
    expect(result.score).toBe(0.15);
    expect(result.label).toBe('low');
    expect(result.topContributors).toEqual([]);
    expect(result.basis).toBe('fallacy cues only: 1 fallacy type (no fact checks were available)');
  });

  it('has a null fact-check score when every check has zero weight', () => {
    const result = scoreDeception({
      checks: [check('refuted', 0.9, { sourceTrust: 0 })],
      linguisticCues: cues,
    });
    expect(result.components.factCheckScore).toBeNull();
    expect(result.components.factChecksUsed).toBe(0);
    expect(result.score).toBe(0);
    expect(result.topContributors).toEqual([]);
    expect(result.basis).toMatch(/source trust was 0/);
  });

  it('scores 0 and explains why when there is nothing to weigh', () => {
    const result = scoreDeception({ checks: [], fallacies: [], linguisticCues: cues });
    expect(result.score).toBe(0);
    expect(result.label).toBe('low');
    expect(result.threat.level).toBe('low');
    expect(result.basis).toMatch(/^nothing to score/);
  });

  it('caps the fallacy contribution at 0.3', () => {
    const contribution = (types: FallacyType[]) =>
      scoreDeception({ fallacies: types.map((type) => fallacy(type)), linguisticCues: cues })
        .components.fallacyContribution;
    expect(contribution(['straw-man'])).toBe(0.15);
    expect(contribution(['straw-man', 'red-herring'])).toBe(0.3);
    expect(contribution(['straw-man', 'red-herring', 'tu-quoque', 'false-cause'])).toBe(0.3);
  });

  it('counts fallacy types, not instances, for the score but instances for the threat', () => {
    const sixOfOneType = Array.from({ length: 6 }, (_, index) =>
      fallacy('appeal-to-emotion', `Emotional passage number ${index}.`),
    );
    const result = scoreDeception({ fallacies: sixOfOneType, linguisticCues: cues });
    expect(result.score).toBe(0.15);
    expect(result.threat.level).toBe('high');
    expect(result.threat.reason).toBe('6 fallacies found, more than 5');
  });

  it('labels exactly at and around the thresholds', () => {
    const label = (checks: FactCheck[], fallacies: Fallacy[] = []) =>
      scoreDeception({ checks, fallacies, linguisticCues: cues });
    // 0.4 + 0.3 is 0.7000000000000001 in floating point: still exactly 0.7, high.
    const atHigh = label(
      [check('unverifiable', 1)],
      [fallacy('straw-man'), fallacy('red-herring')],
    );
    expect(atHigh.score).toBe(0.7);
    expect(atHigh.label).toBe('high');
    // 0.69 x 1 / (0.69 + 0.62 x 0.5)
    const belowHigh = label([
      check('refuted', 0.69),
      check('supported', 0.62, { sourceTrust: 0.5 }),
    ]);
    expect(belowHigh.score).toBe(0.69);
    expect(belowHigh.label).toBe('moderate');
    const atModerate = label([check('unverifiable', 0.9)]);
    expect(atModerate.score).toBe(0.4);
    expect(atModerate.label).toBe('moderate');
    // 0.39 / (0.39 + 0.61)
    const belowModerate = label([
      check('refuted', 0.78, { sourceTrust: 0.5 }),
      check('supported', 1, { sourceTrust: 0.61 }),
    ]);
    expect(belowModerate.score).toBe(0.39);
    expect(belowModerate.label).toBe('low');
  });

  it('lists the top 3 contributors by weighted verdict, leaving out zero contributions', () => {
    const result = scoreDeception({
      checks: [
        check('unverifiable', 1, { claim: 'Small: 0.4 x 1' }),
        check('supported', 1, { claim: 'Supported: contributes nothing' }),
        check('refuted', 1, { claim: 'Largest: 1 x 1' }),
        check('misleading', 1, { claim: 'Second: 0.7 x 1' }),
        check('unverifiable', 0.5, { claim: 'Smallest: 0.4 x 0.5', salience: 0.5 }),
      ],
      linguisticCues: cues,
    });
    // sum w = 1 + 1 + 1 + 1 + 0.25 = 4.25
    expect(result.topContributors).toEqual([
      {
        claim: 'Largest: 1 x 1',
        verdict: 'refuted',
        contribution: Math.round((1 / 4.25) * 1e6) / 1e6,
      },
      {
        claim: 'Second: 0.7 x 1',
        verdict: 'misleading',
        contribution: Math.round((0.7 / 4.25) * 1e6) / 1e6,
      },
      {
        claim: 'Small: 0.4 x 1',
        verdict: 'unverifiable',
        contribution: Math.round((0.4 / 4.25) * 1e6) / 1e6,
      },
    ]);
  });

  it('never puts supported claims among the contributors', () => {
    const result = scoreDeception({
      checks: [check('supported', 1), check('supported', 0.9)],
      linguisticCues: cues,
    });
    expect(result.score).toBe(0);
    expect(result.topContributors).toEqual([]);
    expect(result.basis).toBe('2 fact checks; no fallacy cues were found');
  });

  it('rejects a confidence outside [0, 1] with INVALID_ANALYTICS_INPUT', () => {
    expect(() =>
      scoreDeception({ checks: [check('refuted', Number.NaN)], linguisticCues: cues }),
    ).toThrow(InputError);
    try {
      scoreDeception({ checks: [check('refuted', 1.5)], linguisticCues: cues });
      expect.unreachable('a confidence of 1.5 must be rejected');
    } catch (error) {
      expect((error as InputError).code).toBe('INVALID_ANALYTICS_INPUT');
      expect((error as InputError).message).toMatch(/checks\[0\]\.confidence/);
    }
  });
});
