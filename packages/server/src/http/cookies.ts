import { CLIENT_COOKIE, CLIENT_UAT_COOKIE } from '@usher/protocol';

/** The client cookie outlives sessions: it names the device, not a sign-in. */
const CLIENT_COOKIE_MAX_AGE = 365 * 24 * 3600;

/** `__client`: HttpOnly (no script reads it), SameSite=Lax, Secure outside plain-http localhost. */
export function clientCookie(token: string, secure: boolean): string {
  return [`${CLIENT_COOKIE}=${token}`, 'Path=/', `Max-Age=${CLIENT_COOKIE_MAX_AGE}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/**
 * `__client_uat`: the second of the last sign-in or sign-out, readable by the app's server (not
 * HttpOnly) so it can tell that a `__session` cookie is older than the latest change.
 */
export function clientUatCookie(seconds: number, secure: boolean): string {
  return [`${CLIENT_UAT_COOKIE}=${seconds}`, 'Path=/', `Max-Age=${CLIENT_COOKIE_MAX_AGE}`, 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
