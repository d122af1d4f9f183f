import { InputError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import * as heuristics from './index.js';

type TextFunction = (text: string) => unknown;

const TEXT_FUNCTIONS: [string, TextFunction][] = [
  ['splitSentences', heuristics.splitSentences],
  ['detectLanguage', heuristics.detectLanguage],
  ['analyzeSentiment', heuristics.analyzeSentiment],
  ['extractKeywords', heuristics.extractKeywords],
  ['extractKeyphrases', heuristics.extractKeyphrases],
  ['extractEntities', heuristics.extractEntities],
  ['summarizeExtractive', heuristics.summarizeExtractive],
  ['summarizeText', heuristics.summarizeText],
  ['findClaimCandidates', heuristics.findClaimCandidates],
  ['detectFallacyCues', heuristics.detectFallacyCues],
  ['detectDeceptionCues', heuristics.detectDeceptionCues],
  ['assessTranscriptQuality', heuristics.assessTranscriptQuality],
  ['assessContentQuality', heuristics.assessContentQuality],
  ['buildKnowledgeGraph', heuristics.buildKnowledgeGraph],
  ['detectManipulationIndicators', heuristics.detectManipulationIndicators],
];

describe('input errors', () => {
  it.each(TEXT_FUNCTIONS)(
    '%s rejects a non-string with HEURISTICS_TEXT_NOT_STRING',
    (name, analyse) => {
      const call = () => analyse(undefined as unknown as string);
      expect(call).toThrow(InputError);
      expect(call).toThrow(expect.objectContaining({ code: 'HEURISTICS_TEXT_NOT_STRING' }));
      expect(call).toThrow(new RegExp(`^${name} expects the text`));
    },
  );

  it.each(TEXT_FUNCTIONS)('%s accepts an empty string without throwing', (_name, analyse) => {
    expect(() => analyse('')).not.toThrow();
  });

  it('rejects counts that are negative or not whole numbers with HEURISTICS_INVALID_OPTION', () => {
    expect(() => heuristics.extractKeywords('text', { limit: -1 })).toThrow(
      expect.objectContaining({ code: 'HEURISTICS_INVALID_OPTION' }),
    );
    expect(() => heuristics.findClaimCandidates('text', { limit: 2.5 })).toThrow(/option limit/);
    expect(() => heuristics.summarizeText('text', { maxKeyPoints: Number.NaN })).toThrow(
      InputError,
    );
    expect(() => heuristics.buildKnowledgeGraph('text', { maxEntities: -3 })).toThrow(
      /maxEntities/,
    );
    expect(() => heuristics.assessContentQuality('text', { durationSeconds: -5 })).toThrow(
      /durationSeconds/,
    );
    expect(
      heuristics.findClaimCandidates('The city spent $4 million on roads in 2024.', { limit: 0 }),
    ).toEqual([]);
  });
});
