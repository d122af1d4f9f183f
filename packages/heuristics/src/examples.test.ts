import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findClaimCandidates } from './claims.js';
import { assessContentQuality } from './content-quality.js';
import { detectFallacyCues } from './fallacy-cues.js';
import { analyzeSentiment } from './sentiment.js';
import { summarizeText } from './summarize.js';

function readExample(name: string): string {
  return readFileSync(new URL(`../../../examples/${name}`, import.meta.url), 'utf8');
}

/** The spoken text of a WebVTT file: no header, cue numbers, timings or voice tags. */
function vttText(vtt: string): string {
  return vtt
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .filter((line) => !/^(?:WEBVTT|Kind:|Language:|NOTE\b)/.test(line))
    .filter((line) => !/^\d+$/.test(line.trim()))
    .filter((line) => !/-->/.test(line))
    .map((line) => line.replace(/<[^>]+>/g, '').trim())
    .join(' ');
}

describe('examples/opinion-remote-work.md', () => {
  const text = readExample('opinion-remote-work.md');

  it('yields at least two distinct fallacy types, each quoted exactly', () => {
    const cues = detectFallacyCues(text);
    const types = new Set(cues.map((cue) => cue.type));
    expect(types.size).toBeGreaterThanOrEqual(2);
    expect(types).toEqual(new Set(['ad-hominem', 'appeal-to-popularity', 'slippery-slope']));
    for (const cue of cues) {
      expect(text.slice(cue.span!.start, cue.span!.end)).toBe(cue.quote);
    }
  });

  it('yields at least three claim candidates with statistics', () => {
    const claims = findClaimCandidates(text);
    const statistics = claims.filter((claim) => claim.kinds.includes('statistic'));
    expect(statistics.length).toBeGreaterThanOrEqual(3);
    expect(claims.map((claim) => claim.text)).toContain(
      "The average round trip in the country's ten largest metropolitan areas now takes 58 minutes, according to the National Transit Research Council.",
    );
    for (const claim of claims)
      expect(text.slice(claim.span!.start, claim.span!.end)).toBe(claim.text);
  });
});

describe('examples/news-library-opening.txt', () => {
  const text = readExample('news-library-opening.txt');

  it('yields zero fallacy cues and reads as neutral', () => {
    expect(detectFallacyCues(text)).toEqual([]);
    expect(analyzeSentiment(text).label).toBe('neutral');
  });

  it('passes the quality gate and names its officials, institutions and amounts', () => {
    expect(assessContentQuality(text).passed).toBe(true);
    expect(summarizeText(text).entities.map((entity) => entity.text)).toEqual(
      expect.arrayContaining(['Helen Okafor', 'Brookfield Public Library', '$14.2 million']),
    );
  });
});

describe('examples/talk-city-energy.vtt', () => {
  const text = vttText(readExample('talk-city-energy.vtt'));

  it('strips to plain spoken text', () => {
    expect(text).not.toMatch(/-->|<v |WEBVTT/);
    expect(text.startsWith('Good evening, everyone')).toBe(true);
  });

  it('yields claim candidates with the numbers of the talk', () => {
    const claims = findClaimCandidates(text);
    expect(claims.length).toBeGreaterThanOrEqual(5);
    expect(
      claims.filter((claim) => claim.kinds.includes('statistic')).length,
    ).toBeGreaterThanOrEqual(5);
    expect(claims.some((claim) => claim.text.includes('$18.6 million'))).toBe(true);
  });

  it('yields its one fallacy cue, a false dilemma', () => {
    const cues = detectFallacyCues(text);
    expect(cues.map((cue) => cue.type)).toEqual(['false-dilemma']);
    expect(cues[0]?.quote).toBe(
      'Either we act on this plan this year, or our residents will keep paying the highest electricity rates in the region.',
    );
  });
});
