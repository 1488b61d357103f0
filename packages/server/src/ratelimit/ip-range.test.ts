import { describe, expect, it } from 'vitest';
import { parseIpAddress, type IpAddress } from './ip-address.ts';
import { isInRange, parseIpRange, parseIpRangeList } from './ip-range.ts';

function ip(text: string): IpAddress {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
}

function inRange(address: string, range: string): boolean {
  const parsed = parseIpRange(range);
  if (!parsed) throw new Error(`not a range: ${range}`);
  return isInRange(ip(address), parsed);
}

describe('IP ranges', () => {
  it('an address alone is a range of one', () => {
    expect(inRange('10.0.0.7', '10.0.0.7')).toBe(true);
    expect(inRange('10.0.0.8', '10.0.0.7')).toBe(false);
    expect(inRange('::1', '::1')).toBe(true);
    expect(inRange('0:0:0:0:0:0:0:1', '::1')).toBe(true);
  });

  it('CIDR ranges match on the prefix, including prefixes that end inside a byte', () => {
    expect(inRange('10.200.3.4', '10.0.0.0/8')).toBe(true);
    expect(inRange('11.0.0.1', '10.0.0.0/8')).toBe(false);
    expect(inRange('172.31.255.255', '172.16.0.0/12')).toBe(true);
    expect(inRange('172.32.0.0', '172.16.0.0/12')).toBe(false);
    expect(inRange('192.0.2.1', '0.0.0.0/0')).toBe(true);
    expect(inRange('fd12:3456::1', 'fd00::/8')).toBe(true);
    expect(inRange('fe80::1', 'fd00::/8')).toBe(false);
  });

  it('IPv4 and IPv6 never match each other, but IPv4-mapped addresses are IPv4', () => {
    expect(inRange('10.0.0.1', '::/0')).toBe(false);
    expect(inRange('::ffff:10.0.0.1', '10.0.0.0/8')).toBe(true);
    expect(inRange('10.1.2.3', '::ffff:10.0.0.0/104')).toBe(true);
    expect(inRange('11.1.2.3', '::ffff:10.0.0.0/104')).toBe(false);
  });

  it('refuses prefixes out of range and what is not a range', () => {
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/x', 'proxy.internal', '']) {
      expect(parseIpRange(bad), bad).toBeNull();
    }
  });

  it('a configured list with a typo fails when the app is built, naming the entry', () => {
    expect(() => parseIpRangeList(['10.0.0.1', '10.0.0.300'])).toThrow(/10\.0\.0\.300/);
    expect(() => parseIpRangeList(['10.0.0.1', '10.0.0.300'])).toThrow(TypeError);
    const list = parseIpRangeList(['10.0.0.1', 'fd00::/8']);
    expect(list.includes(ip('10.0.0.1'))).toBe(true);
    expect(list.includes(ip('fd00::5'))).toBe(true);
    expect(list.includes(ip('10.0.0.2'))).toBe(false);
    expect(parseIpRangeList([]).includes(ip('10.0.0.1'))).toBe(false);
  });
});
