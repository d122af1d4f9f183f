import { endpointLabel } from './internal/endpoint.js';
import { openAiClientFor } from './internal/openai-client.js';
import { toProviderError } from './internal/to-provider-error.js';
import type { LlmConfig } from './llm-config.js';

/** What `checkEndpoint` found out about the configured endpoint. */
export interface EndpointCheck {
  /** The endpoint's host (never the key). */
  endpoint: string;
  reachable: boolean;
  /** The models the endpoint lists (empty when it could not be asked). */
  models: string[];
  /** Configured models (default, per stage, transcription) the endpoint does not list. */
  missingModels: string[];
  /** Why it is not reachable, when it is not: the error message, with what to do. */
  problem?: string;
}

export interface CheckEndpointOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Asks the endpoint for its models (`GET /models`, no tokens spent) to tell whether the key and
 * base URL work and whether the configured models exist there. Never throws for an endpoint
 * failure: the answer says what went wrong.
 */
export async function checkEndpoint(
  config: LlmConfig,
  options: CheckEndpointOptions = {},
): Promise<EndpointCheck> {
  const endpoint = endpointLabel(config.baseUrl);
  const openai = openAiClientFor(config, 'model', {
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch,
  });
  const wanted = new Set([
    config.model,
    config.transcriptionModel,
    ...Object.values(config.stages).flatMap((stage) => (stage?.model ? [stage.model] : [])),
  ]);
  try {
    const models: string[] = [];
    for await (const model of openai.models.list()) models.push(model.id);
    return {
      endpoint,
      reachable: true,
      models,
      missingModels: [...wanted].filter((model) => !models.includes(model)),
    };
  } catch (error) {
    const problem = toProviderError(error, { model: config.model, endpoint, signal: undefined });
    return { endpoint, reachable: false, models: [], missingModels: [], problem: problem.message };
  }
}
