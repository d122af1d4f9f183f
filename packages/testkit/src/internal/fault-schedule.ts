import type { ChatRequest } from '../chat-request.js';
import type { Fault } from '../fault.js';

/** The string a string `match` is compared with for transcription requests. */
export const TRANSCRIPTION_MATCH = 'transcription';

export type FaultTarget =
  | { route: 'chat'; request: ChatRequest; schemaName: string | undefined }
  | { route: 'transcription' };

/** The faults of one server and how many times each has fired since the last reset. */
export interface FaultSchedule {
  /** The first matching fault with uses left, consumed; undefined when none applies. */
  take(target: FaultTarget): Fault | undefined;
  replace(faults: readonly Fault[]): void;
  reset(): void;
}

export function createFaultSchedule(initial: readonly Fault[]): FaultSchedule {
  let faults = [...initial];
  let used = faults.map(() => 0);
  return {
    take(target) {
      for (const [index, fault] of faults.entries()) {
        const times = fault.times ?? Number.POSITIVE_INFINITY;
        if ((used[index] ?? 0) >= times || !matches(fault, target)) continue;
        used[index] = (used[index] ?? 0) + 1;
        return fault;
      }
      return undefined;
    },
    replace(next) {
      faults = [...next];
      used = faults.map(() => 0);
    },
    reset() {
      used = faults.map(() => 0);
    },
  };
}

function matches(fault: Fault, target: FaultTarget): boolean {
  const { match } = fault;
  if (match === undefined) return true;
  if (typeof match === 'string') {
    return target.route === 'chat' ? target.schemaName === match : match === TRANSCRIPTION_MATCH;
  }
  return target.route === 'chat' && match(target.request);
}
