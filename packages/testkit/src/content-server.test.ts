import { request } from 'node:http';
import { ConfigError } from '@orch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ContentServer, startContentServer } from './content-server.js';

const servers: ContentServer[] = [];

async function start(options?: Parameters<typeof startContentServer>[0]): Promise<ContentServer> {
  const server = await startContentServer(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain GET that does not follow redirects. */
function get(url: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('startContentServer', () => {
  it('listens on loopback and serves the built-in fixtures with their content types', async () => {
    const server = await start();
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url('/article.html')).toBe(`${server.origin}/article.html`);

    const article = await get(server.url('/article.html'));
    expect(article.status).toBe(200);
    expect(article.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = article.body.toString('utf8');
    expect(html).toContain('<meta name="author" content="Dana Reyes">');
    expect(html).toContain('<nav class="site-nav">');

    const pdf = await get(server.url('/report.pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.body.toString('latin1')).toContain(
      '(Household consumption fell by 4 percent over the winter.) Tj',
    );

    const srt = await get(server.url('/talk.srt'));
    expect(srt.headers['content-type']).toBe('application/x-subrip');
    expect(srt.body.toString('utf8')).toContain('00:01:02,000 --> 00:01:06,000');
    const vtt = await get(server.url('/talk.vtt'));
    expect(vtt.body.toString('utf8').startsWith('WEBVTT')).toBe(true);
  });

  it('records every request with method, path, target and headers', async () => {
    const server = await start();
    await get(server.url('/notes.md?ref=test'));
    await get(server.url('/missing'), 'HEAD');
    expect(server.requests.map(({ method, path, target }) => ({ method, path, target }))).toEqual([
      { method: 'GET', path: '/notes.md', target: '/notes.md?ref=test' },
      { method: 'HEAD', path: '/missing', target: '/missing' },
    ]);
    expect(server.requests[0]?.headers.host).toBe(`127.0.0.1:${server.port}`);
    server.reset();
    expect(server.requests).toEqual([]);
  });

  it('serves custom routes with status, headers and default content types', async () => {
    const server = await start({
      routes: {
        '/talk.wav': { body: new Uint8Array([0x52, 0x49, 0x46, 0x46]), contentType: 'audio/wav' },
        '/teapot': { body: 'short and stout', status: 418, headers: { 'x-kind': 'teapot' } },
        '/bytes': { body: new Uint8Array([0, 1, 2]) },
      },
    });
    const wav = await get(server.url('/talk.wav'));
    expect(wav.headers['content-type']).toBe('audio/wav');
    expect([...wav.body]).toEqual([0x52, 0x49, 0x46, 0x46]);
    const teapot = await get(server.url('/teapot'));
    expect(teapot.status).toBe(418);
    expect(teapot.headers['x-kind']).toBe('teapot');
    expect(teapot.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(teapot.body.toString('utf8')).toBe('short and stout');
    const bytes = await get(server.url('/bytes'));
    expect(bytes.headers['content-type']).toBe('application/octet-stream');
  });

  it('answers redirects, unknown paths and other methods', async () => {
    const server = await start({
      routes: {
        '/moved': { redirect: '/article.html' },
        '/gone-for-good': { redirect: 'http://127.0.0.1:9/elsewhere', status: 301 },
      },
    });
    const moved = await get(server.url('/moved'));
    expect(moved.status).toBe(302);
    expect(moved.headers.location).toBe('/article.html');
    const permanent = await get(server.url('/gone-for-good'));
    expect(permanent.status).toBe(301);
    expect(permanent.headers.location).toBe('http://127.0.0.1:9/elsewhere');
    expect((await get(server.url('/nothing-here'))).status).toBe(404);
    const post = await get(server.url('/article.html'), 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('streams a repeated body, with or without Content-Length', async () => {
    const chunk = 'x'.repeat(1024);
    const server = await start({
      routes: {
        '/big': { body: chunk, repeat: 512 },
        '/big-chunked': { body: chunk, repeat: 512, chunked: true },
      },
    });
    const big = await get(server.url('/big'));
    expect(big.headers['content-length']).toBe(String(512 * 1024));
    expect(big.body.length).toBe(512 * 1024);
    const chunked = await get(server.url('/big-chunked'));
    expect(chunked.headers['content-length']).toBeUndefined();
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    expect(chunked.body.length).toBe(512 * 1024);
  });

  it('lets routes be replaced after start, fixtures switched off and ends delayed responses on close', async () => {
    const server = await start({
      fixtures: false,
      routes: { '/slow': { body: 'late', delayMs: 60_000 } },
    });
    expect((await get(server.url('/article.html'))).status).toBe(404);
    server.setRoute('/article.html', { body: '<p>replaced</p>', contentType: 'text/html' });
    expect((await get(server.url('/article.html'))).body.toString('utf8')).toBe('<p>replaced</p>');
    const slow = get(server.url('/slow'));
    await new Promise<void>((resolve) => {
      const poll = (): void => {
        if (server.requests.some((recorded) => recorded.path === '/slow')) resolve();
        else setTimeout(poll, 5);
      };
      poll();
    });
    await server.close();
    await expect(slow).rejects.toThrow();
  });

  it('stalls a response after its body when asked, until the server closes', async () => {
    const server = await start({ routes: { '/stalled': { body: 'partial', stall: true } } });
    const received = await new Promise<string>((resolve, reject) => {
      const outgoing = request(server.url('/stalled'), (response) => {
        response.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')));
        response.once('end', () => reject(new Error('the stalled response ended')));
      });
      outgoing.on('error', () => undefined);
      outgoing.end();
    });
    expect(received).toBe('partial');
  });

  it('refuses invalid routes with CONTENT_SERVER_INVALID_ROUTE', async () => {
    await expect(startContentServer({ routes: { '/x': { status: 42 } } })).rejects.toMatchObject({
      code: 'CONTENT_SERVER_INVALID_ROUTE',
    });
    const server = await start();
    let thrown: unknown;
    try {
      server.setRoute('no-slash', { body: 'x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).code).toBe('CONTENT_SERVER_INVALID_ROUTE');
    expect((thrown as ConfigError).message).toContain('must start with "/"');
  });
});
