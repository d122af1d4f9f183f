import { FILE_FORMATS } from './internal/file-formats.js';

/** The extension of PDF documents, which loadFile reads as binary (not UTF-8 text). */
export const PDF_EXTENSION = '.pdf';

/** The file extensions loadFile reads (lower case; matching ignores case). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze([
  ...Object.keys(FILE_FORMATS),
  PDF_EXTENSION,
]);
