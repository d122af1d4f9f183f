import { z } from 'zod';

/**
 * Tokens one model call consumed, as `@orch/llm` reports them (the same structural type, so
 * budget does not depend on the client).
 */
export interface Usage {
  promptTokens: number;
  /** Reply tokens, reasoning tokens included. */
  completionTokens: number;
  /** Prompt tokens the endpoint served from its prompt cache (billed at a lower rate). */
  cachedPromptTokens: number;
  /** Completion tokens a reasoning model spent thinking. */
  reasoningTokens: number;
}

const tokenCount = z.number().int().min(0);

/** A usage as stored in the ledger and accepted by `Reservation.settle`. */
export const usageSchema = z.object({
  promptTokens: tokenCount,
  completionTokens: tokenCount,
  cachedPromptTokens: tokenCount,
  reasoningTokens: tokenCount,
});
