import { describe, expect, it } from 'vitest';
import { findBlockedRange } from './blocked-address.js';

describe('findBlockedRange', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0/8'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['10.0.0.1', '10.0.0.0/8'],
    ['10.255.255.255', '10.0.0.0/8'],
    ['100.64.0.1', '100.64.0.0/10'],
    ['100.127.255.254', '100.64.0.0/10'],
    ['127.0.0.1', '127.0.0.0/8'],
    ['127.255.0.9', '127.0.0.0/8'],
    ['169.254.169.254', '169.254.169.254/32'],
    ['169.254.10.20', '169.254.0.0/16'],
    ['172.16.0.1', '172.16.0.0/12'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['192.0.0.192', '192.0.0.0/24'],
    ['192.0.2.10', '192.0.2.0/24'],
    ['192.88.99.1', '192.88.99.0/24'],
    ['192.168.1.1', '192.168.0.0/16'],
    ['198.18.0.1', '198.18.0.0/15'],
    ['198.19.255.255', '198.18.0.0/15'],
    ['198.51.100.7', '198.51.100.0/24'],
    ['203.0.113.9', '203.0.113.0/24'],
    ['224.0.0.1', '224.0.0.0/4'],
    ['239.255.255.250', '224.0.0.0/4'],
    ['240.0.0.1', '240.0.0.0/4'],
    ['255.255.255.255', '255.255.255.255/32'],
  ])('blocks the IPv4 address %s (range %s)', (address, cidr) => {
    expect(findBlockedRange(address)?.cidr).toBe(cidr);
  });

  it.each([
    ['::', '::/128'],
    ['::1', '::1/128'],
    ['0:0:0:0:0:0:0:1', '::1/128'],
    ['fd00:ec2::254', 'fd00:ec2::254/128'],
    ['::7f00:1', '::/96'],
    ['64:ff9b::a00:1', '64:ff9b::/96'],
    ['64:ff9b:1::1', '64:ff9b:1::/48'],
    ['100::1', '100::/64'],
    ['2001::1', '2001::/32'],
    ['2001:db8::1', '2001:db8::/32'],
    ['fc00::1', 'fc00::/7'],
    ['fdff:ffff::1', 'fc00::/7'],
    ['fe80::1', 'fe80::/10'],
    ['febf::1', 'fe80::/10'],
    ['fec0::1', 'fec0::/10'],
    ['ff02::1', 'ff00::/8'],
    ['[::1]', '::1/128'],
  ])('blocks the IPv6 address %s (range %s)', (address, cidr) => {
    expect(findBlockedRange(address)?.cidr).toBe(cidr);
  });

  it.each([
    ['::ffff:127.0.0.1', '127.0.0.0/8', '127.0.0.1'],
    ['::ffff:7f00:1', '127.0.0.0/8', '127.0.0.1'],
    ['::ffff:10.0.0.1', '10.0.0.0/8', '10.0.0.1'],
    ['::ffff:169.254.169.254', '169.254.169.254/32', '169.254.169.254'],
    ['::ffff:c0a8:101', '192.168.0.0/16', '192.168.1.1'],
    ['2002:7f00:1::1', '127.0.0.0/8', '127.0.0.1'],
    ['2002:a9fe:a9fe::', '169.254.169.254/32', '169.254.169.254'],
  ])('judges %s by the IPv4 address it carries', (address, cidr, embedded) => {
    const range = findBlockedRange(address);
    expect(range?.cidr).toBe(cidr);
    expect(range?.address).toBe(embedded);
  });

  it('names the range so a message can explain the refusal', () => {
    expect(findBlockedRange('169.254.169.254')?.name).toBe('cloud metadata service (link-local)');
    expect(findBlockedRange('::ffff:10.1.2.3')?.name).toBe(
      'private network (RFC 1918), as IPv4-mapped IPv6 ::ffff:a01:203',
    );
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '198.20.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '2002:808:808::1',
  ])('lets the public address %s through', (address) => {
    expect(findBlockedRange(address)).toBeUndefined();
  });

  it('treats text that is not an IP address as blocked', () => {
    expect(findBlockedRange('localhost')).toEqual({
      cidr: 'none',
      name: 'not an IP address',
      address: 'localhost',
    });
    expect(findBlockedRange('2130706433')?.name).toBe('not an IP address');
  });
});
