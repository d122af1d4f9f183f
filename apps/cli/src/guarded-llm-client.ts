import type { Budget, Reservation, Usage } from '@orch/budget';
import type { StageId } from '@orch/core';
import type { LlmClient, LlmRequest, LlmResult } from '@orch/llm';
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
 * Wraps a client so every call goes recovery (timeout, retries, breaker per endpoint and model,
 * then the fallback models) → budget.reserve → the request → budget settle. The reservation is
 * made only when a request is really sent (a cached reply costs nothing and needs no budget) and
 * is the call's worst case including one repair round; a call that fails is settled at that
 * worst case when the failure may have been billed (an answer arrived but was unusable),
 * released otherwise.
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
    // The worst case of one call: the prompt, and with a repair round the prompt again plus the
    // first reply fed back; two replies of maxOutputTokens.
    const worstCase = (promptTokens: number): Usage => ({
      promptTokens: promptTokens * 2 + maxOutputTokens,
      completionTokens: maxOutputTokens * 2,
      cachedPromptTokens: 0,
      reasoningTokens: 0,
    });
    let reservation: Reservation | undefined;
    let worst: Usage | undefined;
    note(request.stage, { attempts: 1 });
    try {
      const result = await client.generate({
        ...request,
        model,
        maxOutputTokens,
        signal,
        // reserved only when a request is really sent: a cached reply costs nothing
        beforeSend: async ({ promptTokens }) => {
          worst = worstCase(promptTokens);
          reservation = await budget.reserve({
            stage: request.stage,
            model,
            inputTokens: worst.promptTokens,
            maxOutputTokens: worst.completionTokens,
          });
        },
      });
      const cost = reservation ? await reservation.settle(result.usage) : 0;
      note(request.stage, { costUsd: cost ?? 0, model: result.model });
      return result;
    } catch (error) {
      // an answer that arrived but was unusable may have been billed: count its worst case
      const billed = (error as { category?: string }).category === 'validation';
      if (reservation && worst && billed) {
        note(request.stage, { costUsd: (await reservation.settle(worst)) ?? 0 });
      } else {
        await reservation?.release();
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
