import { ConfigError, type StageId } from '@orch/core';
import { z } from 'zod';
import { describeIssues } from './internal/describe-issues.js';
import {
  type LlmConfigFile,
  llmConfigFileSchema,
  type StageModelConfig,
  type StructuredOutputMode,
} from './llm-config-file.js';

/** The model used when neither ORCH_MODEL, the config file nor an override names one. */
export const DEFAULT_MODEL = 'gpt-4o-mini';

/** The transcription model used when ORCH_TRANSCRIPTION_MODEL names none. */
export const DEFAULT_TRANSCRIPTION_MODEL = 'whisper-1';

/** The context window assumed when the config file does not give one. */
export const DEFAULT_CONTEXT_WINDOW_TOKENS = 128_000;

/** The API key sent to endpoints that need none (Ollama, vLLM without --api-key). */
export const NO_API_KEY = 'not-needed';

/** Everything the client needs to reach one OpenAI-compatible endpoint. */
export interface LlmConfig {
  /** OPENAI_API_KEY, or `'not-needed'` for a local endpoint without a key. */
  apiKey: string;
  /** The endpoint, e.g. `http://localhost:11434/v1`; undefined means api.openai.com. */
  baseUrl: string | undefined;
  /** The default model of every stage. */
  model: string;
  /** Per-stage model and reply-length overrides. */
  stages: Partial<Record<StageId, StageModelConfig>>;
  contextWindowTokens: number;
  /** Prompts above this many tokens are refused before any request (default 3/4 of the window). */
  maxInputTokensPerRequest: number;
  structuredOutput: StructuredOutputMode;
  /** The model `createTranscriber` uses (ORCH_TRANSCRIPTION_MODEL, default `whisper-1`). */
  transcriptionModel: string;
}

export interface ResolveLlmConfigInput {
  /** Usually `process.env`: OPENAI_API_KEY, OPENAI_BASE_URL, ORCH_MODEL, ORCH_TRANSCRIPTION_MODEL. */
  env?: Record<string, string | undefined>;
  /** The LLM section of a config file (see loadLlmConfigFile). */
  file?: LlmConfigFile;
  /** Command-line flags; they win over the environment and the file. */
  overrides?: { model?: string; baseUrl?: string };
}

const urlSchema = z.url({ protocol: /^https?$/ });

/**
 * Combines overrides, environment and config file (in that order of precedence) into an
 * LlmConfig. Returns null when there is neither an API key nor a base URL: orch then runs offline.
 *
 * @throws ConfigError `INVALID_LLM_CONFIG` naming the field that is wrong.
 */
export function resolveLlmConfig(input: ResolveLlmConfigInput): LlmConfig | null {
  const env = input.env ?? {};
  const file = parseFile(input.file);
  const overrides = input.overrides ?? {};

  const apiKey = nonEmpty(env.OPENAI_API_KEY);
  const baseUrl =
    checkUrl(nonEmpty(overrides.baseUrl), 'the baseUrl override') ??
    checkUrl(nonEmpty(env.OPENAI_BASE_URL), 'OPENAI_BASE_URL') ??
    file.baseUrl;
  if (apiKey === undefined && baseUrl === undefined) return null;

  const model =
    nonEmpty(overrides.model) ?? nonEmpty(env.ORCH_MODEL) ?? file.model ?? DEFAULT_MODEL;
  const contextWindowTokens = file.contextWindowTokens ?? DEFAULT_CONTEXT_WINDOW_TOKENS;
  const maxInputTokensPerRequest =
    file.maxInputTokensPerRequest ?? Math.floor((contextWindowTokens * 3) / 4);
  if (maxInputTokensPerRequest > contextWindowTokens) {
    throw invalid(
      `maxInputTokensPerRequest (${maxInputTokensPerRequest}) exceeds contextWindowTokens (${contextWindowTokens})`,
    );
  }
  return {
    apiKey: apiKey ?? NO_API_KEY,
    baseUrl,
    model,
    stages: { ...file.stages },
    contextWindowTokens,
    maxInputTokensPerRequest,
    structuredOutput: file.structuredOutput ?? 'json_schema',
    transcriptionModel: nonEmpty(env.ORCH_TRANSCRIPTION_MODEL) ?? DEFAULT_TRANSCRIPTION_MODEL,
  };
}

function parseFile(file: LlmConfigFile | undefined): LlmConfigFile {
  if (file === undefined) return {};
  const parsed = llmConfigFileSchema.safeParse(file);
  if (!parsed.success) throw invalid(describeIssues(parsed.error.issues).join('; '));
  return parsed.data;
}

function checkUrl(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!urlSchema.safeParse(value).success) {
    throw invalid(`${field} is not an http(s) URL: "${value}"`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function invalid(problem: string): ConfigError {
  return new ConfigError(
    'INVALID_LLM_CONFIG',
    `The LLM configuration is invalid: ${problem}. Fix that field (see the @orch/llm README for the format).`,
  );
}
