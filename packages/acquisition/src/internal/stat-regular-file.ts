import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileSystemError, notAFile } from './file-errors.js';

/**
 * The stats of a regular file at `location`.
 *
 * @throws InputError when it is missing, unreadable, a directory or otherwise not a file.
 */
export async function statRegularFile(location: string): Promise<Stats> {
  let stats: Stats;
  try {
    stats = await stat(location);
  } catch (error) {
    throw fileSystemError(error, location);
  }
  if (!stats.isFile()) throw notAFile(location, stats.isDirectory());
  return stats;
}
