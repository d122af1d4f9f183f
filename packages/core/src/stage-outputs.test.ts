import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Content, secondsAt, withTimestamps } from './content.js';
import { ValidationError } from './errors.js';
import { factCheckSchema } from './outputs/fact-check.js';
import { fallacySchema } from './outputs/fallacies.js';
import { REPORT_SECTION_BY_STAGE } from './report.js';
import { STAGE_IDS } from './stage-id.js';
import {
  contentOf,
  parseStageOutput,
  requireContent,
  stageOutputSchemas,
} from './stage-outputs.js';

const text = 'First cue here. Second cue there.';
const content: Content = {
  id: createHash('sha256').update(text).digest('hex'),
  kind: 'transcript',
  text,
  segments: [
    { index: 0, text: 'First cue here.', start: 0, end: 15, startSeconds: 1.5, endSeconds: 4 },
    { index: 1, text: 'Second cue there.', start: 16, end: 33, startSeconds: 4, endSeconds: 7 },
  ],
  metadata: {
    source: { type: 'file', location: '/talk.vtt' },
    mediaType: 'text/vtt',
    byteLength: 60,
    wordCount: 6,
    acquiredAt: '2026-11-24T00:00:00.000Z',
  },
};

describe('stage output contracts', () => {
  it('has a schema for every stage, and report sections only for known stages', () => {
    expect(Object.keys(stageOutputSchemas).sort()).toEqual([...STAGE_IDS].sort());
    for (const stage of Object.keys(REPORT_SECTION_BY_STAGE)) expect(STAGE_IDS).toContain(stage);
  });

  it('accepts no fact-check verdict without a basis', () => {
    const check = {
      claimId: 'c1',
      claim: 'x',
      verdict: 'refuted',
      confidence: 0.8,
      explanation: 'e',
      evidence: [],
    };
    expect(factCheckSchema.safeParse({ ...check, basis: '' }).success).toBe(false);
    expect(factCheckSchema.safeParse(check).success).toBe(false);
    expect(factCheckSchema.parse({ ...check, basis: 'official statistics' })).toMatchObject({
      sourceTrust: 1,
      salience: 1,
    });
  });

  it('keeps fallacies inside the fixed taxonomy', () => {
    const fallacy = { quote: 'Everyone knows it.', explanation: 'popularity', confidence: 0.5 };
    expect(fallacySchema.safeParse({ ...fallacy, type: 'appeal-to-popularity' }).success).toBe(
      true,
    );
    expect(fallacySchema.safeParse({ ...fallacy, type: 'bad-vibes' }).success).toBe(false);
  });

  it('parseStageOutput returns parsed data or throws STAGE_OUTPUT_INVALID naming the stage and field', () => {
    expect(parseStageOutput('fallacies', { method: 'heuristic', fallacies: [] })).toEqual({
      method: 'heuristic',
      fallacies: [],
    });
    const attempt = () =>
      parseStageOutput('summarize', { method: 'llm', summary: 'goes', keyPoints: 3 });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/Stage "summarize".*\n(.|\n)*keyPoints/);
  });

  it('prefers the transcript over the acquired content, and requireContent refuses none', () => {
    const transcript = { ...content, kind: 'transcript' as const };
    expect(contentOf({ acquire: { ...content, kind: 'media' }, transcribe: transcript })).toBe(
      transcript,
    );
    expect(() => requireContent({})).toThrow(expect.objectContaining({ code: 'CONTENT_MISSING' }));
  });

  it('maps text offsets to transcript times, so quotes keep their timestamps', () => {
    expect(secondsAt(content, 0)).toBe(1.5);
    expect(secondsAt(content, 20)).toBe(4);
    expect(secondsAt(content, 15)).toBeUndefined();
    const items = withTimestamps([{ span: { start: 16, end: 33 } }, { label: 'no span' }], content);
    expect(items).toEqual([
      { span: { start: 16, end: 33 }, startSeconds: 4 },
      { label: 'no span' },
    ]);
  });
});
