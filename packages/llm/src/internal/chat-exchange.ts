import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { countTokens } from '../tokens.js';
import type { Usage } from '../usage.js';

export type ChatBody = Omit<ChatCompletionCreateParamsNonStreaming, 'stream' | 'stream_options'>;

/** What one chat request brought back. */
export interface ChatReply {
  content: string;
  refusal: string | undefined;
  finishReason: string | undefined;
  /** The model the endpoint reports; undefined when it reports none. */
  model: string | undefined;
  usage: Usage;
}

/** Sends one Chat Completions request (streamed or not) and collects the reply and its usage. */
export async function exchangeChat(
  openai: OpenAI,
  body: ChatBody,
  stream: boolean,
  signal: AbortSignal | undefined,
): Promise<ChatReply> {
  const requestOptions = signal === undefined ? {} : { signal };
  if (!stream) {
    const completion = await openai.chat.completions.create(
      { ...body, stream: false },
      requestOptions,
    );
    const choice = completion.choices[0];
    const content = choice?.message.content ?? '';
    return {
      content,
      refusal: choice?.message.refusal ?? undefined,
      finishReason: choice?.finish_reason ?? undefined,
      model: completion.model || undefined,
      usage: usageOf(completion.usage, body.messages, content),
    };
  }
  const chunks = await openai.chat.completions.create(
    { ...body, stream: true, stream_options: { include_usage: true } },
    requestOptions,
  );
  let content = '';
  let refusal = '';
  let finishReason: string | undefined;
  let model: string | undefined;
  let reported: CompletionUsage | undefined;
  for await (const chunk of chunks) {
    if (chunk.model) model = chunk.model;
    if (chunk.usage) reported = chunk.usage;
    const choice = chunk.choices[0];
    if (choice === undefined) continue;
    content += choice.delta.content ?? '';
    refusal += choice.delta.refusal ?? '';
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  return {
    content,
    refusal: refusal === '' ? undefined : refusal,
    finishReason,
    model,
    usage: usageOf(reported, body.messages, content),
  };
}

/** The reported usage, or a tokenizer estimate when the endpoint reports none. */
function usageOf(
  usage: CompletionUsage | null | undefined,
  messages: readonly ChatCompletionMessageParam[],
  content: string,
): Usage {
  if (usage !== null && usage !== undefined) {
    return {
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens,
      cachedPromptTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
      reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
    };
  }
  let promptTokens = 0;
  for (const message of messages) {
    if (typeof message.content === 'string') promptTokens += countTokens(message.content);
  }
  return {
    promptTokens,
    completionTokens: countTokens(content),
    cachedPromptTokens: 0,
    reasoningTokens: 0,
  };
}
