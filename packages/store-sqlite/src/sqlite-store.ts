import type { RunStore } from '@orch/workflow-state';

export interface SqliteStoreOptions {
  /**
   * The database file. Default: `<dataDir>/orch.db`. `':memory:'` opens a private in-memory
   * database (nothing is written to disk).
   */
  readonly path?: string | undefined;
  /** The orch data directory, used when `path` is not given. Default: `resolveDataDir()`. */
  readonly dataDir?: string | undefined;
  /**
   * Open without writing: the file must exist and be at the current schema version; writes
   * fail with `DATABASE_READONLY`. Default false.
   */
  readonly readonly?: boolean | undefined;
}

/** The RunStore of orch on one SQLite file. */
export interface SqliteStore extends RunStore {
  /** The database file this store reads and writes. */
  readonly path: string;
}
