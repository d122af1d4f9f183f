export {
  type AgentDefinition,
  type AgentInput,
  type AgentOutputMeta,
  LLM_STAGE_IDS,
  type LlmStageId,
} from './agent-definition.js';
export { type Chunk, chunkContent } from './chunk-content.js';
export {
  type AgentStagesOptions,
  createAgentStages,
  DEFAULT_CHUNK_TOKENS,
  DEFAULT_MAX_CLAIMS_BY_DEPTH,
  PROMPT_OVERHEAD_TOKENS,
} from './create-agent-stages.js';
export { BASIS_KINDS } from './crew/fact-check.js';
export { CREW } from './crew.js';
