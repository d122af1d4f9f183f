export {
  type ContentFromTextOptions,
  contentFromText,
} from './content-from-text.js';
export { type HtmlDocument, htmlToDocument } from './html-to-document.js';
export {
  JSON_TRANSCRIPT_FORMAT,
  type JsonTranscript,
  type JsonTranscriptInput,
  jsonTranscriptSchema,
  jsonTranscriptSegmentSchema,
} from './json-transcript.js';
export { loadFile } from './load-file.js';
export { DEFAULT_MAX_BYTES, type LoadOptions } from './load-options.js';
export { loadSource } from './load-source.js';
export { type MarkdownDocument, markdownToDocument } from './markdown-to-document.js';
export { parseJsonTranscript } from './parse-json-transcript.js';
export { parseSrt } from './parse-srt.js';
export { parseVtt } from './parse-vtt.js';
export { SUPPORTED_EXTENSIONS } from './supported-extensions.js';
export type { TranscriptCue } from './transcript-cue.js';
