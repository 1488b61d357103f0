import { describe, expect, it } from 'vitest';
import { clientBucket, resolveClientIp } from './client-ip.ts';
import { formatIpAddress } from './ip-address.ts';
import { parseIpRangeList } from './ip-range.ts';

const proxies = parseIpRangeList(['10.0.0.0/8', '2001:db8:ffff::/48']);
const nobody = parseIpRangeList([]);

function resolve(peer: string | undefined, forwardedFor: string | null, trusted = proxies): string | null {
  const ip = resolveClientIp(peer, forwardedFor, trusted);
  return ip ? formatIpAddress(ip) : null;
}

describe('resolveClientIp', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(resolve('203.0.113.7', null, nobody)).toBe('203.0.113.7');
    expect(resolve('203.0.113.7', '198.51.100.1', nobody)).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolve('203.0.113.7', '198.51.100.1, 10.0.0.1')).toBe('203.0.113.7');
  });

  it('behind a trusted proxy, is the right-most address that is not a trusted proxy', () => {
    expect(resolve('10.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('10.0.0.1', '198.51.100.1, 10.0.0.2')).toBe('198.51.100.1');
    // The client wrote the left-most entry itself; the proxy appended what it saw.
    expect(resolve('10.0.0.1', '1.1.1.1, 198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('10.0.0.1', '1.1.1.1,198.51.100.1 , 10.9.9.9')).toBe('198.51.100.1');
  });

  it('normalises what it takes from the header', () => {
    expect(resolve('10.0.0.1', '[2001:DB8::7]:51234')).toBe('2001:0db8:0000:0000:0000:0000:0000:0007');
    expect(resolve('::ffff:10.0.0.1', '::ffff:198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('2001:db8:ffff:1::1', '198.51.100.1')).toBe('198.51.100.1');
  });

  it('stops at the last address a trusted proxy vouched for when an entry is garbage', () => {
    expect(resolve('10.0.0.1', '198.51.100.1, garbage')).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', '198.51.100.1, garbage, 10.0.0.2')).toBe('10.0.0.2');
    expect(resolve('10.0.0.1', '')).toBe('10.0.0.1');
  });

  it('is the left-most hop when every hop is a trusted proxy', () => {
    expect(resolve('10.0.0.1', '10.0.0.3, 10.0.0.2')).toBe('10.0.0.3');
  });

  it('is the trusted proxy itself when it sends no X-Forwarded-For', () => {
    expect(resolve('10.0.0.1', null)).toBe('10.0.0.1');
  });

  it('is null without a peer (in-process) or with one that is not an address', () => {
    expect(resolve(undefined, '198.51.100.1')).toBeNull();
    expect(resolve('not an address', null)).toBeNull();
  });
});

describe('clientBucket', () => {
  it('is `unknown` without an address, the address for IPv4 and the /64 for IPv6', () => {
    expect(clientBucket(null)).toBe('unknown');
    expect(clientBucket(resolveClientIp('203.0.113.7', null, nobody))).toBe('203.0.113.7');
    expect(clientBucket(resolveClientIp('2001:db8:1:2:3:4:5:6', null, nobody))).toBe('2001:0db8:0001:0002::/64');
  });
});
