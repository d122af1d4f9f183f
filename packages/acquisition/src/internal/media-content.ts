import type { Content, Logger } from '@orch/core';
import type { CachedTranscript, TranscriptCache } from '../transcript-cache.js';
import type { TranscriptCue } from '../transcript-cue.js';
import {
  assembleCues,
  buildContent,
  type ContentMetadataInput,
  transcriptDuration,
} from './build-content.js';

/** Builds Content of kind 'media' from cues; the duration defaults to the end of the last cue. */
export function mediaContent(
  cues: readonly TranscriptCue[],
  metadata: ContentMetadataInput,
): Content {
  return buildContent('media', assembleCues(cues), {
    ...metadata,
    durationSeconds: metadata.durationSeconds ?? transcriptDuration(cues),
  });
}

/** The cache key of media: its identity, and the language asked for when one was. */
export function mediaCacheKey(identity: string, language: string | undefined): string {
  return language === undefined ? identity : `${identity}@${language}`;
}

/** Stores a transcript; a cache that cannot be written is logged, not fatal. */
export async function storeTranscript(
  cache: TranscriptCache | undefined,
  key: string,
  transcript: CachedTranscript,
  logger: Logger,
): Promise<void> {
  if (cache === undefined) return;
  try {
    await cache.set(key, transcript);
  } catch (error) {
    logger.warn('The transcript could not be cached; the next load will transcribe again.', {
      key,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Reads the cache; a cache that cannot be read counts as a miss (and is logged). */
export async function readTranscript(
  cache: TranscriptCache | undefined,
  key: string,
  logger: Logger,
): Promise<CachedTranscript | undefined> {
  if (cache === undefined) return undefined;
  try {
    const hit = await cache.get(key);
    return hit !== undefined && hit.cues.length > 0 ? hit : undefined;
  } catch (error) {
    logger.warn('The transcript cache could not be read; transcribing instead.', {
      key,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
