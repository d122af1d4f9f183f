import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { findBlockedRange } from './blocked-address.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { cancelled, urlBlockedAddress, urlHostNotFound } from './internal/url-errors.js';
import { normalizeHost, parseWebUrl } from './internal/web-url.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (all of them, in the order to try). */
export type HostLookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Options of `createUrlGuard` and `checkUrl`. */
export interface UrlGuardOptions {
  /**
   * Hosts that pass even when they resolve to a blocked address: each entry is compared with the
   * URL's host name, case-insensitively, without port, IPv6 brackets or trailing dot
   * (`'127.0.0.1'`, `'::1'`, `'wiki.internal'`). Default: none.
   */
  allowHosts?: readonly string[];
  /** The resolver; default: the system resolver (`dns.lookup` with all addresses). */
  lookup?: HostLookup;
}

/** A URL that passed the guard, with the one address to connect to. */
export interface CheckedUrl {
  url: URL;
  /** The host name without IPv6 brackets, lower case. */
  hostname: string;
  /** The checked address: connect to this one and no other (no second DNS lookup). */
  address: string;
  family: 4 | 6;
  /** True when the host is in `allowHosts` (its addresses were not checked). */
  allowed: boolean;
}

/** Checks URLs before they are fetched. */
export interface UrlGuard {
  /**
   * Parses `url`, allows http and https only, resolves the host once and checks every address.
   * Throws InputError `URL_INVALID`, `URL_SCHEME_NOT_ALLOWED`, `URL_HOST_NOT_FOUND` or
   * `URL_BLOCKED_ADDRESS`, and CancelledError when `signal` fires.
   */
  check(url: string | URL, options?: { signal?: AbortSignal }): Promise<CheckedUrl>;
}

async function systemLookup(hostname: string): Promise<readonly ResolvedAddress[]> {
  const results = await dnsLookup(hostname, { all: true, verbatim: true });
  return results.map((result) => ({
    address: result.address,
    family: result.family === 6 ? 6 : 4,
  }));
}

function abortable<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  what: string,
): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled(what, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Creates the SSRF guard for web URLs: http and https only; the host is resolved once and every
 * address it resolves to must be public (see `findBlockedRange`: loopback, private, link-local,
 * CGNAT, multicast, unspecified, reserved and cloud metadata ranges are refused, IPv4 and IPv6,
 * IPv4-mapped included), unless the host is in `allowHosts`. The result names the checked
 * address, so the caller connects to exactly that address (no DNS rebinding gap). Numeric host
 * forms (`http://2130706433/`, `http://0x7f.1/`, `http://0177.0.0.1/`) are normalised by the URL
 * parser and checked as the address they stand for.
 */
export function createUrlGuard(options: UrlGuardOptions = {}): UrlGuard {
  const allowed = new Set((options.allowHosts ?? []).map(normalizeHost));
  const lookup = options.lookup ?? systemLookup;
  return {
    async check(url, checkOptions = {}) {
      const { signal } = checkOptions;
      const parsed = parseWebUrl(url);
      const what = `Checking ${parsed.href}`;
      throwIfAborted(signal, what);
      const hostname = normalizeHost(parsed.hostname);
      const literal = isIP(hostname);

      let addresses: readonly ResolvedAddress[];
      if (literal !== 0) {
        addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
      } else {
        try {
          addresses = await abortable(lookup(hostname), signal, what);
        } catch (error) {
          if (signal?.aborted) throw cancelled(what, signal.reason);
          throw urlHostNotFound(parsed, hostname, error);
        }
      }
      // Only addresses that are really IP addresses count; the resolver's family is not trusted.
      const usable: ResolvedAddress[] = [];
      for (const entry of addresses) {
        const family = isIP(entry.address);
        if (family === 0) {
          throw urlBlockedAddress(
            parsed,
            hostname,
            findBlockedRange(entry.address) ?? {
              cidr: 'none',
              name: 'not an IP address',
              address: entry.address,
            },
          );
        }
        usable.push({ address: entry.address, family: family === 6 ? 6 : 4 });
      }
      const first = usable[0];
      if (first === undefined) throw urlHostNotFound(parsed, hostname);

      const isAllowed = allowed.has(hostname);
      if (!isAllowed) {
        for (const entry of usable) {
          const range = findBlockedRange(entry.address);
          if (range !== undefined) throw urlBlockedAddress(parsed, hostname, range);
        }
      }
      return {
        url: parsed,
        hostname,
        address: first.address,
        family: first.family,
        allowed: isAllowed,
      };
    },
  };
}

/** `createUrlGuard(options).check(url, options)` in one call. */
export function checkUrl(
  url: string | URL,
  options: UrlGuardOptions & { signal?: AbortSignal } = {},
): Promise<CheckedUrl> {
  return createUrlGuard(options).check(
    url,
    options.signal === undefined ? {} : { signal: options.signal },
  );
}
