import { StorageError } from '@orch/core';
import type { RunStatus } from '../run-record.js';

export function runNotFound(runId: string): StorageError {
  return new StorageError(
    'RUN_NOT_FOUND',
    `No run with id "${runId}" exists. Check the id with \`orch runs list\`.`,
    { details: { runId } },
  );
}

/** A compare-and-set lost: the run was not in `expected` any more when `to` was written. */
export function runConflict(
  runId: string,
  expected: RunStatus,
  current: RunStatus,
  to: RunStatus,
): StorageError {
  return new StorageError(
    'RUN_CONFLICT',
    `Run "${runId}" was moved from "${expected}" to "${current}" by another process or call while this one was moving it to "${to}", so nothing was changed. Check it with \`orch runs show ${runId}\` before trying again.`,
    { retryable: true, details: { runId, expected, current, to } },
  );
}
