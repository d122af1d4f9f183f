import type { Budget } from '@orch/budget';
import type { StageId } from '@orch/core';
import { countTokens, type LlmClient, type LlmRequest, type LlmResult } from '@orch/llm';
import type { Recovery } from '@orch/recovery';

/** Reply length sent with every call that sets none, so its worst-case cost is known. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

/** What one stage's model calls cost and took, for its checkpoint. */
export interface StageCallFacts {
  costUsd: number;
  attempts: number;
  model?: string;
}

export interface GuardOptions {
  readonly budget: Budget;
  readonly recovery: Recovery;
  /** The endpoint's label in breaker keys, e.g. "api.openai.com". */
  readonly endpoint: string;
  /** Models tried in order after the stage's own model is exhausted. */
  readonly fallbackModels: readonly string[];
  /** Stages whose failure fails the run: their exhaustion is escalated. */
  readonly requiredStages: ReadonlySet<StageId>;
}

/** An LlmClient whose every call is budgeted and recovered, with per-stage accounting. */
export interface GuardedLlmClient extends LlmClient {
  /** The cost, attempts and answering model of a stage's calls since the last take. */
  takeStageFacts(stage: StageId): StageCallFacts | undefined;
}

/**
 * Wraps a client so every call goes budget.reserve → recovery (timeout, retries, breaker per
 * endpoint and model, then the fallback models) → the request → budget settle. The reservation
 * is the call's worst case including one repair round: the prompt twice, the first reply fed
 * back, and two replies of maxOutputTokens; a call that fails is settled at that worst case when
 * the failure may have been billed (an answer arrived but was unusable), released otherwise.
 */
export function guardLlmClient(client: LlmClient, options: GuardOptions): GuardedLlmClient {
  const { budget, recovery, endpoint } = options;
  const facts = new Map<StageId, StageCallFacts>();

  const note = (stage: StageId, update: Partial<StageCallFacts> & { costUsd?: number }): void => {
    const current = facts.get(stage) ?? { costUsd: 0, attempts: 0 };
    facts.set(stage, {
      costUsd: current.costUsd + (update.costUsd ?? 0),
      attempts: current.attempts + (update.attempts ?? 0),
      ...((update.model ?? current.model) ? { model: update.model ?? current.model } : {}),
    });
  };

  async function attempt<T>(
    request: LlmRequest<T>,
    model: string,
    signal: AbortSignal,
  ): Promise<LlmResult<T>> {
    const maxOutputTokens =
      request.maxOutputTokens ??
      client.config.stages[request.stage]?.maxOutputTokens ??
      DEFAULT_MAX_OUTPUT_TOKENS;
    const promptTokens = countTokens(request.system) + countTokens(request.user);
    const reservation = await budget.reserve({
      stage: request.stage,
      model,
      inputTokens: promptTokens * 2 + maxOutputTokens,
      maxOutputTokens: maxOutputTokens * 2,
    });
    note(request.stage, { attempts: 1 });
    try {
      const result = await client.generate({ ...request, model, maxOutputTokens, signal });
      const cost = await reservation.settle(result.usage);
      note(request.stage, { costUsd: cost ?? 0, model: result.model });
      return result;
    } catch (error) {
      const billed = (error as { category?: string }).category === 'validation';
      if (billed) {
        const worst = {
          promptTokens: promptTokens * 2 + maxOutputTokens,
          completionTokens: maxOutputTokens * 2,
          cachedPromptTokens: 0,
          reasoningTokens: 0,
        };
        note(request.stage, { costUsd: (await reservation.settle(worst)) ?? 0 });
      } else {
        await reservation.release();
      }
      throw error;
    }
  }

  return {
    config: client.config,
    modelFor: (stage) => client.modelFor(stage),
    async generate<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
      const first = request.model ?? client.modelFor(request.stage);
      const models = [first, ...options.fallbackModels.filter((model) => model !== first)];
      const { value } = await recovery.executeWithFallback(
        {
          stage: request.stage,
          required: options.requiredStages.has(request.stage),
          ...(request.signal === undefined ? {} : { signal: request.signal }),
        },
        models.map((model) => ({
          key: `${endpoint}/${model}`,
          run: (signal: AbortSignal) => attempt(request, model, signal),
        })),
      );
      return value;
    },
    takeStageFacts(stage) {
      const taken = facts.get(stage);
      facts.delete(stage);
      return taken;
    },
  };
}
