import type { Content } from '@orch/core';
import type { HostLookup } from './url-guard.js';

/** The largest file `loadFile` reads (and the largest response `loadUrl` downloads) unless told otherwise: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Loads audio and video into Content, for example by downloading and transcribing them:
 * `loadSource` and `loadUrl` hand it media URLs (a video platform page such as youtube.com, or a
 * response whose content type is audio/* or video/*) instead of fetching them as documents, and
 * `loadSource` hands it local audio and video files. `createMediaLoader` builds one.
 */
export interface MediaSourceLoader {
  loadUrl(url: URL, options: { signal?: AbortSignal }): Promise<Content>;
  loadFile(path: string, options: { signal?: AbortSignal }): Promise<Content>;
}

/** Options of `loadSource`, `loadFile` and `loadUrl`. */
export interface LoadOptions {
  /**
   * Files larger than this many bytes are refused before reading, and web responses are cut off
   * (and refused) once they pass it; default `DEFAULT_MAX_BYTES`.
   */
  maxBytes?: number;
  /** Stops the load; a fired signal makes it throw `CancelledError`. */
  signal?: AbortSignal;
  /** The clock used for `metadata.acquiredAt`; default `() => new Date()`. */
  now?: () => Date;
  /**
   * URL hosts that may be fetched even though they resolve to a private, loopback or otherwise
   * blocked address (tests, self-hosted servers): each entry is compared with the URL's host
   * name, case-insensitively and without port, brackets or trailing dot, e.g. `'127.0.0.1'`,
   * `'wiki.internal'`, `'::1'`. The CLI's `--allow-host` fills it. Default: none.
   */
  allowHosts?: readonly string[];
  /** Resolves host names for the URL guard; default: the system resolver (`dns.lookup`). */
  lookup?: HostLookup;
  /** The time limit of a whole URL download, redirects included; default 30 000 ms. */
  timeoutMs?: number;
  /** How many redirects a URL may take; default 5. */
  maxRedirects?: number;
  /**
   * Loads audio and video URLs and files. Without it they are refused with InputError
   * `MEDIA_NOT_CONFIGURED`.
   */
  media?: MediaSourceLoader;
}
