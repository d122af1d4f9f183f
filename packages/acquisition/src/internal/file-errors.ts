import { CancelledError, InputError, type OrchError } from '@orch/core';
import { SUPPORTED_EXTENSIONS } from '../supported-extensions.js';
import type { BinarySignature } from './binary-signature.js';
import { DOCUMENT_EXTENSIONS, MEDIA_EXTENSIONS } from './file-formats.js';

const SUPPORTED_LIST = (): string => SUPPORTED_EXTENSIONS.join(', ');

const DOCUMENT_LATER =
  'office and e-book documents are not read yet; PDF is, when the file has the .pdf extension';
const MEDIA_LATER =
  'audio and video will be transcribed by media acquisition, which is not available yet';
const TRANSCRIPT_REMEDY =
  'provide a transcript instead (.srt, .vtt or a .json transcript) or the text as a .txt file';
const DOCUMENT_REMEDY =
  'save it as PDF, or the text as .txt, .md or .html (or copy it into a .txt file), and analyse that file';

/** Formats a byte count in megabytes (MiB, as the limit is set), keeping enough digits. */
export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `${rounded} MB`;
}

export function fileNotFound(path: string, cause?: unknown): InputError {
  return new InputError(
    'FILE_NOT_FOUND',
    `File not found: ${path}. Check the path (relative paths start at the current directory) and try again.`,
    { cause, details: { path } },
  );
}

export function notAFile(path: string, directory: boolean): InputError {
  const what = directory ? 'a directory' : 'not a regular file';
  return new InputError(
    'NOT_A_FILE',
    `${path} is ${what}, not a file. Pass the path of a single file (${SUPPORTED_LIST()}).`,
    { details: { path } },
  );
}

export function fileNotReadable(path: string, reason: string, cause?: unknown): InputError {
  return new InputError(
    'FILE_NOT_READABLE',
    `Cannot read ${path}: ${reason}. Make the file readable by the current user (for example chmod u+r) or copy it somewhere readable.`,
    { cause, details: { path } },
  );
}

export function fileTooLarge(path: string, size: number, maxBytes: number): InputError {
  return new InputError(
    'FILE_TOO_LARGE',
    `${path} is ${megabytes(size)} (${size} bytes), over the ${megabytes(maxBytes)} limit (${maxBytes} bytes). Split it into smaller files or raise the limit with the maxBytes option.`,
    { details: { path, size, maxBytes } },
  );
}

export function emptyFile(path: string, detail = 'is empty or holds only whitespace'): InputError {
  return new InputError(
    'EMPTY_FILE',
    `${path} ${detail}; there is nothing to analyse. Check that you picked the right file.`,
    { details: { path } },
  );
}

export function unsupportedFileType(path: string, extension: string): InputError {
  const lower = extension.toLowerCase();
  if (DOCUMENT_EXTENSIONS.has(lower)) {
    return new InputError(
      'UNSUPPORTED_FILE_TYPE',
      `${path} is a ${lower} document: ${DOCUMENT_LATER}; ${DOCUMENT_REMEDY}. Supported now: ${SUPPORTED_LIST()}.`,
      { details: { path, extension: lower } },
    );
  }
  if (MEDIA_EXTENSIONS.has(lower)) {
    return new InputError(
      'UNSUPPORTED_FILE_TYPE',
      `${path} is a ${lower} media file: ${MEDIA_LATER}; ${TRANSCRIPT_REMEDY}. Supported now: ${SUPPORTED_LIST()}.`,
      { details: { path, extension: lower } },
    );
  }
  const what =
    lower.length === 0 ? 'has no file extension' : `has the unsupported extension ${lower}`;
  return new InputError(
    'UNSUPPORTED_FILE_TYPE',
    `${path} ${what}. Supported extensions: ${SUPPORTED_LIST()}; rename or convert the file to one of them.`,
    { details: { path, extension: lower } },
  );
}

export function binaryFile(path: string, signature: BinarySignature): InputError {
  let remedy: string;
  switch (signature.category) {
    case 'document':
      remedy = `${DOCUMENT_LATER}; ${DOCUMENT_REMEDY}`;
      break;
    case 'audio':
    case 'video':
      remedy = `${MEDIA_LATER}; ${TRANSCRIPT_REMEDY}`;
      break;
    default:
      remedy = `orch reads UTF-8 text files only (${SUPPORTED_LIST()}); check that you picked the right file`;
  }
  return new InputError(
    'BINARY_FILE',
    `${path} is not a text file: its content is ${signature.description}. ${remedy.charAt(0).toUpperCase()}${remedy.slice(1)}.`,
    { details: { path, detected: signature.description } },
  );
}

export function invalidUtf8(path: string, detail: string, cause?: unknown): InputError {
  return new InputError(
    'INVALID_UTF8',
    `${path} is not valid UTF-8 text (${detail}). Re-save it as UTF-8, for example with iconv -f WINDOWS-1252 -t UTF-8 (use the file's real encoding).`,
    { cause, details: { path } },
  );
}

export function noCues(path: string, format: 'SRT' | 'WebVTT'): InputError {
  const example =
    format === 'SRT' ? '00:00:01,000 --> 00:00:04,000' : '00:00:01.000 --> 00:00:04.000';
  return new InputError(
    'INVALID_TRANSCRIPT',
    `${path} holds no ${format} subtitle cues (no "${example}" timing line followed by text). Check that it is a ${format} file, or save the text as .txt.`,
    { details: { path } },
  );
}

interface ErrnoLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
}

/** Maps an error of stat/readFile to the OrchError the user should see. */
export function fileSystemError(error: unknown, path: string): OrchError {
  const { code, name, message } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as ErrnoLike;
  if (name === 'AbortError' || code === 'ABORT_ERR') {
    return new CancelledError(`Loading ${path} was cancelled.`, { cause: error });
  }
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileNotFound(path, error);
    case 'EISDIR':
      return notAFile(path, true);
    case 'EACCES':
    case 'EPERM':
      return fileNotReadable(path, 'permission denied', error);
    default:
      return fileNotReadable(
        path,
        typeof code === 'string'
          ? `${code} ${String(message ?? '')}`.trim()
          : String(message ?? error),
        error,
      );
  }
}
