import { createHash } from 'node:crypto';
import type { Content } from '@orch/core';

/** Test helper: article content whose paragraphs (split at blank lines) are its segments. */
export function makeArticle(text: string): Content {
  const segments: Content['segments'] = [];
  let start = 0;
  for (const paragraph of text.split('\n\n')) {
    segments.push({
      index: segments.length,
      text: paragraph,
      start,
      end: start + paragraph.length,
    });
    start += paragraph.length + 2;
  }
  return build(text, 'article', segments);
}

/** Test helper: transcript content from cues, joined by newlines, each with its start time. */
export function makeTranscript(
  cues: ReadonlyArray<{ text: string; startSeconds: number }>,
): Content {
  const segments: Content['segments'] = [];
  let start = 0;
  cues.forEach((cue, index) => {
    const next = cues[index + 1];
    segments.push({
      index,
      text: cue.text,
      start,
      end: start + cue.text.length,
      startSeconds: cue.startSeconds,
      endSeconds: next?.startSeconds ?? cue.startSeconds + 5,
    });
    start += cue.text.length + 1;
  });
  return build(cues.map((cue) => cue.text).join('\n'), 'transcript', segments);
}

function build(text: string, kind: Content['kind'], segments: Content['segments']): Content {
  return {
    id: createHash('sha256').update(text).digest('hex'),
    kind,
    text,
    segments,
    metadata: {
      source: { type: 'text', location: 'test' },
      mediaType: 'text/plain',
      byteLength: Buffer.byteLength(text),
      wordCount: text.split(/\s+/).filter(Boolean).length,
      acquiredAt: new Date(0).toISOString(),
    },
  };
}
