import { OrchError } from '@orch/core';
import type { RunStatus } from './run-record.js';

/** A run was asked to move between two statuses that `RUN_TRANSITIONS` does not connect. */
export class StateTransitionError extends OrchError {
  readonly runId: string | undefined;
  readonly from: RunStatus;
  readonly to: RunStatus;

  constructor(
    from: RunStatus,
    to: RunStatus,
    allowed: readonly RunStatus[],
    runId?: string,
    options: { cause?: unknown } = {},
  ) {
    const subject = runId === undefined ? 'A run' : `Run "${runId}"`;
    super(
      'ILLEGAL_RUN_TRANSITION',
      `${subject} cannot go from "${from}" to "${to}". ${advice(from, to, allowed, runId)}`,
      { category: 'storage', cause: options.cause, details: { runId, from, to, allowed } },
    );
    this.runId = runId;
    this.from = from;
    this.to = to;
  }
}

function advice(
  from: RunStatus,
  to: RunStatus,
  allowed: readonly RunStatus[],
  runId: string | undefined,
): string {
  const show = runId === undefined ? '`orch runs show <id>`' : `\`orch runs show ${runId}\``;
  if (from === 'completed') {
    return `A completed run is final: read its report with ${show}, or start a new run.`;
  }
  if (from === to) {
    return `It is already ${from}; check its state with ${show} before changing it.`;
  }
  return `From "${from}" it can only go to: ${allowed.join(', ')}. Check its state with ${show}.`;
}
