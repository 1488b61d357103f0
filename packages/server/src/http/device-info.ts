import { resolveClientIp } from '../ratelimit/client-ip.ts';
import { formatIpAddress, parseIpAddress } from '../ratelimit/ip-address.ts';
import type { IpRangeList } from '../ratelimit/ip-range.ts';
import type { SessionDevice } from '../store/types.ts';

export const UNKNOWN_DEVICE: SessionDevice = Object.freeze({ userAgent: null, ipAddress: null, city: null, country: null });

/** Location headers of the common proxies/CDNs: Cloudflare, Vercel, CloudFront. */
const COUNTRY_HEADERS = ['cf-ipcountry', 'x-vercel-ip-country', 'cloudfront-viewer-country'];
const CITY_HEADERS = ['cf-ipcity', 'x-vercel-ip-city', 'cloudfront-viewer-city'];

function firstHeader(headers: Headers, names: string[]): string | null {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value.trim() !== '') return value.trim();
  }
  return null;
}

function cleanCity(raw: string | null): string | null {
  if (raw === null) return null;
  let city = raw;
  try {
    if (city.includes('%')) city = decodeURIComponent(city);
  } catch {
    return null;
  }
  city = city.trim();
  // Printable text of a sensible length only: it is shown in the user's device list.
  const printable = [...city].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '<' && ch !== '>');
  return city.length > 0 && city.length <= 100 && printable ? city : null;
}

function cleanCountry(raw: string | null): string | null {
  const country = raw?.toUpperCase() ?? null;
  // XX/T1 are the proxies' "unknown" and "Tor" markers.
  return country !== null && /^[A-Z]{2}$/.test(country) && country !== 'XX' ? country : null;
}

/**
 * The device behind a request, as the "Active devices" list shows it: its user agent, its
 * address (X-Forwarded-For only through trusted proxies, as for rate limits), and a location only
 * when a trusted proxy wrote it in its headers. No lookup service is ever asked.
 */
export function deviceInfo(request: Request, peer: string | undefined, trustedProxies: IpRangeList): SessionDevice {
  const userAgent = request.headers.get('user-agent')?.slice(0, 512).trim() || null;
  const client = resolveClientIp(peer, request.headers.get('x-forwarded-for'), trustedProxies);
  const peerIp = peer === undefined ? null : parseIpAddress(peer);
  const fromTrustedProxy = peerIp !== null && trustedProxies.includes(peerIp);
  return {
    userAgent,
    ipAddress: client ? formatIpAddress(client) : null,
    city: fromTrustedProxy ? cleanCity(firstHeader(request.headers, CITY_HEADERS)) : null,
    country: fromTrustedProxy ? cleanCountry(firstHeader(request.headers, COUNTRY_HEADERS)) : null,
  };
}
