import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { CancelledError, InputError } from '@orch/core';
import { type ContentServer, startContentServer } from '@orch/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchUrl } from './fetch-url.js';
import { rejectionOf } from './internal/test-expectations.js';
import type { HostLookup } from './url-guard.js';

const LOOPBACK = { allowHosts: ['127.0.0.1'] };
let server: ContentServer;

beforeAll(async () => {
  server = await startContentServer({
    routes: {
      '/to-metadata': { redirect: 'http://169.254.169.254/latest/meta-data/' },
      '/to-private': { redirect: 'http://10.0.0.1/admin' },
      '/to-mapped': { redirect: 'http://[::ffff:10.0.0.1]/admin' },
      '/hop-1': { redirect: '/hop-2', status: 301 },
      '/hop-2': { redirect: '/hop-3', status: 307 },
      '/hop-3': { redirect: '/notes.txt', status: 308 },
      '/loop': { redirect: '/loop' },
      '/big': { body: 'x'.repeat(64 * 1024), repeat: 64 },
      '/big-chunked': { body: 'x'.repeat(64 * 1024), repeat: 64, chunked: true },
      '/slow': { body: 'late', delayMs: 30_000 },
      '/stalled': { body: 'the first part', stall: true },
      '/image': { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' },
      '/missing-page': { status: 404, body: 'gone' },
      '/broken': { status: 503, body: 'down' },
      '/gzipped': {
        body: gzipSync('compressed text'),
        contentType: 'text/plain; charset=iso-8859-1',
        headers: { 'content-encoding': 'gzip' },
      },
      '/bomb': {
        body: gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x61)),
        contentType: 'text/plain',
        headers: { 'content-encoding': 'gzip' },
      },
      '/weird-encoding': { body: 'x', headers: { 'content-encoding': 'zstd-ish' } },
    },
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.reset();
  vi.restoreAllMocks();
});

describe('fetchUrl', () => {
  it('refuses the loopback test server unless its host is allowed', async () => {
    const error = await rejectionOf(fetchUrl(server.url('/notes.txt')));
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(error.message).toContain('--allow-host 127.0.0.1');
    expect(server.requests).toHaveLength(0);
  });

  it('downloads an allowed URL with its media type, charset, body and address', async () => {
    const fetched = await fetchUrl(server.url('/article.html'), LOOPBACK);
    expect(fetched.status).toBe(200);
    expect(fetched.mediaType).toBe('text/html');
    expect(fetched.charset).toBe('utf-8');
    expect(fetched.address).toBe('127.0.0.1');
    expect(Buffer.from(fetched.body).toString('utf8')).toContain('Reservoir levels recover');
    expect(server.requests[0]?.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it('follows redirects, checking each hop, up to the limit', async () => {
    const fetched = await fetchUrl(server.url('/hop-1'), LOOPBACK);
    expect(fetched.url.href).toBe(server.url('/notes.txt'));
    expect(fetched.redirects.map((url) => url.pathname)).toEqual(['/hop-1', '/hop-2', '/hop-3']);
    const limited = await rejectionOf(
      fetchUrl(server.url('/hop-1'), { ...LOOPBACK, maxRedirects: 2 }),
    );
    expect(limited.code).toBe('URL_TOO_MANY_REDIRECTS');
  });

  it('URL_TOO_MANY_REDIRECTS after 5 redirects by default', async () => {
    const error = await rejectionOf(fetchUrl(server.url('/loop'), LOOPBACK));
    expect(error.code).toBe('URL_TOO_MANY_REDIRECTS');
    expect(error.message).toContain('more than 5 times');
    expect(server.requests).toHaveLength(6);
  });

  it.each([
    ['/to-metadata', '169.254.169.254', '169.254.169.254/32'],
    ['/to-private', '10.0.0.1', '10.0.0.0/8'],
    ['/to-mapped', '10.0.0.1', '10.0.0.0/8'],
  ])('refuses a redirect from %s to %s before connecting to it', async (path, address, range) => {
    const requestSpy = vi.spyOn(http, 'request');
    const error = await rejectionOf(fetchUrl(server.url(path), LOOPBACK));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(error.details).toMatchObject({ address, range });
    // Only the allowed loopback server was ever connected to.
    expect(requestSpy).toHaveBeenCalledTimes(1);
    expect(requestSpy.mock.calls[0]?.[0]).toMatchObject({ hostname: '127.0.0.1' });
  });

  it('refuses a body over maxBytes from its Content-Length before reading it', async () => {
    const error = await rejectionOf(
      fetchUrl(server.url('/big'), { ...LOOPBACK, maxBytes: 100_000 }),
    );
    expect(error.code).toBe('URL_RESPONSE_TOO_LARGE');
    expect(error.details).toMatchObject({ maxBytes: 100_000, size: 4 * 1024 * 1024 });
  });

  it('counts a chunked body while it streams and stops at maxBytes', async () => {
    const error = await rejectionOf(
      fetchUrl(server.url('/big-chunked'), { ...LOOPBACK, maxBytes: 100_000 }),
    );
    expect(error.code).toBe('URL_RESPONSE_TOO_LARGE');
    expect(error.message).toContain('the download was stopped');
    const whole = await fetchUrl(server.url('/big-chunked'), LOOPBACK);
    expect(whole.body.length).toBe(4 * 1024 * 1024);
  });

  it('decompresses gzip bodies and limits the decompressed size', async () => {
    const fetched = await fetchUrl(server.url('/gzipped'), LOOPBACK);
    expect(Buffer.from(fetched.body).toString('utf8')).toBe('compressed text');
    expect(fetched.charset).toBe('iso-8859-1');
    const bomb = await rejectionOf(
      fetchUrl(server.url('/bomb'), { ...LOOPBACK, maxBytes: 1_000_000 }),
    );
    expect(bomb.code).toBe('URL_RESPONSE_TOO_LARGE');
    const unknown = await rejectionOf(fetchUrl(server.url('/weird-encoding'), LOOPBACK));
    expect(unknown.code).toBe('URL_CONTENT_ENCODING_NOT_SUPPORTED');
  });

  it('URL_TIMEOUT when the server is too slow', async () => {
    const error = await rejectionOf(fetchUrl(server.url('/slow'), { ...LOOPBACK, timeoutMs: 150 }));
    expect(error.code).toBe('URL_TIMEOUT');
    expect(error.message).toContain('longer than 150 ms');
  });

  it('URL_TIMEOUT when the body stalls after the headers', async () => {
    const error = await rejectionOf(
      fetchUrl(server.url('/stalled'), { ...LOOPBACK, timeoutMs: 150 }),
    );
    expect(error.code).toBe('URL_TIMEOUT');
  });

  it('throws CancelledError when the signal fires during the download', async () => {
    const controller = new AbortController();
    const pending = fetchUrl(server.url('/slow'), { ...LOOPBACK, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await rejectionOf(pending)).toBeInstanceOf(CancelledError);
  });

  it('refuses a content type outside contentTypes before reading the body', async () => {
    const error = await rejectionOf(
      fetchUrl(server.url('/image'), { ...LOOPBACK, contentTypes: ['text/*', 'application/pdf'] }),
    );
    expect(error.code).toBe('URL_CONTENT_TYPE_NOT_SUPPORTED');
    expect(error.details).toMatchObject({ mediaType: 'image/png' });
    const allowed = await fetchUrl(server.url('/talk.vtt'), {
      ...LOOPBACK,
      contentTypes: ['text/*'],
    });
    expect(allowed.mediaType).toBe('text/vtt');
  });

  it('URL_HTTP_ERROR with the status for error responses', async () => {
    const missing = await rejectionOf(fetchUrl(server.url('/missing-page'), LOOPBACK));
    expect(missing.code).toBe('URL_HTTP_ERROR');
    expect(missing.details).toMatchObject({ status: 404 });
    expect(missing.message).toContain('HTTP 404 Not Found');
    const broken = await rejectionOf(fetchUrl(server.url('/broken'), LOOPBACK));
    expect(broken.details).toMatchObject({ status: 503 });
    expect(broken.retryable).toBe(true);
  });

  it('ConfigError INVALID_FETCH_OPTION for a limit that is not a positive whole number', async () => {
    const zero = await rejectionOf(
      fetchUrl(server.url('/notes.txt'), { ...LOOPBACK, timeoutMs: 0 }),
    );
    expect(zero.code).toBe('INVALID_FETCH_OPTION');
    expect(zero.message).toContain('timeoutMs must be a positive whole number');
    const fraction = await rejectionOf(
      fetchUrl(server.url('/notes.txt'), { ...LOOPBACK, maxBytes: 1.5 }),
    );
    expect(fraction.code).toBe('INVALID_FETCH_OPTION');
    expect(server.requests).toHaveLength(0);
    const noRedirects = await rejectionOf(
      fetchUrl(server.url('/hop-1'), { ...LOOPBACK, maxRedirects: 0 }),
    );
    expect(noRedirects.code).toBe('URL_TOO_MANY_REDIRECTS');
  });

  it('URL_CONNECTION_FAILED when nothing listens', async () => {
    const closed = await startContentServer();
    const url = closed.url('/notes.txt');
    await closed.close();
    const error = await rejectionOf(fetchUrl(url, LOOPBACK));
    expect(error.code).toBe('URL_CONNECTION_FAILED');
    expect(error.message).toContain('refused the connection');
  });

  it('connects to the address it checked: a rebinding resolver is asked only once', async () => {
    let calls = 0;
    // Answers a public address first, a private one afterwards.
    const rebinding: HostLookup = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    };
    const requestSpy = vi.spyOn(http, 'request').mockImplementation(() => {
      throw new Error('test: no real connection');
    });
    const error = await rejectionOf(
      fetchUrl('http://rebind.example/secret', { lookup: rebinding }),
    );
    expect(error.code).toBe('URL_CONNECTION_FAILED');
    expect(calls).toBe(1);
    expect(requestSpy).toHaveBeenCalledTimes(1);
    expect(requestSpy.mock.calls[0]?.[0]).toMatchObject({
      hostname: '93.184.216.34',
      headers: expect.objectContaining({ host: 'rebind.example' }),
    });
  });

  it('an allowed host name is resolved once and the connection uses that answer', async () => {
    let calls = 0;
    // The first answer is the test server; a second lookup would answer an address where nothing listens.
    const lookup: HostLookup = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    };
    const url = `http://content.test:${server.port}/notes.md`;
    const fetched = await fetchUrl(url, { allowHosts: ['content.test'], lookup });
    expect(calls).toBe(1);
    expect(fetched.address).toBe('127.0.0.1');
    expect(server.requests[0]?.headers.host).toBe(`content.test:${server.port}`);
  });
});
