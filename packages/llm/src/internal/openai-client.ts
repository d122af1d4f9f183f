import { ConfigError } from '@orch/core';
import OpenAI from 'openai';
import type { LlmConfig } from '../llm-config.js';

export interface OpenAiClientOptions {
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
}

/**
 * The official openai client for the endpoint of `config`, with the SDK's retries off (they
 * belong to @orch/recovery). `field` names the model setting the caller needs.
 *
 * @throws ConfigError INVALID_LLM_CONFIG for an empty key or model, or a bad timeout.
 */
export function openAiClientFor(
  config: LlmConfig,
  field: 'model' | 'transcriptionModel',
  options: OpenAiClientOptions,
): OpenAI {
  if (config.apiKey.trim() === '' || (config[field]?.trim() ?? '') === '') {
    throw new ConfigError(
      'INVALID_LLM_CONFIG',
      `The LLM config needs a non-empty apiKey and ${field}. Build it with resolveLlmConfig.`,
    );
  }
  const { timeoutMs } = options;
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs <= 0)) {
    throw new ConfigError(
      'INVALID_LLM_CONFIG',
      `timeoutMs must be a positive whole number of milliseconds, got ${timeoutMs}.`,
    );
  }
  return new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseUrl === undefined ? {} : { baseURL: config.baseUrl }),
    maxRetries: 0,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}
