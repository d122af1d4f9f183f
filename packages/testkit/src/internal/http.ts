import type { IncomingMessage, ServerResponse } from 'node:http';

/** An OpenAI-style error body: `{ error: { message, type, param, code } }`. */
export interface ErrorReply {
  status: number;
  message: string;
  type: string;
  code: string | null;
  headers?: Record<string, string>;
}

/** Reads the whole request body; undefined when the client went away before sending it. */
export async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of request) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}

/** True while the client is still waiting for this response. */
export function isOpen(response: ServerResponse): boolean {
  return !response.destroyed && !response.writableEnded && !response.socket?.destroyed;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (!isOpen(response)) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (!isOpen(response)) return;
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

export function sendError(
  response: ServerResponse,
  reply: ErrorReply,
  headers: Record<string, string> = {},
): void {
  sendJson(
    response,
    reply.status,
    { error: { message: reply.message, type: reply.type, param: null, code: reply.code } },
    { ...headers, ...reply.headers },
  );
}

/**
 * Waits `milliseconds` unless the client disconnects first or the server closes.
 * Resolves true when the wait completed with the client still there.
 */
export function waitWhileOpen(response: ServerResponse, milliseconds: number): Promise<boolean> {
  if (milliseconds <= 0) return Promise.resolve(isOpen(response));
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off('close', onClose);
      resolve(isOpen(response));
    }, milliseconds);
    response.once('close', onClose);
  });
}
