import { type Content, describeSource, type SourceRef } from '@orch/core';
import { contentFromText } from './content-from-text.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { loadFile } from './load-file.js';
import type { LoadOptions } from './load-options.js';
import { loadUrl } from './load-url.js';

/**
 * Acquires any source: a file goes through `loadFile`, inline text through `contentFromText`, a
 * web URL through `loadUrl` (SSRF-guarded download; audio/video URLs go to `options.media`).
 */
export async function loadSource(source: SourceRef, options: LoadOptions = {}): Promise<Content> {
  throwIfAborted(options.signal, `Loading ${describeSource(source)}`);
  switch (source.type) {
    case 'file':
      return loadFile(source.path, options);
    case 'text':
      return contentFromText(source.text, {
        ...(source.title === undefined ? {} : { title: source.title }),
        ...(options.now === undefined ? {} : { now: options.now }),
      });
    case 'url':
      return loadUrl(source.url, options);
  }
}
