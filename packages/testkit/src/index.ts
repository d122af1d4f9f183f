export { type BuildPdfOptions, buildPdf } from './build-pdf.js';
export type {
  ChatHandler,
  ChatHandlerContext,
  ChatRequest,
  ReplyValue,
} from './chat-request.js';
export { type ContentFixture, contentFixtures } from './content-fixtures.js';
export {
  type ContentRoute,
  type ContentServer,
  type ContentServerOptions,
  type ContentServerRequest,
  startContentServer,
} from './content-server.js';
export { type FakeOpenAI, type FakeOpenAIOptions, startFakeOpenAI } from './fake-openai.js';
export { FAULT_KINDS, type Fault, type FaultKind } from './fault.js';
export {
  type GroundedAnalystOptions,
  groundedAnalystHandlers,
} from './grounded-analyst.js';
export type { RecordedRequest } from './recorded-request.js';
export { sampleFromJsonSchema } from './sample-from-json-schema.js';
export { seededRandom } from './seeded-random.js';
export {
  type SyntheticTranscript,
  type SyntheticTranscriptOptions,
  syntheticTranscript,
} from './synthetic-transcript.js';
export type {
  TranscriptionHandler,
  TranscriptionReply,
  TranscriptionRequest,
} from './transcription.js';
