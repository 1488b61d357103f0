/** The claims the SDK reads from a session token; the rest are passed through untouched. */
export interface DecodedClaims {
  sid?: string;
  sub?: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a JWT's payload without verifying it. The SDK only needs `iat`/`exp` to schedule
 * refreshes; verification is the app server's job (@usher/backend). Answers null for anything
 * that is not a JWT with numeric iat and exp.
 */
export function decodeJwtClaims(jwt: string): DecodedClaims | null {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1])) as unknown;
    if (typeof claims !== 'object' || claims === null) return null;
    const { iat, exp } = claims as { iat?: unknown; exp?: unknown };
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat) return null;
    return claims as DecodedClaims;
  } catch {
    return null;
  }
}
