import type { ChatHandler, ChatRequest, ReplyValue } from '../chat-request.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { TranscriptionHandler } from '../transcription.js';
import type { FaultSchedule } from './fault-schedule.js';

/** Everything one fake server instance knows; never shared between instances. */
export interface ServerState {
  handlers: Record<string, ChatHandler | ReplyValue>;
  faults: FaultSchedule;
  requests: RecordedRequest[];
  /** Chat requests per schema name ('' for requests without a schema) not answered by a fault. */
  callCounts: Map<string, number>;
  latencyMs: number | ((request: ChatRequest) => number) | undefined;
  transcription: TranscriptionHandler | undefined;
  /** 1, 2, 3... for response ids. */
  nextSequence(): number;
}
