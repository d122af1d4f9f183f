import { type Content, describeSource, InputError, type SourceRef } from '@orch/core';
import { contentFromText } from './content-from-text.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { loadFile } from './load-file.js';
import type { LoadOptions } from './load-options.js';

/**
 * Acquires any source: a file goes through `loadFile`, inline text through `contentFromText`.
 * Web URLs are refused with InputError URL_NOT_SUPPORTED (nothing is fetched).
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
      throw new InputError(
        'URL_NOT_SUPPORTED',
        `Web sources are not supported yet: "${source.url}". Save the page or transcript to a file and run orch analyze <file>.`,
        { details: { url: source.url } },
      );
  }
}
