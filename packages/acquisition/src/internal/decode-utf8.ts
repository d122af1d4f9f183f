import { invalidUtf8 } from './file-errors.js';

/** Decodes UTF-8 strictly (a byte order mark is removed); anything else is INVALID_UTF8. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw invalidUtf8(path, 'it contains byte sequences that are not UTF-8', error);
  }
}
