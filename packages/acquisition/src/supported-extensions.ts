import { FILE_FORMATS } from './internal/file-formats.js';

/** The file extensions loadFile reads (lower case; matching ignores case). */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(FILE_FORMATS));
