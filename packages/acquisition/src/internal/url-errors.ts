import { CancelledError, InputError, type OrchError } from '@orch/core';
import type { BlockedRange } from '../blocked-address.js';
import { megabytes } from './file-errors.js';

export function urlInvalid(url: string, cause?: unknown): InputError {
  return new InputError(
    'URL_INVALID',
    `"${url}" is not a valid web address. Pass a full URL such as https://example.com/article (with http:// or https://).`,
    { cause, details: { url } },
  );
}

export function urlSchemeNotAllowed(url: URL): InputError {
  return new InputError(
    'URL_SCHEME_NOT_ALLOWED',
    `${url.href} uses the ${url.protocol.replace(/:$/, '')} scheme; orch fetches http and https URLs only. Pass an http:// or https:// URL, or save the content to a file and analyse the file.`,
    { details: { url: url.href, scheme: url.protocol } },
  );
}

export function urlBlockedAddress(url: URL, hostname: string, range: BlockedRange): InputError {
  const resolved =
    range.address === hostname ? `${hostname} is` : `${hostname} resolves to ${range.address},`;
  return new InputError(
    'URL_BLOCKED_ADDRESS',
    `Refusing to fetch ${url.href}: ${resolved} in the ${range.name} range ${range.cidr}. orch does not fetch from loopback, private, link-local or other internal addresses, so that a URL cannot reach services on your machine or network (SSRF protection). If this is a self-hosted server you trust, allow its host with --allow-host ${hostname} (the allowHosts option).`,
    { details: { url: url.href, hostname, address: range.address, range: range.cidr } },
  );
}

export function urlHostNotFound(url: URL, hostname: string, cause?: unknown): InputError {
  return new InputError(
    'URL_HOST_NOT_FOUND',
    `The host ${hostname} of ${url.href} could not be resolved to an address. Check the URL for typos and your network connection.`,
    { cause, details: { url: url.href, hostname } },
  );
}

export function urlConnectionFailed(url: URL, reason: string, cause?: unknown): InputError {
  return new InputError(
    'URL_CONNECTION_FAILED',
    `Could not fetch ${url.href}: ${reason}. Check that the URL is right and the server is reachable, then try again.`,
    { cause, retryable: true, details: { url: url.href } },
  );
}

export function urlTooManyRedirects(url: URL, maxRedirects: number): InputError {
  return new InputError(
    'URL_TOO_MANY_REDIRECTS',
    `${url.href} redirected more than ${maxRedirects} times. Open it in a browser and pass the final address instead.`,
    { details: { url: url.href, maxRedirects } },
  );
}

export function urlResponseTooLarge(url: URL, maxBytes: number, size?: number): InputError {
  const what =
    size === undefined ? `is larger than` : `is ${megabytes(size)} (${size} bytes), over`;
  return new InputError(
    'URL_RESPONSE_TOO_LARGE',
    `The response of ${url.href} ${what} the ${megabytes(maxBytes)} limit (${maxBytes} bytes); the download was stopped. Raise the limit with the maxBytes option, or save a smaller part of the content to a file.`,
    { details: { url: url.href, maxBytes, ...(size === undefined ? {} : { size }) } },
  );
}

export function urlTimeout(url: URL, timeoutMs: number): InputError {
  return new InputError(
    'URL_TIMEOUT',
    `Fetching ${url.href} took longer than ${timeoutMs} ms and was stopped. Try again later, or raise the limit with the timeoutMs option.`,
    { retryable: true, details: { url: url.href, timeoutMs } },
  );
}

export function urlContentTypeNotSupported(
  url: URL,
  mediaType: string,
  supported: string,
  detail?: string,
): InputError {
  const said = mediaType.length === 0 ? 'no content type' : `the content type ${mediaType}`;
  const why = detail === undefined ? '' : ` (${detail})`;
  return new InputError(
    'URL_CONTENT_TYPE_NOT_SUPPORTED',
    `${url.href} answered with ${said}${why}, which orch cannot read from the web. Supported: ${supported}. Download the content and convert it to one of them, or pass a URL of a page or document.`,
    { details: { url: url.href, mediaType } },
  );
}

export function urlContentEncodingNotSupported(url: URL, encoding: string): InputError {
  return new InputError(
    'URL_CONTENT_ENCODING_NOT_SUPPORTED',
    `${url.href} answered with the content encoding "${encoding}", which orch cannot decode (it reads gzip, deflate and br). Download the content with another tool and analyse the file.`,
    { details: { url: url.href, encoding } },
  );
}

export function urlHttpError(url: URL, status: number, statusText: string | undefined): InputError {
  const text = statusText === undefined || statusText.length === 0 ? '' : ` ${statusText}`;
  const hint =
    status === 401 || status === 403
      ? 'The page needs a login or refuses automated access; save it from a browser and analyse the file'
      : status === 404 || status === 410
        ? 'Check the address'
        : status >= 500
          ? 'The server failed; try again later'
          : 'Check the address, or save the content from a browser and analyse the file';
  return new InputError(
    'URL_HTTP_ERROR',
    `${url.href} answered with HTTP ${status}${text}. ${hint}.`,
    { retryable: status === 429 || status >= 500, details: { url: url.href, status } },
  );
}

export function urlEmptyContent(url: URL, detail: string): InputError {
  return new InputError(
    'URL_EMPTY_CONTENT',
    `${url.href} ${detail}; there is nothing to analyse. Check the address, or save the content from a browser and analyse the file.`,
    { details: { url: url.href } },
  );
}

export function urlNoCues(url: URL, format: 'SRT' | 'WebVTT'): InputError {
  return new InputError(
    'INVALID_TRANSCRIPT',
    `${url.href} was served as ${format} subtitles but holds no subtitle cues (no timing line followed by text). Check the address, or pass the page the subtitles belong to.`,
    { details: { url: url.href } },
  );
}

export function mediaNotConfigured(url: URL, reason: string): InputError {
  return new InputError(
    'MEDIA_NOT_CONFIGURED',
    `${url.href} is ${reason}, and audio/video loading is not configured here. Pass a media loader (the media option of loadSource/loadUrl), or give a transcript (.srt, .vtt) or the text instead.`,
    { details: { url: url.href } },
  );
}

export function cancelled(what: string, cause?: unknown): OrchError {
  return new CancelledError(`${what} was cancelled.`, { cause });
}
