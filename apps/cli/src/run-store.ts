import { openSqliteStore, resolveDataDir } from '@orch/store-sqlite';
import { createWorkflowState, type WorkflowState } from '@orch/workflow-state';
import type { CliIo } from './cli-io.js';

/** The run history of this user: the SQLite file under ORCH_DATA_DIR (default ~/.orch). */
export async function withWorkflowState<T>(
  io: CliIo,
  work: (state: WorkflowState) => Promise<T>,
): Promise<T> {
  const store = openSqliteStore({ dataDir: resolveDataDir(io.env) });
  try {
    return await work(createWorkflowState({ store }));
  } finally {
    await store.close();
  }
}
