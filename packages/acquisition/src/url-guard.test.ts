import { CancelledError, InputError } from '@orch/core';
import { describe, expect, it, vi } from 'vitest';
import { rejectionOf } from './internal/test-expectations.js';
import { checkUrl, createUrlGuard, type HostLookup } from './url-guard.js';

/** A resolver for tests that must never be asked (the host is an IP literal). */
const noLookup: HostLookup = () => {
  throw new Error('the resolver must not be asked for an IP literal');
};

function lookupOf(table: Record<string, string[]>): HostLookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

describe('checkUrl: schemes and syntax', () => {
  it.each([
    'ftp://example.com/file.txt',
    'file:///etc/passwd',
    'gopher://example.com/',
    'data:text/plain,hello',
    'javascript:alert(1)',
  ])('refuses %s with URL_SCHEME_NOT_ALLOWED', async (url) => {
    const error = await rejectionOf(checkUrl(url, { lookup: noLookup }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('URL_SCHEME_NOT_ALLOWED');
    expect(error.message).toContain('http and https URLs only');
  });

  it.each(['not a url', 'example.com/article', 'http://', 'https://exa mple.com/'])(
    'refuses %s with URL_INVALID',
    async (url) => {
      const error = await rejectionOf(checkUrl(url, { lookup: noLookup }));
      expect(error.code).toBe('URL_INVALID');
      expect(error.message).toContain('Pass a full URL');
    },
  );
});

describe('checkUrl: IP literals in every notation', () => {
  it.each([
    ['http://127.0.0.1/', '127.0.0.1', '127.0.0.0/8'],
    ['http://2130706433/', '127.0.0.1', '127.0.0.0/8'],
    ['http://0x7f.1/', '127.0.0.1', '127.0.0.0/8'],
    ['http://0x7f000001/', '127.0.0.1', '127.0.0.0/8'],
    ['http://0177.0.0.1/', '127.0.0.1', '127.0.0.0/8'],
    ['http://017700000001/', '127.0.0.1', '127.0.0.0/8'],
    ['http://127.1/', '127.0.0.1', '127.0.0.0/8'],
    ['http://0/', '0.0.0.0', '0.0.0.0/8'],
    ['http://3232235777/', '192.168.1.1', '192.168.0.0/16'],
    ['http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/', '169.254.169.254', '169.254.169.254/32'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', '169.254.169.254/32'],
    ['http://10.0.0.1:8080/admin', '10.0.0.1', '10.0.0.0/8'],
    ['http://172.20.1.1/', '172.20.1.1', '172.16.0.0/12'],
    ['http://100.64.0.1/', '100.64.0.1', '100.64.0.0/10'],
    ['http://224.0.0.1/', '224.0.0.1', '224.0.0.0/4'],
    ['http://255.255.255.255/', '255.255.255.255', '255.255.255.255/32'],
    ['http://[::1]/', '::1', '::1/128'],
    ['http://[::]/', '::', '::/128'],
    ['http://[::ffff:127.0.0.1]/', '127.0.0.1', '127.0.0.0/8'],
    ['http://[::ffff:a9fe:a9fe]/', '169.254.169.254', '169.254.169.254/32'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254', 'fd00:ec2::254/128'],
    ['http://[fc00::1]/', 'fc00::1', 'fc00::/7'],
    ['http://[fe80::1]/', 'fe80::1', 'fe80::/10'],
    ['http://[ff02::1]/', 'ff02::1', 'ff00::/8'],
    ['http://[64:ff9b::a00:1]/', '64:ff9b::a00:1', '64:ff9b::/96'],
    ['http://[2001:db8::1]/', '2001:db8::1', '2001:db8::/32'],
  ])('refuses %s as %s in %s without resolving anything', async (url, address, range) => {
    const error = await rejectionOf(checkUrl(url, { lookup: noLookup }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(error.details).toMatchObject({ address, range });
    expect(error.message).toContain(range);
    expect(error.message).toContain('--allow-host');
  });

  it('lets a public IP literal through and connects to exactly that address', async () => {
    const checked = await checkUrl('https://93.184.216.34/page?x=1', { lookup: noLookup });
    expect(checked).toMatchObject({ address: '93.184.216.34', family: 4, allowed: false });
    expect(checked.url.href).toBe('https://93.184.216.34/page?x=1');
  });
});

describe('checkUrl: host names', () => {
  it('refuses a host name that resolves to a private address and says how to allow it', async () => {
    const error = await rejectionOf(
      checkUrl('http://wiki.internal/page', {
        lookup: lookupOf({ 'wiki.internal': ['10.1.2.3'] }),
      }),
    );
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(error.message).toBe(
      'Refusing to fetch http://wiki.internal/page: wiki.internal resolves to 10.1.2.3, in the private network (RFC 1918) range 10.0.0.0/8. orch does not fetch from loopback, private, link-local or other internal addresses, so that a URL cannot reach services on your machine or network (SSRF protection). If this is a self-hosted server you trust, allow its host with --allow-host wiki.internal (the allowHosts option).',
    );
  });

  it('refuses a host when any of its addresses is blocked, whatever the order', async () => {
    const lookup = lookupOf({
      'mixed.example': ['93.184.216.34', '169.254.169.254'],
      'mixed6.example': ['2606:4700:4700::1111', '::1'],
    });
    expect(
      (await rejectionOf(checkUrl('http://mixed.example/', { lookup }))).details,
    ).toMatchObject({ address: '169.254.169.254' });
    expect(
      (await rejectionOf(checkUrl('http://mixed6.example/', { lookup }))).details,
    ).toMatchObject({ address: '::1' });
  });

  it('refuses a resolver answer in IPv4-mapped IPv6 form', async () => {
    const error = await rejectionOf(
      checkUrl('http://sneaky.example/', {
        lookup: lookupOf({ 'sneaky.example': ['::ffff:192.168.0.10'] }),
      }),
    );
    expect(error.details).toMatchObject({ address: '192.168.0.10', range: '192.168.0.0/16' });
  });

  it('refuses a resolver answer that is not an IP address', async () => {
    const error = await rejectionOf(
      checkUrl('http://odd.example/', { lookup: lookupOf({ 'odd.example': ['localhost'] }) }),
    );
    expect(error.code).toBe('URL_BLOCKED_ADDRESS');
    expect(error.message).toContain('not an IP address');
  });

  it('resolves once and returns the first address to connect to', async () => {
    const lookup = vi.fn(lookupOf({ 'news.example': ['93.184.216.34', '2606:2800:220:1::1'] }));
    const checked = await checkUrl('https://News.Example./story', { lookup });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('news.example');
    expect(checked).toMatchObject({
      hostname: 'news.example',
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('URL_HOST_NOT_FOUND when the host does not resolve', async () => {
    const error = await rejectionOf(checkUrl('http://nowhere.example/', { lookup: lookupOf({}) }));
    expect(error.code).toBe('URL_HOST_NOT_FOUND');
    expect(error.message).toContain('nowhere.example');
    const empty = await rejectionOf(
      checkUrl('http://empty.example/', { lookup: lookupOf({ 'empty.example': [] }) }),
    );
    expect(empty.code).toBe('URL_HOST_NOT_FOUND');
  });

  it('throws CancelledError when the signal fires during the lookup', async () => {
    const controller = new AbortController();
    const pending = checkUrl('http://slow.example/', {
      lookup: () => new Promise(() => undefined),
      signal: controller.signal,
    });
    controller.abort();
    expect(await rejectionOf(pending)).toBeInstanceOf(CancelledError);
  });
});

describe('createUrlGuard: allowHosts', () => {
  it('lets allowed hosts through, matched on the URL host name', async () => {
    const guard = createUrlGuard({
      allowHosts: ['127.0.0.1', 'Wiki.Internal', '[::1]'],
      lookup: lookupOf({ 'wiki.internal': ['10.1.2.3'] }),
    });
    expect(await guard.check('http://127.0.0.1:8080/a')).toMatchObject({
      address: '127.0.0.1',
      allowed: true,
    });
    expect(await guard.check('http://WIKI.internal./b')).toMatchObject({
      address: '10.1.2.3',
      allowed: true,
    });
    expect(await guard.check('http://[0:0:0:0:0:0:0:1]/c')).toMatchObject({
      address: '::1',
      family: 6,
      allowed: true,
    });
  });

  it('allows only the listed host, not other forms of the same address', async () => {
    const guard = createUrlGuard({ allowHosts: ['127.0.0.1'], lookup: noLookup });
    expect((await rejectionOf(guard.check('http://[::1]/'))).code).toBe('URL_BLOCKED_ADDRESS');
    expect((await rejectionOf(guard.check('http://10.0.0.1/'))).code).toBe('URL_BLOCKED_ADDRESS');
    // The URL parser turns 2130706433 into 127.0.0.1, so the allowed host matches.
    expect((await guard.check('http://2130706433/')).allowed).toBe(true);
  });
});
