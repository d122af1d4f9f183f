export {
  type CreateRunInput,
  createWorkflowState,
  type ResumeState,
  type WorkflowState,
  type WorkflowStateOptions,
} from './create-workflow-state.js';
export { inputHash } from './input-hash.js';
export { createLeaseOwner, isLeaseOwnerAlive } from './lease-owner.js';
export { createMemoryRunStore, type MemoryRunStoreOptions } from './memory-run-store.js';
export { parseAge } from './parse-age.js';
export { checkpointToResult, isFinalCheckpoint, NON_FINAL_SKIP_PREFIXES } from './resume-rule.js';
export type { CheckpointDetails, RunHandleState } from './run-handle-state.js';
export {
  type CheckpointStatus,
  RUN_STATUSES,
  type RunFilter,
  type RunLease,
  type RunPatch,
  type RunRecord,
  type RunStatus,
  type StageCheckpoint,
} from './run-record.js';
export type { RunStore } from './run-store.js';
export { assertTransition, canTransition, RUN_TRANSITIONS } from './run-transitions.js';
export { StateTransitionError } from './state-transition-error.js';
export { type RunSummary, summarizeRun } from './summarize-run.js';
