import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMediaLoader } from './create-media-loader.js';
import type { LoadOptions } from './load-options.js';
import type { TranscriberInput } from './transcriber.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/council-speech.ogg', import.meta.url));

describe('createMediaLoader', { timeout: 30_000 }, () => {
  it('loads media files with the bound transcriber and options', async () => {
    const calls: TranscriberInput[] = [];
    const loader = createMediaLoader({
      language: 'en',
      transcriber: async (input) => {
        calls.push(input);
        return { segments: [{ startSeconds: 0.5, endSeconds: 2, text: 'Good evening.' }] };
      },
    });
    const content = await loader.loadFile(FIXTURE);
    expect(content.text).toBe('Good evening.');
    expect(content.metadata.language).toBe('en');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.language).toBe('en');
  });

  it('fits the media port of loadSource and passes the call signal through', async () => {
    const media: NonNullable<LoadOptions['media']> = createMediaLoader({
      ytDlpPath: '/nonexistent/yt-dlp',
    });
    const controller = new AbortController();
    controller.abort();
    await expect(
      media.loadUrl(new URL('https://www.youtube.com/watch?v=abc123'), {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
  });
});
