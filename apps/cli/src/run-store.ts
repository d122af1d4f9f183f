import type { LedgerStore } from '@orch/budget';
import { InputError } from '@orch/core';
import { openSqliteLedger, openSqliteStore, resolveDataDir } from '@orch/store-sqlite';
import { createWorkflowState, type RunRecord, type WorkflowState } from '@orch/workflow-state';
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

/** The spending ledger of this user: the same SQLite file, its own connection. */
export async function withLedger<T>(
  io: CliIo,
  work: (ledger: LedgerStore) => Promise<T>,
): Promise<T> {
  const ledger = openSqliteLedger({ dataDir: resolveDataDir(io.env) });
  try {
    return await work(ledger);
  } finally {
    await ledger.close();
  }
}

/** The stored run, or a usage error (exit 2) for an id the user mistyped. */
export async function requireRun(state: WorkflowState, runId: string): Promise<RunRecord> {
  const run = await state.getRun(runId);
  if (run) return run;
  throw new InputError('RUN_NOT_FOUND', `No run with id ${runId}. List runs with: orch runs`);
}
