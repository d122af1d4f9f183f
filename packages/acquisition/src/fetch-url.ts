import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ConfigError, OrchError } from '@orch/core';
import { mediaTypeMatches, parseContentType } from './internal/content-type.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import {
  cancelled,
  urlConnectionFailed,
  urlContentEncodingNotSupported,
  urlContentTypeNotSupported,
  urlHttpError,
  urlResponseTooLarge,
  urlTimeout,
  urlTooManyRedirects,
} from './internal/url-errors.js';
import { DEFAULT_MAX_BYTES } from './load-options.js';
import { type CheckedUrl, createUrlGuard, type UrlGuardOptions } from './url-guard.js';

/** The time limit of a whole download, redirects included: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** How many redirects a download may take: 5. */
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'orch-acquisition (+https://www.npmjs.com/package/@orch/acquisition)';

/** Options of `fetchUrl`. */
export interface FetchUrlOptions extends UrlGuardOptions {
  /** The largest body accepted, counted while it streams (after decompression); default 50 MB. */
  maxBytes?: number;
  /** The time limit of the whole download, redirects included; default 30 000 ms. */
  timeoutMs?: number;
  /** How many redirects may be followed; default 5. */
  maxRedirects?: number;
  /**
   * The media types accepted (`'text/html'`, or `'text/*'` for a whole type); a response of any
   * other type is refused with `URL_CONTENT_TYPE_NOT_SUPPORTED` before its body is read. A
   * response without a content type counts as `application/octet-stream`. Default: any type.
   */
  contentTypes?: readonly string[];
  /** The `Accept` request header; default `*\/*`. */
  accept?: string;
  /** Stops the download; a fired signal makes it throw `CancelledError`. */
  signal?: AbortSignal;
}

/** A downloaded response. */
export interface FetchedUrl {
  /** The final URL, after redirects. */
  url: URL;
  /** The URLs that redirected, in order (empty without redirects). */
  redirects: URL[];
  status: number;
  /** The media type in lower case without parameters (`application/octet-stream` when absent). */
  mediaType: string;
  /** The `charset` parameter of the content type, lower case, when given. */
  charset?: string;
  headers: IncomingHttpHeaders;
  /** The body, decompressed. */
  body: Uint8Array;
  /** The IP address the final response came from (the one the guard checked). */
  address: string;
}

function limitOption(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isSafeInteger(result) || result < 0 || (result === 0 && name !== 'maxRedirects')) {
    throw new ConfigError(
      'INVALID_FETCH_OPTION',
      `${name} must be a positive whole number, got ${String(value)}; omit it to use the default of ${fallback}.`,
      { details: { option: name } },
    );
  }
  return result;
}

interface Download {
  signal: AbortSignal;
  /** Turns an error seen while the download ran into the OrchError to throw. */
  fail(error: unknown, url: URL): OrchError;
}

function connectionReason(error: unknown): string {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  switch (code) {
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
      return 'the server closed the connection';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the server cannot be reached';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its TLS certificate is not valid (${String(code)})`;
    default:
      return typeof code === 'string'
        ? `${code} ${String(message ?? '')}`.trim()
        : String(message ?? error);
  }
}

/** Sends one GET to the checked address (never resolving the host again). */
function send(checked: CheckedUrl, accept: string, download: Download): Promise<IncomingMessage> {
  const { url } = checked;
  const secure = url.protocol === 'https:';
  const requestOptions: https.RequestOptions = {
    protocol: url.protocol,
    hostname: checked.address,
    family: checked.family,
    port: url.port.length > 0 ? Number(url.port) : secure ? 443 : 80,
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    agent: false,
    signal: download.signal,
    headers: {
      host: url.host,
      'user-agent': USER_AGENT,
      accept,
      'accept-encoding': 'gzip, deflate, br',
    },
  };
  // TLS checks the certificate against the host name (SNI), not the address connected to.
  if (secure && isIP(checked.hostname) === 0) requestOptions.servername = checked.hostname;
  return new Promise((resolve, reject) => {
    try {
      const outgoing = (secure ? https : http).request(requestOptions, resolve);
      outgoing.on('error', (error) => reject(download.fail(error, url)));
      outgoing.end();
    } catch (error) {
      reject(download.fail(error, url));
    }
  });
}

function decoded(response: IncomingMessage, url: URL): Readable {
  const encoding = String(response.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  let decoder: Readable & NodeJS.WritableStream;
  switch (encoding) {
    case '':
    case 'identity':
      return response;
    case 'gzip':
    case 'x-gzip':
      decoder = createGunzip();
      break;
    case 'deflate':
      decoder = createInflate();
      break;
    case 'br':
      decoder = createBrotliDecompress();
      break;
    default:
      response.destroy();
      throw urlContentEncodingNotSupported(url, encoding);
  }
  return pipeline(response, decoder, () => undefined) as unknown as Readable;
}

async function readBody(
  response: IncomingMessage,
  url: URL,
  maxBytes: number,
  download: Download,
): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  const encoded = response.headers['content-encoding'] !== undefined;
  if (!encoded && Number.isSafeInteger(declared) && declared > maxBytes) {
    response.destroy();
    throw urlResponseTooLarge(url, maxBytes, declared);
  }
  const stream = decoded(response, url);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) {
        response.destroy();
        stream.destroy();
        throw urlResponseTooLarge(url, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof OrchError) throw error;
    throw download.fail(error, url);
  }
  if (download.signal.aborted) throw download.fail(download.signal.reason, url);
  return new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * Downloads a web URL safely: every hop (the URL and each redirect, at most `maxRedirects`) goes
 * through the URL guard (`createUrlGuard`: http/https only, every resolved address checked
 * against blocked ranges unless the host is in `allowHosts`), and the connection is made to the
 * address the guard checked, with the original host in the `Host` header and TLS server name.
 * The whole download has a time limit, the body a size limit counted while it streams (the
 * connection is cut as soon as it is passed), and the content type can be restricted before
 * the body is read. gzip, deflate and br bodies are decompressed (the limit counts the
 * decompressed bytes).
 *
 * Throws InputError `URL_INVALID`, `URL_SCHEME_NOT_ALLOWED`, `URL_HOST_NOT_FOUND`,
 * `URL_BLOCKED_ADDRESS`, `URL_CONNECTION_FAILED`, `URL_TOO_MANY_REDIRECTS`, `URL_HTTP_ERROR`,
 * `URL_CONTENT_TYPE_NOT_SUPPORTED`, `URL_CONTENT_ENCODING_NOT_SUPPORTED`,
 * `URL_RESPONSE_TOO_LARGE` or `URL_TIMEOUT`; CancelledError when `signal` fires; ConfigError
 * `INVALID_FETCH_OPTION` for a bad limit.
 */
export async function fetchUrl(
  url: string | URL,
  options: FetchUrlOptions = {},
): Promise<FetchedUrl> {
  const maxBytes = limitOption('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES);
  const timeoutMs = limitOption('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxRedirects = limitOption('maxRedirects', options.maxRedirects, DEFAULT_MAX_REDIRECTS);
  const guard = createUrlGuard(options);
  const what = `Fetching ${String(url)}`;
  throwIfAborted(options.signal, what);

  const controller = new AbortController();
  const timedOut = Symbol('timed out');
  const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
  const onAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const download: Download = {
    signal: controller.signal,
    fail(error, failedUrl) {
      if (error instanceof OrchError) return error;
      if (controller.signal.aborted) {
        return controller.signal.reason === timedOut
          ? urlTimeout(failedUrl, timeoutMs)
          : cancelled(`Fetching ${failedUrl.href}`, options.signal?.reason);
      }
      return urlConnectionFailed(failedUrl, connectionReason(error), error);
    },
  };

  try {
    let current: string | URL = url;
    const redirects: URL[] = [];
    for (;;) {
      let checked: CheckedUrl;
      try {
        checked = await guard.check(current, { signal: controller.signal });
      } catch (error) {
        // The guard reports an abort as cancelled; a fired timer is a timeout.
        if (controller.signal.reason === timedOut) {
          throw urlTimeout(new URL(String(current)), timeoutMs);
        }
        throw error;
      }
      const response = await send(checked, options.accept ?? '*/*', download);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        response.destroy();
        if (redirects.length >= maxRedirects) throw urlTooManyRedirects(checked.url, maxRedirects);
        redirects.push(checked.url);
        try {
          current = new URL(location, checked.url);
        } catch (error) {
          throw urlConnectionFailed(
            checked.url,
            `it redirected to an invalid location "${location}"`,
            error,
          );
        }
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw urlHttpError(checked.url, status, response.statusMessage);
      }
      const contentType = parseContentType(response.headers['content-type']);
      if (
        options.contentTypes !== undefined &&
        !mediaTypeMatches(contentType.mediaType, options.contentTypes)
      ) {
        response.destroy();
        throw urlContentTypeNotSupported(
          checked.url,
          contentType.mediaType,
          options.contentTypes.join(', '),
        );
      }
      const body = await readBody(response, checked.url, maxBytes, download);
      return {
        url: checked.url,
        redirects,
        status,
        ...contentType,
        headers: response.headers,
        body,
        address: checked.address,
      };
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
