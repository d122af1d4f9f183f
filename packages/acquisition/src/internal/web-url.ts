import { isIP } from 'node:net';
import { urlInvalid, urlSchemeNotAllowed } from './url-errors.js';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/** A host name as allowHosts entries are compared: lower case, no brackets or trailing dot. */
export function normalizeHost(host: string): string {
  let value = host.trim().toLowerCase();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  if (value.endsWith('.')) value = value.slice(0, -1);
  // IPv6 literals are compared in their canonical form, as the URL parser writes them.
  if (isIP(value) === 6) {
    try {
      value = new URL(`http://[${value}]/`).hostname.slice(1, -1);
    } catch {
      // Not canonicalisable: compared as written.
    }
  }
  return value;
}

/** Parses a URL and allows http and https only. */
export function parseWebUrl(url: string | URL): URL {
  let parsed: URL;
  if (url instanceof URL) {
    parsed = new URL(url.href);
  } else {
    try {
      parsed = new URL(url.trim());
    } catch (error) {
      throw urlInvalid(url, error);
    }
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) throw urlSchemeNotAllowed(parsed);
  if (parsed.hostname.length === 0) throw urlInvalid(parsed.href);
  return parsed;
}
