/** Tokens one generate call consumed, summed over its requests (first reply and repair). */
export interface Usage {
  promptTokens: number;
  /** Reply tokens, reasoning tokens included. */
  completionTokens: number;
  /** Prompt tokens the endpoint served from its prompt cache (billed at a lower rate). */
  cachedPromptTokens: number;
  /** Completion tokens a reasoning model spent thinking. */
  reasoningTokens: number;
}

/** Usage of zero tokens (a cache hit). */
export function emptyUsage(): Usage {
  return { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0, reasoningTokens: 0 };
}

/** The sum of two usages. */
export function addUsage(left: Usage, right: Usage): Usage {
  return {
    promptTokens: left.promptTokens + right.promptTokens,
    completionTokens: left.completionTokens + right.completionTokens,
    cachedPromptTokens: left.cachedPromptTokens + right.cachedPromptTokens,
    reasoningTokens: left.reasoningTokens + right.reasoningTokens,
  };
}
