import { extname } from 'node:path';
import { type Content, describeSource, InputError, type SourceRef } from '@orch/core';
import { contentFromText } from './content-from-text.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { loadFile } from './load-file.js';
import type { LoadOptions } from './load-options.js';
import { loadUrl } from './load-url.js';
import { mediaTypeOfExtension } from './media-file-types.js';

/**
 * Acquires any source: a file goes through `loadFile` (audio and video files through
 * `options.media`), inline text through `contentFromText`, a web URL through `loadUrl`
 * (SSRF-guarded download; audio/video URLs go to `options.media`).
 *
 * @throws InputError MEDIA_NOT_CONFIGURED for an audio or video file without `options.media`.
 */
export async function loadSource(source: SourceRef, options: LoadOptions = {}): Promise<Content> {
  throwIfAborted(options.signal, `Loading ${describeSource(source)}`);
  switch (source.type) {
    case 'file': {
      if (mediaTypeOfExtension(extname(source.path)) === undefined) {
        return loadFile(source.path, options);
      }
      if (options.media === undefined) {
        throw new InputError(
          'MEDIA_NOT_CONFIGURED',
          `${source.path} is an audio or video file, and audio/video loading is not configured here. Pass a media loader (the media option of loadSource, see createMediaLoader), or give a transcript (.srt, .vtt) or the text instead.`,
          { details: { path: source.path } },
        );
      }
      return options.media.loadFile(
        source.path,
        options.signal === undefined ? {} : { signal: options.signal },
      );
    }
    case 'text':
      return contentFromText(source.text, {
        ...(source.title === undefined ? {} : { title: source.title }),
        ...(options.now === undefined ? {} : { now: options.now }),
      });
    case 'url':
      return loadUrl(source.url, options);
  }
}
