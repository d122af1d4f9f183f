import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ConfigError } from '@orch/core';
import { contentFixtures } from './content-fixtures.js';
import { listenOnLoopback } from './internal/loopback-server.js';

/** How the content server answers one path. */
export interface ContentRoute {
  /** The body; a string is sent as UTF-8. Default: empty. */
  body?: string | Uint8Array;
  /**
   * The `Content-Type` header. Default: `text/plain; charset=utf-8` for a string body,
   * `application/octet-stream` for bytes; none for a redirect or an empty body.
   */
  contentType?: string;
  /** The status code; default 200, or 302 with `redirect`. */
  status?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Waits this long before sending anything (slow servers, timeouts). */
  delayMs?: number;
  /** Answers with a redirect to this location (absolute, or relative to the request). */
  redirect?: string;
  /** Sends the body this many times in a row, streamed (huge bodies without the memory). */
  repeat?: number;
  /** Leaves out `Content-Length` (chunked transfer), so only counting the bytes tells the size. */
  chunked?: boolean;
  /**
   * Sends the headers and the body but never ends the response (chunked, so the client waits
   * for more): a stalled download.
   */
  stall?: boolean;
}

/** One request the content server received. */
export interface ContentServerRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The path with the query string, as sent. */
  target: string;
  /** Request headers, names lower-cased. */
  headers: Record<string, string | string[] | undefined>;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
}

/** Options of `startContentServer`. */
export interface ContentServerOptions {
  /** Routes by path (query ignored); they replace fixtures of the same path. */
  routes?: Record<string, ContentRoute>;
  /** Serve the built-in fixtures (`contentFixtures()`); default true. */
  fixtures?: boolean;
  /** The loopback address to listen on; default 127.0.0.1. */
  host?: string;
}

/** A running content server. */
export interface ContentServer {
  /** `http://host:port`. */
  readonly origin: string;
  readonly port: number;
  /** The absolute URL of a path on this server, e.g. `url('/article.html')`. */
  url(path: string): string;
  /** Every request received since start or the last reset, in arrival order (a snapshot). */
  readonly requests: readonly ContentServerRequest[];
  /** Adds or replaces the route of a path. */
  setRoute(path: string, route: ContentRoute): void;
  /** Clears the recorded requests. */
  reset(): void;
  /** Closes the server and destroys open connections (delayed responses included). */
  close(): Promise<void>;
}

function invalidRoute(path: string, problem: string): ConfigError {
  return new ConfigError(
    'CONTENT_SERVER_INVALID_ROUTE',
    `The content server route "${path}" is invalid: ${problem}. Fix the route in startContentServer({ routes }) or setRoute.`,
    { details: { path } },
  );
}

function validateRoute(path: string, route: ContentRoute): void {
  if (!path.startsWith('/')) throw invalidRoute(path, 'the path must start with "/"');
  const { status, delayMs, repeat } = route;
  if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599)) {
    throw invalidRoute(path, `status must be a whole number from 100 to 599, got ${status}`);
  }
  if (delayMs !== undefined && (!Number.isFinite(delayMs) || delayMs < 0)) {
    throw invalidRoute(path, `delayMs must be a number of milliseconds >= 0, got ${delayMs}`);
  }
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1)) {
    throw invalidRoute(path, `repeat must be a whole number >= 1, got ${repeat}`);
  }
}

function bodyBytes(body: string | Uint8Array | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array();
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

function defaultContentType(route: ContentRoute, bytes: Uint8Array): string | undefined {
  if (route.contentType !== undefined) return route.contentType;
  if (route.redirect !== undefined || bytes.length === 0) return undefined;
  return typeof route.body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream';
}

function wait(milliseconds: number, response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    response.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves when the response can take more data or has closed; leaves no listener behind. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

async function writeBody(
  response: ServerResponse,
  bytes: Uint8Array,
  repeat: number,
  stall: boolean,
): Promise<void> {
  for (let index = 0; index < repeat; index += 1) {
    if (response.destroyed || response.writableEnded) return;
    if (!response.write(bytes)) await drained(response);
  }
  if (!response.destroyed && !stall) response.end();
}

async function answer(
  route: ContentRoute,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (route.delayMs !== undefined && route.delayMs > 0) await wait(route.delayMs, response);
  if (response.destroyed) return;
  const bytes = bodyBytes(route.body);
  const repeat = route.repeat ?? 1;
  const headers: Record<string, string> = {};
  const contentType = defaultContentType(route, bytes);
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (route.redirect !== undefined) headers.location = route.redirect;
  if (route.chunked !== true && route.stall !== true)
    headers['content-length'] = String(bytes.length * repeat);
  Object.assign(headers, route.headers);
  const status = route.status ?? (route.redirect === undefined ? 200 : 302);
  response.writeHead(status, headers);
  if (request.method === 'HEAD' || bytes.length === 0) {
    if (route.stall === true) response.flushHeaders();
    else response.end();
    return;
  }
  await writeBody(response, bytes, repeat, route.stall === true);
}

/**
 * Starts a real HTTP server on loopback (a free port) that serves test content: the fixtures of
 * `contentFixtures()` (an HTML article with boilerplate, a PDF, SRT and WebVTT subtitles,
 * Markdown and plain text) and any routes you add: bodies with any content type, status codes,
 * headers, delays, redirects and huge streamed bodies. GET and HEAD are answered; unknown paths
 * get 404 and other methods 405. Every request is recorded.
 *
 * @throws ConfigError `CONTENT_SERVER_INVALID_ROUTE` for an invalid route,
 *   `CONTENT_SERVER_LISTEN_FAILED` when the server cannot listen on `host`.
 */
export async function startContentServer(
  options: ContentServerOptions = {},
): Promise<ContentServer> {
  const routes = new Map<string, ContentRoute>();
  if (options.fixtures !== false) {
    for (const [path, fixture] of Object.entries(contentFixtures())) {
      routes.set(path, { body: fixture.body, contentType: fixture.contentType });
    }
  }
  for (const [path, route] of Object.entries(options.routes ?? {})) {
    validateRoute(path, route);
    routes.set(path, route);
  }
  const requests: ContentServerRequest[] = [];
  const server = createServer((request, response) => {
    const target = request.url ?? '/';
    const path = new URL(target, 'http://content.invalid').pathname;
    const method = request.method ?? 'GET';
    requests.push({
      method,
      path,
      target,
      headers: { ...request.headers },
      receivedAt: Date.now(),
    });
    request.resume();
    response.on('error', () => undefined);
    const route = routes.get(path);
    let reply: ContentRoute;
    if (method !== 'GET' && method !== 'HEAD') {
      reply = {
        status: 405,
        body: `${method} is not allowed; the content server answers GET and HEAD.`,
        headers: { allow: 'GET, HEAD' },
      };
    } else if (route === undefined) {
      reply = { status: 404, body: `No content at ${path} on the content server.` };
    } else {
      reply = route;
    }
    answer(reply, request, response).catch(() => response.destroy());
  });
  const host = options.host ?? '127.0.0.1';
  const listening = await listenOnLoopback(
    server,
    host,
    'CONTENT_SERVER_LISTEN_FAILED',
    'content server',
  );
  const { origin, port } = listening;

  return {
    origin,
    port,
    url(path) {
      return new URL(path, origin).href;
    },
    get requests() {
      return [...requests];
    },
    setRoute(path, route) {
      validateRoute(path, route);
      routes.set(path, route);
    },
    reset() {
      requests.length = 0;
    },
    close: () => listening.close(),
  };
}
