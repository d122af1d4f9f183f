import type { ChatRequest } from '../chat-request.js';

/** Code points per streamed content piece. */
const STREAM_PIECE_LENGTH = 16;

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
}

/** About four characters per token, like the usual rule of thumb for English text. */
export function estimateUsage(request: ChatRequest, content: string): CompletionUsage {
  let promptCharacters = 0;
  for (const message of request.messages) promptCharacters += contentLength(message.content);
  const promptTokens = Math.ceil(promptCharacters / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

function contentLength(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  let length = 0;
  for (const part of content) {
    if (typeof part === 'string') length += part.length;
    else if (typeof part === 'object' && part !== null && 'text' in part) {
      const text = (part as { text: unknown }).text;
      if (typeof text === 'string') length += text.length;
    }
  }
  return length;
}

/** A `chat.completion` object with one choice. */
export function buildCompletion(
  identity: CompletionIdentity,
  content: string,
  usage: CompletionUsage,
): Record<string, unknown> {
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage,
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed reply: the role, the content in several
 * pieces, the finish reason and, when asked for, a last chunk with empty choices and the usage.
 */
export function buildChunks(
  identity: CompletionIdentity,
  content: string,
  usage: CompletionUsage,
  includeUsage: boolean,
): Record<string, unknown>[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: null,
    choices,
    ...(includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const delta = (value: Record<string, unknown>, finishReason: string | null = null) => ({
    index: 0,
    delta: value,
    logprobs: null,
    finish_reason: finishReason,
  });
  const chunks = [chunk([delta({ role: 'assistant', content: '', refusal: null })])];
  const codePoints = Array.from(content);
  for (let start = 0; start < codePoints.length; start += STREAM_PIECE_LENGTH) {
    const piece = codePoints.slice(start, start + STREAM_PIECE_LENGTH).join('');
    chunks.push(chunk([delta({ content: piece })]));
  }
  chunks.push(chunk([delta({}, 'stop')]));
  if (includeUsage) chunks.push(chunk([], { usage }));
  return chunks;
}
