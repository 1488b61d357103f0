/** An IPv4 address (4 bytes) or an IPv6 address (16 bytes). IPv4-mapped IPv6 is always IPv4. */
export type IpAddress = { version: 4; bytes: readonly number[] } | { version: 6; bytes: readonly number[] };

/** Longer than any address with a port and a zone: not worth parsing. */
const MAX_LENGTH = 100;

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // No leading zeros: `010` is octal to some parsers and decimal to others.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  for (const group of text.split(':')) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return null;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

function parseIpv6(text: string): number[] | null {
  let hex = text.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(hex)) return null;
  // A dotted IPv4 tail (`::ffff:192.0.2.1`) stands for the last two groups.
  if (hex.includes('.')) {
    const colon = hex.lastIndexOf(':');
    const v4 = colon < 0 ? null : parseIpv4(hex.slice(colon + 1));
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    hex = `${hex.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  let groups: number[];
  if (halves.length === 1) {
    if (head.length !== 8) return null;
    groups = head;
  } else {
    // `::` stands for at least one zero group.
    if (head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

function isIpv4Mapped(bytes: readonly number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/**
 * Parses an address as sockets and proxies write it: `192.0.2.1`, `2001:DB8::1`, `::ffff:192.0.2.1`
 * (→ IPv4), `[2001:db8::1]:443`, `192.0.2.1:8080`, `fe80::1%eth0`. Anything else is null.
 */
export function parseIpAddress(input: string): IpAddress | null {
  let text = input.trim();
  if (text === '' || text.length > MAX_LENGTH) return null;
  const bracketed = /^\[([^\]]+)\](?::[0-9]{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? '';
  else if (/^[0-9.]+:[0-9]{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  // The zone names an interface of the receiving host; it says nothing about who the client is.
  const zone = text.indexOf('%');
  if (zone >= 0 && text.includes(':')) text = text.slice(0, zone);
  if (!text.includes(':')) {
    const v4 = parseIpv4(text);
    return v4 ? { version: 4, bytes: v4 } : null;
  }
  const v6 = parseIpv6(text);
  if (!v6) return null;
  return isIpv4Mapped(v6) ? { version: 4, bytes: v6.slice(12) } : { version: 6, bytes: v6 };
}

function hexGroups(bytes: readonly number[], count: number): string[] {
  const groups: string[] = [];
  for (let i = 0; i < count; i++) groups.push((((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16).padStart(4, '0'));
  return groups;
}

/** One spelling per address: dotted IPv4, or IPv6 as eight lower-case 4-digit groups (no `::`). */
export function formatIpAddress(ip: IpAddress): string {
  return ip.version === 4 ? ip.bytes.join('.') : hexGroups(ip.bytes, 8).join(':');
}

/**
 * The rate-limit bucket of an address. IPv4: the address. IPv6: its /64, since one subscriber
 * usually gets a whole /64 and can pick any of its 2^64 addresses at will.
 */
export function ipBucket(ip: IpAddress): string {
  return ip.version === 4 ? formatIpAddress(ip) : `${hexGroups(ip.bytes, 4).join(':')}::/64`;
}

/** `parseIpAddress` then `formatIpAddress`; null for what is not an address. */
export function normalizeIpAddress(input: string): string | null {
  const ip = parseIpAddress(input);
  return ip ? formatIpAddress(ip) : null;
}
