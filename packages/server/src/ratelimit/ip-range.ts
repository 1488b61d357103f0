import { parseIpAddress, type IpAddress } from './ip-address.ts';

/** An address with a prefix length: `10.0.0.0/8`, `fd00::/8`, or one address (`/32`, `/128`). */
export interface IpRange {
  base: IpAddress;
  prefixLength: number;
}

/**
 * Parses `address` or `address/prefix`. A range written in IPv4-mapped form
 * (`::ffff:10.0.0.0/104`) becomes the IPv4 range it covers, since mapped addresses are IPv4 here.
 */
export function parseIpRange(text: string): IpRange | null {
  const [addressPart = '', prefixPart, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const base = parseIpAddress(addressPart);
  if (!base) return null;
  const bits = base.bytes.length * 8;
  if (prefixPart === undefined) return { base, prefixLength: bits };
  if (!/^[0-9]{1,3}$/.test(prefixPart)) return null;
  let prefixLength = Number(prefixPart);
  if (base.version === 4 && addressPart.includes(':')) prefixLength -= 96;
  if (prefixLength < 0 || prefixLength > bits) return null;
  return { base, prefixLength };
}

export function isInRange(ip: IpAddress, range: IpRange): boolean {
  if (ip.version !== range.base.version) return false;
  const fullBytes = Math.floor(range.prefixLength / 8);
  for (let i = 0; i < fullBytes; i++) if (ip.bytes[i] !== range.base.bytes[i]) return false;
  const rest = range.prefixLength % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((ip.bytes[fullBytes] ?? 0) & mask) === ((range.base.bytes[fullBytes] ?? 0) & mask);
}

export interface IpRangeList {
  includes(ip: IpAddress): boolean;
}

/**
 * The configured trusted proxies. A typo must not silently trust nobody (or everybody), so an
 * entry that is not an address or a range is refused when the app is built.
 */
export function parseIpRangeList(entries: readonly string[], what = 'config.trustedProxies'): IpRangeList {
  const ranges = entries.map((entry) => {
    const range = parseIpRange(entry);
    if (!range) throw new TypeError(`${what} has an entry that is not an IP address or CIDR range: ${entry}`);
    return range;
  });
  return { includes: (ip) => ranges.some((range) => isInRange(ip, range)) };
}
