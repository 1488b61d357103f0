import { describe, expect, it } from 'vitest';
import { formatIpAddress, ipBucket, normalizeIpAddress, parseIpAddress } from './ip-address.ts';

function bucketOf(text: string): string {
  const ip = parseIpAddress(text);
  if (!ip) throw new Error(`not an address: ${text}`);
  return ipBucket(ip);
}

describe('parseIpAddress and normalizeIpAddress', () => {
  it('reads dotted IPv4', () => {
    expect(normalizeIpAddress('192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeIpAddress(' 0.0.0.0 ')).toBe('0.0.0.0');
    expect(normalizeIpAddress('255.255.255.255')).toBe('255.255.255.255');
  });

  it('refuses IPv4 that is out of range, short, long or has leading zeros (octal to some parsers)', () => {
    for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '1..2.3', '1.2.3.4 5', '0x7f.0.0.1']) {
      expect(normalizeIpAddress(bad), bad).toBeNull();
    }
  });

  it('expands `::` and lower-cases IPv6 into eight 4-digit groups', () => {
    expect(normalizeIpAddress('2001:DB8::1')).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
    expect(normalizeIpAddress('::1')).toBe('0000:0000:0000:0000:0000:0000:0000:0001');
    expect(normalizeIpAddress('::')).toBe('0000:0000:0000:0000:0000:0000:0000:0000');
    expect(normalizeIpAddress('fe80::')).toBe('fe80:0000:0000:0000:0000:0000:0000:0000');
    expect(normalizeIpAddress('2001:0db8:0000:0000:0000:ff00:0042:8329')).toBe('2001:0db8:0000:0000:0000:ff00:0042:8329');
    expect(normalizeIpAddress('2001:db8:0:0:1::')).toBe(normalizeIpAddress('2001:DB8::1:0:0:0'));
  });

  it('turns IPv4-mapped IPv6 into IPv4 (dual-stack sockets report IPv4 clients that way)', () => {
    expect(normalizeIpAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeIpAddress('::FFFF:c000:0201')).toBe('192.0.2.1');
    expect(normalizeIpAddress('0:0:0:0:0:ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(parseIpAddress('::ffff:192.0.2.1')?.version).toBe(4);
  });

  it('keeps other embedded IPv4 forms as IPv6', () => {
    expect(normalizeIpAddress('64:ff9b::192.0.2.1')).toBe('0064:ff9b:0000:0000:0000:0000:c000:0201');
  });

  it('strips brackets, ports and zones', () => {
    expect(normalizeIpAddress('[2001:db8::1]')).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
    expect(normalizeIpAddress('[2001:db8::1]:443')).toBe('2001:0db8:0000:0000:0000:0000:0000:0001');
    expect(normalizeIpAddress('192.0.2.1:8080')).toBe('192.0.2.1');
    expect(normalizeIpAddress('fe80::1%eth0')).toBe('fe80:0000:0000:0000:0000:0000:0000:0001');
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', 'unknown', 'localhost', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2::3', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7::8', '12345::', 'g::1', ':::', '::ffff:1.2.3', '1.2.3.4::', '[::1', '1'.repeat(200)]) {
      expect(parseIpAddress(bad), bad).toBeNull();
    }
  });

  it('formats IPv4 as dotted decimal', () => {
    expect(formatIpAddress({ version: 4, bytes: [10, 0, 0, 1] })).toBe('10.0.0.1');
  });
});

describe('ipBucket', () => {
  it('is the address itself for IPv4', () => {
    expect(bucketOf('203.0.113.7')).toBe('203.0.113.7');
    expect(bucketOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 for IPv6: addresses in one /64 share it, another /64 has its own', () => {
    expect(bucketOf('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64');
    expect(bucketOf('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe(bucketOf('2001:db8:1:2::1'));
    expect(bucketOf('2001:db8:1:3::1')).not.toBe(bucketOf('2001:db8:1:2::1'));
  });
});
