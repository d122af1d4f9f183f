import { InputError, type QualityGateOutput } from '@orch/core';
import { ensureText } from './internal/validate.js';
import {
  averageWordLength,
  repetitionRatio,
  round,
  uniqueWordRatio,
  wordsOf,
} from './internal/words.js';
import { detectLanguage } from './language.js';
import { assessTranscriptQuality } from './transcript-quality.js';

export interface QualityGateOptions {
  /** Length of the media the text was transcribed from, in seconds. */
  durationSeconds?: number;
  /** True for video or audio sources: the minimum duration is then 45 s instead of 30 s. */
  isMedia?: boolean;
}

/** The predecessor's early-exit thresholds. */
export const QUALITY_GATE_THRESHOLDS = {
  minDurationSeconds: 30,
  minMediaDurationSeconds: 45,
  minCharacters: 200,
  maxRepetitionRatio: 0.2,
  minUniqueWordRatio: 0.2,
} as const;

/**
 * Decides whether content is worth the expensive stages, with the predecessor's early-exit
 * rules: duration under 30 s (45 s for media), text under 200 characters, repetition ratio above
 * 0.2 (share of word trigrams that repeat an earlier one, averaged over 1,000-word windows so a
 * long talk is not failed for reusing its stock phrases over the hours), unique-word ratio below
 * 0.2 (moving-average type/token ratio over 200-word windows, for the same reason). Every
 * rule that fires adds a reason; `passed` is true when none fired. `score` is the transcript
 * quality score.
 */
export function assessContentQuality(
  text: string,
  options: QualityGateOptions = {},
): QualityGateOutput {
  ensureText(text, 'assessContentQuality');
  const duration = options.durationSeconds;
  if (duration !== undefined && !(Number.isFinite(duration) && duration >= 0)) {
    throw new InputError(
      'HEURISTICS_INVALID_OPTION',
      `assessContentQuality: option durationSeconds must be a number of seconds of 0 or more but is ${String(duration)}. Pass the media length in seconds, or leave it out for text.`,
      {
        details: {
          functionName: 'assessContentQuality',
          option: 'durationSeconds',
          value: duration,
        },
      },
    );
  }
  const thresholds = QUALITY_GATE_THRESHOLDS;
  const words = wordsOf(text);
  const characterCount = text.trim().length;
  const unique = uniqueWordRatio(words);
  const repetition = repetitionRatio(words);
  const reasons: string[] = [];

  if (options.durationSeconds !== undefined) {
    const minimum = options.isMedia
      ? thresholds.minMediaDurationSeconds
      : thresholds.minDurationSeconds;
    if (options.durationSeconds < minimum) {
      reasons.push(
        `The ${options.isMedia ? 'media' : 'content'} lasts ${round(options.durationSeconds, 1)} s, under the ${minimum} s minimum for full analysis.`,
      );
    }
  }
  if (characterCount < thresholds.minCharacters) {
    reasons.push(
      `The text has ${characterCount} characters, under the ${thresholds.minCharacters}-character minimum for full analysis.`,
    );
  }
  if (repetition > thresholds.maxRepetitionRatio) {
    reasons.push(
      `${Math.round(repetition * 100)}% of the word sequences repeat earlier ones (limit ${thresholds.maxRepetitionRatio * 100}%): the text looks looped or degenerate.`,
    );
  }
  if (unique < thresholds.minUniqueWordRatio) {
    reasons.push(
      `Only ${Math.round(unique * 100)}% of the words are distinct (minimum ${thresholds.minUniqueWordRatio * 100}%): the vocabulary is too poor to analyse.`,
    );
  }

  return {
    method: 'heuristic',
    score: assessTranscriptQuality(text).score,
    passed: reasons.length === 0,
    reasons,
    language: detectLanguage(text),
    metrics: {
      wordCount: words.length,
      characterCount,
      uniqueWordRatio: round(unique),
      repetitionRatio: round(repetition),
      averageWordLength: round(averageWordLength(words), 2),
    },
  };
}
