export {
  type CheckEndpointOptions,
  checkEndpoint,
  type EndpointCheck,
} from './check-endpoint.js';
export {
  createTranscriber,
  type Transcriber,
  type TranscriberOptions,
  type TranscriptionInput,
  type TranscriptionResult,
  type TranscriptionSegment,
} from './create-transcriber.js';
export { createFileResponseCache } from './file-response-cache.js';
export {
  createLlmClient,
  type LlmClient,
  type LlmClientOptions,
  type LlmRequest,
  type LlmResult,
} from './llm-client.js';
export {
  DEFAULT_CONTEXT_WINDOW_TOKENS,
  DEFAULT_MODEL,
  DEFAULT_TRANSCRIPTION_MODEL,
  type LlmConfig,
  NO_API_KEY,
  type ResolveLlmConfigInput,
  resolveLlmConfig,
} from './llm-config.js';
export {
  type LlmConfigFile,
  llmConfigFileSchema,
  STRUCTURED_OUTPUT_MODES,
  type StageModelConfig,
  type StructuredOutputMode,
  stageModelConfigSchema,
  structuredOutputModeSchema,
} from './llm-config-file.js';
export { loadLlmConfigFile } from './load-llm-config-file.js';
export { createMemoryResponseCache } from './memory-response-cache.js';
export {
  PROVIDER_ERROR_CODES,
  ProviderError,
  type ProviderErrorCode,
  type ProviderErrorOptions,
} from './provider-error.js';
export {
  type CachedResponse,
  cachedResponseSchema,
  type ResponseCache,
  type ResponseCacheKeyParts,
  responseCacheKey,
} from './response-cache.js';
export { countTokens, truncateToTokens } from './tokens.js';
export { addUsage, emptyUsage, type Usage } from './usage.js';
