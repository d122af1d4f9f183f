import { access, readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectExactOffsets } from './internal/test-expectations.js';
import { loadFile } from './load-file.js';
import { SUPPORTED_EXTENSIONS } from './supported-extensions.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

/** The example sources of the repository and what they must load as. */
const EXPECTED_EXAMPLES = [
  { name: 'opinion-remote-work.md', kind: 'article', mediaType: 'text/markdown' },
  { name: 'talk-city-energy.vtt', kind: 'transcript', mediaType: 'text/vtt' },
  { name: 'news-library-opening.txt', kind: 'document', mediaType: 'text/plain' },
] as const;

describe('repository examples', () => {
  it.each(EXPECTED_EXAMPLES)('loads examples/$name', async ({ name, kind, mediaType }) => {
    const path = fileURLToPath(new URL(name, EXAMPLES));
    // The examples are part of the repository: a missing one is a failure, not a skip.
    await expect(access(path), `examples/${name} must exist`).resolves.toBeUndefined();
    const content = await loadFile(path);
    expect(content.kind).toBe(kind);
    expect(content.metadata.mediaType).toBe(mediaType);
    expect(content.metadata.source).toEqual({ type: 'file', location: path });
    expect(content.segments.length).toBeGreaterThan(1);
    expect(content.metadata.wordCount).toBeGreaterThan(50);
    expectExactOffsets(content);
    if (kind === 'transcript') {
      expect(content.metadata.durationSeconds).toBeGreaterThan(0);
      const speakers = new Set(content.segments.map((segment) => segment.speaker));
      expect(speakers.size, 'the talk has several speakers').toBeGreaterThanOrEqual(2);
      for (const segment of content.segments) {
        expect(segment.endSeconds).toBeGreaterThanOrEqual(segment.startSeconds ?? Number.NaN);
      }
    } else {
      expect(content.metadata.title).toBeDefined();
    }
  });

  it('loads every other supported file in examples/', async () => {
    const names = await readdir(EXAMPLES);
    const supported = names.filter((name) =>
      SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase()),
    );
    expect(supported.length).toBeGreaterThanOrEqual(EXPECTED_EXAMPLES.length);
    for (const name of supported) {
      const content = await loadFile(fileURLToPath(new URL(name, EXAMPLES)));
      expectExactOffsets(content);
    }
  });
});
