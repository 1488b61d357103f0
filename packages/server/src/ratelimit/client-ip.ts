import { ipBucket, parseIpAddress, type IpAddress } from './ip-address.ts';
import type { IpRangeList } from './ip-range.ts';

/**
 * Who sent the request, as far as it can be vouched for. The peer (the socket's address) is the
 * answer unless it is a trusted proxy; then X-Forwarded-For is read from the right, past every
 * trusted proxy, to the first address a trusted proxy saw as its client. Entries further left
 * were written by that client and prove nothing, so they are never used. Null without a peer
 * (in-process requests) or with one that is not an address.
 */
export function resolveClientIp(peer: string | undefined, forwardedFor: string | null, trustedProxies: IpRangeList): IpAddress | null {
  const peerIp = peer === undefined ? null : parseIpAddress(peer);
  if (!peerIp) return null;
  if (forwardedFor === null || !trustedProxies.includes(peerIp)) return peerIp;
  let client = peerIp;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIpAddress(hops[i] ?? '');
    // Trusted proxies append the address they saw, which always parses: garbage came from
    // further left. Stop at the last address a trusted hop vouched for.
    if (!hop) return client;
    client = hop;
    if (!trustedProxies.includes(hop)) return hop;
  }
  // Every hop is a trusted proxy: the left-most one is as far as can be seen.
  return client;
}

/**
 * The rate-limit bucket of a client: its IPv4 address, its IPv6 /64, or `unknown` when there is
 * no address (all in-process requests share it, and are limited like anyone else).
 */
export function clientBucket(ip: IpAddress | null): string {
  return ip ? ipBucket(ip) : 'unknown';
}
