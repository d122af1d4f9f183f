/** The host of the endpoint, for messages and logs; never includes credentials or paths. */
export function endpointLabel(baseUrl: string | undefined): string {
  if (baseUrl === undefined) return 'api.openai.com';
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'the configured endpoint';
  }
}

/**
 * OpenAI itself wants `max_completion_tokens` (reasoning models reject `max_tokens`); the
 * OpenAI-compatible servers (OpenRouter, Ollama, vLLM) all understand `max_tokens`.
 */
export function maxTokensParameter(
  baseUrl: string | undefined,
): 'max_completion_tokens' | 'max_tokens' {
  if (baseUrl === undefined) return 'max_completion_tokens';
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'api.openai.com' || host.endsWith('.openai.azure.com')
      ? 'max_completion_tokens'
      : 'max_tokens';
  } catch {
    return 'max_tokens';
  }
}
