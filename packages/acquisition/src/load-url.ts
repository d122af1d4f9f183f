import { extname } from 'node:path';
import { type Content, InputError } from '@orch/core';
import { fetchUrl } from './fetch-url.js';
import { MEDIA_EXTENSIONS } from './internal/file-formats.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { contentOfResponse, READABLE_CONTENT_TYPES } from './internal/url-content.js';
import { mediaNotConfigured } from './internal/url-errors.js';
import { parseWebUrl } from './internal/web-url.js';
import type { LoadOptions } from './load-options.js';
import { checkUrl } from './url-guard.js';
import { isVideoPlatformUrl } from './video-platform-hosts.js';

const ACCEPT =
  'text/html,application/xhtml+xml,application/pdf,text/markdown,text/vtt,application/x-subrip,text/plain;q=0.9,*/*;q=0.5';

function guardOptions(options: LoadOptions) {
  return {
    ...(options.allowHosts === undefined ? {} : { allowHosts: options.allowHosts }),
    ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

async function loadMedia(url: URL, options: LoadOptions, reason: string): Promise<Content> {
  if (options.media === undefined) throw mediaNotConfigured(url, reason);
  return options.media.loadUrl(url, options.signal === undefined ? {} : { signal: options.signal });
}

function isAudioOrVideo(mediaType: unknown): mediaType is string {
  return typeof mediaType === 'string' && /^(?:audio|video)\//.test(mediaType);
}

/**
 * Loads a web URL into Content. Audio and video (a host in `VIDEO_PLATFORM_HOSTS`, a media file
 * extension such as .mp3 or .mp4, or a response of type audio/* or video/*) go to
 * `options.media.loadUrl` once the URL has passed the URL guard; without `options.media` they are
 * refused with InputError `MEDIA_NOT_CONFIGURED`. Anything else is downloaded with `fetchUrl`
 * (SSRF guard on every hop, `maxBytes`, `timeoutMs`, `maxRedirects`, `allowHosts`) and read by its
 * content type: text/html articles (main content by Readability; title, author, published date
 * and site name from the markup), PDF, Markdown, plain text, SRT and WebVTT subtitles (with
 * their timestamps) and JSON transcripts; `application/octet-stream` (or text/plain) is read by
 * the URL's extension. `metadata.source` is `{ type: 'url', location: <final URL> }`.
 */
export async function loadUrl(url: string | URL, options: LoadOptions = {}): Promise<Content> {
  const parsed = parseWebUrl(url);
  throwIfAborted(options.signal, `Loading ${parsed.href}`);
  if (isVideoPlatformUrl(parsed)) {
    await checkUrl(parsed, guardOptions(options));
    return loadMedia(parsed, options, `a page of the video platform ${parsed.hostname}`);
  }
  const extension = extname(parsed.pathname).toLowerCase();
  if (MEDIA_EXTENSIONS.has(extension)) {
    await checkUrl(parsed, guardOptions(options));
    return loadMedia(parsed, options, `a ${extension} audio/video file`);
  }

  let fetched: Awaited<ReturnType<typeof fetchUrl>>;
  try {
    fetched = await fetchUrl(parsed, {
      ...guardOptions(options),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.maxRedirects === undefined ? {} : { maxRedirects: options.maxRedirects }),
      contentTypes: READABLE_CONTENT_TYPES,
      accept: ACCEPT,
    });
  } catch (error) {
    // An audio/video response is refused before its body is read, and handed to the loader.
    if (
      error instanceof InputError &&
      error.code === 'URL_CONTENT_TYPE_NOT_SUPPORTED' &&
      isAudioOrVideo(error.details?.mediaType) &&
      typeof error.details?.url === 'string'
    ) {
      return loadMedia(new URL(error.details.url), options, `${error.details.mediaType} content`);
    }
    throw error;
  }
  const now = options.now ?? (() => new Date());
  return contentOfResponse(fetched, now());
}
