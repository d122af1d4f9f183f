import { FALLACY_TYPES, type FallacyType, fallaciesOutputSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { detectFallacyCues } from './fallacy-cues.js';
import {
  NEUTRAL_NEWS,
  NEUTRAL_RECIPE,
  NEUTRAL_SCIENCE,
  NEUTRAL_SPORTS,
  OPINION,
} from './internal/fixtures/texts.js';
import { FALLACY_CUES } from './internal/lexicons/fallacies.js';

/** One realistic sentence per type, each of which must be detected as that type. */
const SAMPLES: Record<FallacyType, string> = {
  'ad-hominem': 'Only an idiot would believe the mayor on this.',
  'straw-man': 'So you are saying we should just let the roads crumble?',
  'false-dilemma': "You're either with us or you're with the developers.",
  'slippery-slope':
    'If we allow one food truck in the square, soon the whole park will be a parking lot.',
  'appeal-to-authority': 'Experts say the vaccine is dangerous, so you should avoid it.',
  'appeal-to-emotion': 'Think of the children who will have nowhere to play.',
  'appeal-to-popularity': "Millions of people can't be wrong about this diet.",
  'hasty-generalization': 'I know a guy who lost money on solar panels, so they never pay off.',
  'false-cause': 'Ever since the new mayor took office, the weather has been terrible.',
  'red-herring': 'But what about the budget scandal from ten years ago?',
  'circular-reasoning': 'The report is true because it is true, and that settles it.',
  'tu-quoque': 'Look who is talking, you cheated on your taxes last year.',
  'loaded-question': 'Have you stopped wasting taxpayer money yet?',
  'no-true-scotsman': 'No true patriot would ever question the army.',
};

describe('detectFallacyCues', () => {
  it.each(Object.entries(SAMPLES))('detects %s', (type, sentence) => {
    const cues = detectFallacyCues(sentence);
    expect(cues.map((cue) => cue.type)).toContain(type);
  });

  it('has several patterns for every type of the taxonomy', () => {
    for (const type of FALLACY_TYPES) {
      expect(FALLACY_CUES.filter((cue) => cue.type === type).length).toBeGreaterThanOrEqual(3);
    }
    for (const cue of FALLACY_CUES) {
      expect(cue.confidence).toBeGreaterThanOrEqual(0.4);
      expect(cue.confidence).toBeLessThanOrEqual(0.7);
    }
  });

  it('quotes the exact sentence with a matching span, and explains the cue', () => {
    const text = Object.values(SAMPLES).join(' ');
    const cues = detectFallacyCues(text);
    expect(fallaciesOutputSchema.parse({ method: 'heuristic', fallacies: cues }).fallacies).toEqual(
      cues,
    );
    expect(new Set(cues.map((cue) => cue.type))).toEqual(new Set(FALLACY_TYPES));
    for (const cue of cues) {
      expect(text).toContain(cue.quote);
      expect(text.slice(cue.span!.start, cue.span!.end)).toBe(cue.quote);
      expect(cue.explanation).toMatch(/^The wording ".+" .+\.$/);
      expect(cue.confidence).toBeGreaterThanOrEqual(0.4);
      expect(cue.confidence).toBeLessThanOrEqual(0.7);
    }
  });

  it('finds the cues of an opinion piece with their exact sentences', () => {
    const cues = detectFallacyCues(OPINION);
    const byType = new Map(cues.map((cue) => [cue.type, cue.quote]));
    expect(byType.get('appeal-to-popularity')).toBe('Everyone knows the bridge was a mistake.');
    expect(byType.get('slippery-slope')).toBe(
      "If we allow the council to raise the toll again, it's only a matter of time before nobody can afford to cross the river at all.",
    );
    expect(byType.get('ad-hominem')).toBe('Only an idiot would defend this plan.');
  });

  it('reports at most one cue of the same type per sentence', () => {
    const cues = detectFallacyCues(
      "If we allow this, it's only a matter of time before the next thing you know, it is chaos.",
    );
    expect(cues.filter((cue) => cue.type === 'slippery-slope')).toHaveLength(1);
    expect(cues[0]?.confidence).toBe(0.6);
  });

  it('does not flag unattributed-looking expert claims when a source is named', () => {
    expect(
      detectFallacyCues(
        'Experts say, according to a survey by the Lakeshore Institute, that rents rose.',
      ),
    ).toEqual([]);
  });

  it.each([
    ['a news item', NEUTRAL_NEWS],
    ['a science report', NEUTRAL_SCIENCE],
    ['a recipe with "either … or" and "all"', NEUTRAL_RECIPE],
    ['a sports report with "everyone"', NEUTRAL_SPORTS],
  ])('finds no cues in %s', (_name, text) => {
    expect(detectFallacyCues(text)).toEqual([]);
  });

  it('narrows the quote to the clause in a very long sentence', () => {
    const long = `The committee reviewed the budget for the harbor, the library, the parks and the two new bus lines in considerable detail over three long sessions in the spring; everyone knows the harbor plan was rushed; the committee will publish its final recommendations in a report to the full council in September of next year.`;
    const [cue] = detectFallacyCues(long);
    expect(cue?.type).toBe('appeal-to-popularity');
    expect(cue?.quote).toBe('everyone knows the harbor plan was rushed');
    expect(long.slice(cue!.span!.start, cue!.span!.end)).toBe(cue?.quote);
  });

  it('returns an empty list for empty input', () => {
    expect(detectFallacyCues('')).toEqual([]);
  });
});
