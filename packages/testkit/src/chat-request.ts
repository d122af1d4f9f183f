/** A Chat Completions request body as the fake server received it. */
export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | unknown[] }[];
  response_format?: unknown;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  [key: string]: unknown;
}

/** A reply: a string is sent as the message content, an object or array is JSON-encoded. */
export type ReplyValue = string | Record<string, unknown> | unknown[];

/** What a chat handler learns about the request besides its body. */
export interface ChatHandlerContext {
  /** `response_format.json_schema.name` when the request asked for a JSON schema. */
  schemaName?: string;
  /** `response_format.json_schema.schema` when the request asked for a JSON schema. */
  schema?: unknown;
  /**
   * How many earlier requests with the same schema name reached a handler or the default reply
   * since start or the last `reset()` (0 for the first). Requests without a schema share one
   * counter. Requests answered by a fault are not counted.
   */
  callIndex: number;
}

/** Computes the reply of one chat request; may be async. */
export type ChatHandler = (
  request: ChatRequest,
  context: ChatHandlerContext,
) => ReplyValue | Promise<ReplyValue>;
