import { CancelledError } from '@orch/core';

/** Throws the CancelledError of core when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) {
    throw new CancelledError(`${what} was cancelled.`, { cause: signal.reason });
  }
}
