import type { Content } from '@orch/core';
import { loadMediaFile } from './load-media-file.js';
import { loadMediaUrl } from './load-media-url.js';
import type { MediaLoadOptions } from './media-options.js';

/** Media acquisition with its options bound: what `LoadOptions.media` of `loadSource` takes. */
export interface MediaLoader {
  /** `loadMediaUrl` with the bound options; `signal` replaces the bound one. */
  loadUrl(url: URL, options?: { signal?: AbortSignal }): Promise<Content>;
  /** `loadMediaFile` with the bound options; `signal` replaces the bound one. */
  loadFile(path: string, options?: { signal?: AbortSignal }): Promise<Content>;
}

/**
 * Binds media options (transcriber, cache, tool paths, chunking) once, so that `loadSource` and
 * `loadUrl` can hand audio and video to media acquisition: `loadSource(ref, { media:
 * createMediaLoader({ transcriber, cache }) })`.
 */
export function createMediaLoader(options: MediaLoadOptions = {}): MediaLoader {
  const bind = (signal: AbortSignal | undefined): MediaLoadOptions =>
    signal === undefined ? options : { ...options, signal };
  return {
    loadUrl: (url, call = {}) => loadMediaUrl(url, bind(call.signal)),
    loadFile: (path, call = {}) => loadMediaFile(path, bind(call.signal)),
  };
}
