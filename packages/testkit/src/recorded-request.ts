/** One HTTP request the fake server received, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Request headers, names lower-cased. */
  headers: Record<string, string | string[] | undefined>;
  /**
   * The parsed JSON body; for multipart requests `{ fields, fileBytes, fileName }`; the raw text
   * when the body is not valid JSON; `undefined` when there was no body.
   */
  body: unknown;
  /** `response_format.json_schema.name` of a chat request, when present. */
  schemaName?: string;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
}
