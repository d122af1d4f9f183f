import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { ConfigError, type Content } from '@orch/core';
import { detectBinary, wideEncodingOf } from './internal/binary-signature.js';
import { decodeUtf8 } from './internal/decode-utf8.js';
import { contentOfFile } from './internal/file-content.js';
import {
  binaryFile,
  emptyFile,
  fileSystemError,
  fileTooLarge,
  invalidUtf8,
  unsupportedFileType,
} from './internal/file-errors.js';
import { FILE_FORMATS } from './internal/file-formats.js';
import { contentOfPdf } from './internal/pdf-content.js';
import { statRegularFile } from './internal/stat-regular-file.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { DEFAULT_MAX_BYTES, type LoadOptions } from './load-options.js';
import { PDF_EXTENSION } from './supported-extensions.js';

function maxBytesOf(options: LoadOptions): number {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new ConfigError(
      'INVALID_MAX_BYTES',
      `maxBytes must be a positive whole number of bytes, got ${String(options.maxBytes)}; omit it to use the ${DEFAULT_MAX_BYTES}-byte default.`,
    );
  }
  return maxBytes;
}

/**
 * Reads a local file into Content. The type comes from the extension (`SUPPORTED_EXTENSIONS`,
 * case-insensitive): .txt/.text documents, .md/.markdown and .html/.htm articles, .srt/.vtt
 * subtitles, .json transcripts and .pdf documents (text extracted with pdf.js; InputError
 * `PDF_INVALID`, `PDF_ENCRYPTED` or `PDF_NO_TEXT` when that fails). The file is checked with `stat` first (exists, is a file, has
 * a supported extension, is not over `maxBytes`, is not empty), read once, refused when binary or
 * not UTF-8, then parsed. Throws InputError (codes in the README) for bad input and
 * CancelledError when `signal` fires.
 */
export async function loadFile(path: string, options: LoadOptions = {}): Promise<Content> {
  const location = resolve(path);
  const maxBytes = maxBytesOf(options);
  const { signal } = options;
  const what = `Loading ${location}`;
  throwIfAborted(signal, what);

  const stats = await statRegularFile(location);
  throwIfAborted(signal, what);
  const extension = extname(location);
  const isPdf = extension.toLowerCase() === PDF_EXTENSION;
  const info = FILE_FORMATS[extension.toLowerCase()];
  if (info === undefined && !isPdf) throw unsupportedFileType(location, extension);
  if (stats.size > maxBytes) throw fileTooLarge(location, stats.size, maxBytes);
  if (stats.size === 0) throw emptyFile(location);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(location, signal === undefined ? {} : { signal });
  } catch (error) {
    throw fileSystemError(error, location);
  }
  throwIfAborted(signal, what);
  if (bytes.length > maxBytes) throw fileTooLarge(location, bytes.length, maxBytes);
  const now = options.now ?? (() => new Date());
  if (info === undefined) {
    return contentOfPdf(bytes, { source: { type: 'file', location }, acquiredAt: now() });
  }

  const wide = wideEncodingOf(bytes);
  if (wide !== undefined) throw invalidUtf8(location, `it is encoded as ${wide}`);
  const signature = detectBinary(bytes);
  if (signature !== undefined) throw binaryFile(location, signature);
  const text = decodeUtf8(bytes, location);
  if (text.trim().length === 0) throw emptyFile(location);

  return contentOfFile(info, text, {
    location,
    byteLength: bytes.length,
    acquiredAt: now(),
  });
}
