import { qualityGateOutputSchema } from '@orch/core';
import { syntheticTranscript } from '@orch/testkit';
import { describe, expect, it } from 'vitest';
import { assessContentQuality } from './content-quality.js';
import { NEUTRAL_NEWS } from './internal/fixtures/texts.js';
import { assessTranscriptQuality } from './transcript-quality.js';

describe('assessContentQuality', () => {
  it('passes a normal news item with metrics, language and the transcript score', () => {
    const result = assessContentQuality(NEUTRAL_NEWS);
    expect(qualityGateOutputSchema.parse(result)).toEqual(result);
    expect(result.passed).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.language.code).toBe('en');
    expect(result.score).toBe(assessTranscriptQuality(NEUTRAL_NEWS).score);
    expect(result.metrics.wordCount).toBeGreaterThan(100);
    expect(result.metrics.characterCount).toBe(NEUTRAL_NEWS.trim().length);
    expect(result.metrics.repetitionRatio).toBeLessThan(0.05);
    expect(result.metrics.uniqueWordRatio).toBeGreaterThan(0.5);
  });

  it('fails short text with a reason naming the 200-character minimum', () => {
    const result = assessContentQuality('The meeting was short. Nothing was decided.');
    expect(result.passed).toBe(false);
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain('200-character minimum');
  });

  it('fails looped, repetitive text on repetition and vocabulary', () => {
    const text = 'Thank you for watching. '.repeat(40);
    const result = assessContentQuality(text);
    expect(result.passed).toBe(false);
    expect(result.metrics.repetitionRatio).toBeGreaterThan(0.2);
    expect(result.metrics.uniqueWordRatio).toBeLessThan(0.2);
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]).toMatch(/repeat earlier ones/);
    expect(result.reasons[1]).toMatch(/distinct/);
  });

  it('passes a three-hour talk whose stock phrases recur over the hours', () => {
    const talk = syntheticTranscript({ words: 30_000 });
    const result = assessContentQuality(talk.text, { durationSeconds: talk.durationSeconds });
    expect(result.reasons).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.metrics.wordCount).toBeGreaterThanOrEqual(30_000);
  });

  it('fails a long text that is one loop from start to end', () => {
    const looped = 'We will be right back after this short message from our sponsors. '.repeat(
      2500,
    );
    const result = assessContentQuality(looped);
    expect(result.passed).toBe(false);
    expect(result.metrics.repetitionRatio).toBeGreaterThan(0.9);
  });

  it('applies the 30 s minimum to content and 45 s to media', () => {
    expect(assessContentQuality(NEUTRAL_NEWS, { durationSeconds: 40 }).passed).toBe(true);
    const media = assessContentQuality(NEUTRAL_NEWS, { durationSeconds: 40, isMedia: true });
    expect(media.passed).toBe(false);
    expect(media.reasons).toEqual([
      'The media lasts 40 s, under the 45 s minimum for full analysis.',
    ]);
    const short = assessContentQuality(NEUTRAL_NEWS, { durationSeconds: 12 });
    expect(short.reasons[0]).toContain('under the 30 s minimum');
  });

  it('fails empty input without throwing', () => {
    const result = assessContentQuality('');
    expect(result.passed).toBe(false);
    expect(result.score).toBe(0);
    expect(result.language).toEqual({ code: 'und', confidence: 0 });
    expect(result.metrics).toEqual({
      wordCount: 0,
      characterCount: 0,
      uniqueWordRatio: 0,
      repetitionRatio: 0,
      averageWordLength: 0,
    });
  });
});
