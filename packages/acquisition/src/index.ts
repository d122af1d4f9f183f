export { type BlockedRange, findBlockedRange } from './blocked-address.js';
export {
  type ContentFromTextOptions,
  contentFromText,
} from './content-from-text.js';
export { createMediaLoader, type MediaLoader } from './create-media-loader.js';
export {
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type FetchedUrl,
  type FetchUrlOptions,
  fetchUrl,
} from './fetch-url.js';
export { type HtmlDocument, htmlToDocument } from './html-to-document.js';
export {
  JSON_TRANSCRIPT_FORMAT,
  type JsonTranscript,
  type JsonTranscriptInput,
  jsonTranscriptSchema,
  jsonTranscriptSegmentSchema,
} from './json-transcript.js';
export { loadFile } from './load-file.js';
export { loadMediaFile } from './load-media-file.js';
export { loadMediaUrl } from './load-media-url.js';
export { DEFAULT_MAX_BYTES, type LoadOptions, type MediaSourceLoader } from './load-options.js';
export { loadSource } from './load-source.js';
export { loadUrl } from './load-url.js';
export { type MarkdownDocument, markdownToDocument } from './markdown-to-document.js';
export { MEDIA_FILE_EXTENSIONS, mediaTypeOfExtension } from './media-file-types.js';
export {
  DEFAULT_CHUNK_SECONDS,
  MAX_CHUNK_SECONDS,
  type MediaLoadOptions,
} from './media-options.js';
export {
  type CheckMediaToolsOptions,
  checkMediaTools,
  type MediaToolName,
  type MediaToolPaths,
  type MediaToolStatus,
} from './media-tools.js';
export { parseJsonTranscript } from './parse-json-transcript.js';
export { parseJson3 } from './parse-json3.js';
export { parseSrt } from './parse-srt.js';
export { parseVtt } from './parse-vtt.js';
export { type PdfDocument, pdfToDocument } from './pdf-to-document.js';
export { PDF_EXTENSION, SUPPORTED_EXTENSIONS } from './supported-extensions.js';
export type {
  TranscribedSegment,
  Transcriber,
  TranscriberInput,
  TranscriberResult,
} from './transcriber.js';
export {
  type CachedTranscript,
  createTranscriptCache,
  type TranscriptCache,
} from './transcript-cache.js';
export type { TranscriptCue } from './transcript-cue.js';
export {
  type CheckedUrl,
  checkUrl,
  createUrlGuard,
  type HostLookup,
  type ResolvedAddress,
  type UrlGuard,
  type UrlGuardOptions,
} from './url-guard.js';
export { isVideoPlatformUrl, VIDEO_PLATFORM_HOSTS } from './video-platform-hosts.js';
