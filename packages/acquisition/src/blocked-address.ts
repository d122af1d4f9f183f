import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an IP address may not be fetched from: the reserved range it falls in. */
export interface BlockedRange {
  /** The range in CIDR notation, e.g. `10.0.0.0/8`. */
  cidr: string;
  /** What the range is, e.g. `private network (RFC 1918)`. */
  name: string;
  /**
   * The address that matched, in canonical form: the IPv4 address for an IPv4-mapped
   * (`::ffff:10.0.0.1`) or 6to4 IPv6 address, else the address itself.
   */
  address: string;
}

interface RangeRule {
  cidr: string;
  name: string;
}

/** Most specific first: the first match names the range. */
const IPV4_RULES: readonly RangeRule[] = [
  { cidr: '169.254.169.254/32', name: 'cloud metadata service (link-local)' },
  { cidr: '255.255.255.255/32', name: 'broadcast' },
  { cidr: '0.0.0.0/8', name: '"this network" / unspecified' },
  { cidr: '10.0.0.0/8', name: 'private network (RFC 1918)' },
  { cidr: '100.64.0.0/10', name: 'carrier-grade NAT (RFC 6598)' },
  { cidr: '127.0.0.0/8', name: 'loopback' },
  { cidr: '169.254.0.0/16', name: 'link-local' },
  { cidr: '172.16.0.0/12', name: 'private network (RFC 1918)' },
  { cidr: '192.0.0.0/24', name: 'IETF protocol assignments' },
  { cidr: '192.0.2.0/24', name: 'documentation (TEST-NET-1)' },
  { cidr: '192.88.99.0/24', name: '6to4 relay anycast' },
  { cidr: '192.168.0.0/16', name: 'private network (RFC 1918)' },
  { cidr: '198.18.0.0/15', name: 'benchmarking' },
  { cidr: '198.51.100.0/24', name: 'documentation (TEST-NET-2)' },
  { cidr: '203.0.113.0/24', name: 'documentation (TEST-NET-3)' },
  { cidr: '224.0.0.0/4', name: 'multicast' },
  { cidr: '240.0.0.0/4', name: 'reserved' },
];

const IPV6_RULES: readonly RangeRule[] = [
  { cidr: '::/128', name: 'unspecified' },
  { cidr: '::1/128', name: 'loopback' },
  { cidr: 'fd00:ec2::254/128', name: 'cloud metadata service (AWS, IPv6)' },
  { cidr: '::/96', name: 'IPv4-compatible (deprecated)' },
  { cidr: '64:ff9b::/96', name: 'NAT64 (IPv4-embedded)' },
  { cidr: '64:ff9b:1::/48', name: 'local-use NAT64' },
  { cidr: '100::/64', name: 'discard-only' },
  { cidr: '2001::/32', name: 'Teredo tunnelling' },
  { cidr: '2001:2::/48', name: 'benchmarking' },
  { cidr: '2001:10::/28', name: 'ORCHID' },
  { cidr: '2001:20::/28', name: 'ORCHIDv2' },
  { cidr: '2001:db8::/32', name: 'documentation' },
  { cidr: '3fff::/20', name: 'documentation' },
  { cidr: '5f00::/16', name: 'segment routing (SRv6) SIDs' },
  { cidr: 'fc00::/7', name: 'unique local (private)' },
  { cidr: 'fe80::/10', name: 'link-local' },
  { cidr: 'fec0::/10', name: 'site-local (deprecated)' },
  { cidr: 'ff00::/8', name: 'multicast' },
];

type ParsedRule<T> = { range: [T, number]; rule: RangeRule };

function parseRules<T extends ipaddr.IPv4 | ipaddr.IPv6>(
  rules: readonly RangeRule[],
): ParsedRule<T>[] {
  return rules.map((rule) => ({ range: ipaddr.parseCIDR(rule.cidr) as [T, number], rule }));
}

const PARSED_IPV4 = parseRules<ipaddr.IPv4>(IPV4_RULES);
const PARSED_IPV6 = parseRules<ipaddr.IPv6>(IPV6_RULES);
const MAPPED_RANGE = ipaddr.parseCIDR('::ffff:0:0/96') as [ipaddr.IPv6, number];
const SIX_TO_FOUR_RANGE = ipaddr.parseCIDR('2002::/16') as [ipaddr.IPv6, number];

function checkIpv4(address: ipaddr.IPv4, via?: string): BlockedRange | undefined {
  for (const { range, rule } of PARSED_IPV4) {
    if (address.match(range)) {
      const name = via === undefined ? rule.name : `${rule.name}, ${via}`;
      return { cidr: rule.cidr, name, address: address.toString() };
    }
  }
  return undefined;
}

/** The IPv4 address a 6to4 address (2002:AABB:CCDD::/48) carries. */
function sixToFourIpv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const [, high = 0, low = 0] = address.parts;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * The reserved range an IP address (a literal IPv4 or IPv6 address, without brackets) falls in,
 * or undefined when the address is a public unicast address that may be fetched from.
 *
 * Blocked: loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT,
 * multicast, broadcast, unspecified, documentation, benchmarking, reserved and protocol ranges,
 * cloud metadata addresses (169.254.169.254, fd00:ec2::254), NAT64, Teredo and deprecated
 * IPv4-compatible addresses. IPv4-mapped (`::ffff:a.b.c.d`) and 6to4 (`2002::/16`) addresses are
 * judged by the IPv4 address they carry. Text that is not an IP address is blocked too (as
 * "not an IP address"), so a caller can never mistake garbage for a public address.
 */
export function findBlockedRange(address: string): BlockedRange | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return { cidr: 'none', name: 'not an IP address', address: bare };
  if (family === 4) return checkIpv4(ipaddr.IPv4.parse(bare));
  const parsed = ipaddr.IPv6.parse(bare);
  if (parsed.match(MAPPED_RANGE)) {
    return checkIpv4(parsed.toIPv4Address(), `as IPv4-mapped IPv6 ${parsed.toString()}`);
  }
  if (parsed.match(SIX_TO_FOUR_RANGE)) {
    return checkIpv4(sixToFourIpv4(parsed), `inside the 6to4 address ${parsed.toString()}`);
  }
  for (const { range, rule } of PARSED_IPV6) {
    if (parsed.match(range))
      return { cidr: rule.cidr, name: rule.name, address: parsed.toString() };
  }
  return undefined;
}
