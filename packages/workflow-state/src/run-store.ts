import type { RunFilter, RunLease, RunPatch, RunRecord, StageCheckpoint } from './run-record.js';

/**
 * Where runs and checkpoints live. Implementations: the in-memory store here (tests), SQLite
 * (`@orch/store-sqlite`, the embedded default), PostgreSQL later. Every method is atomic; a
 * crash between two calls never leaves a half-written record. Stores persist; the state machine
 * in `createWorkflowState` decides what is legal.
 */
export interface RunStore {
  /** Stores a new run; throws `RUN_EXISTS` (StorageError) if the id is taken. */
  createRun(run: RunRecord): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  /**
   * Applies a patch and sets `updatedAt`. With `expectedStatus`, applies only when the stored
   * status still equals it (compare-and-set) and returns false otherwise.
   */
  updateRun(id: string, patch: RunPatch, expectedStatus?: RunRecord['status']): Promise<boolean>;
  /** Inserts or replaces the checkpoint of (runId, stage). */
  saveCheckpoint(checkpoint: StageCheckpoint): Promise<void>;
  /** The run's checkpoints, in the order they were first saved. */
  listCheckpoints(runId: string): Promise<StageCheckpoint[]>;
  /**
   * Takes the run's lease for `owner` until now + ttlMs when it is free, expired, or already
   * held by `owner`; returns the lease held afterwards (the caller's or someone else's).
   */
  acquireLease(runId: string, owner: string, ttlMs: number, now: number): Promise<RunLease>;
  /** Ends the lease if `owner` holds it. */
  releaseLease(runId: string, owner: string): Promise<void>;
  getLease(runId: string): Promise<RunLease | undefined>;
  /** Deletes runs (and their checkpoints and leases) matching the filter; returns how many. */
  deleteRuns(filter: RunFilter & { readonly createdBefore: string }): Promise<number>;
  close(): Promise<void>;
}
