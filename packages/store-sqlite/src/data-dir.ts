import { homedir } from 'node:os';
import { join } from 'node:path';

/** The file name of the orch database inside the data directory. */
export const DEFAULT_DATABASE_FILE = 'orch.db';

/** The orch data directory: `ORCH_DATA_DIR` when set (and not empty), otherwise `~/.orch`. */
export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const configured = env.ORCH_DATA_DIR;
  return configured !== undefined && configured.trim() !== ''
    ? configured
    : join(homedir(), '.orch');
}
