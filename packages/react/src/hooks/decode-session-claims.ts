import type { SessionTokenClaims } from '@usher/protocol';

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a session token's payload WITHOUT verifying its signature. Good enough to decide what
 * the UI shows (the token came from our own API over the SDK's transport); never good enough to
 * authorize anything: the app's server verifies the token (@usher/backend) and decides.
 * Answers null for anything that is not a JWT carrying a session's `sid`, `sub`, `iat`, `exp`.
 */
export function decodeSessionClaims(jwt: string): SessionTokenClaims | null {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1])) as unknown;
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null;
    const { sid, sub, iat, exp } = claims as Record<string, unknown>;
    if (typeof sid !== 'string' || typeof sub !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return null;
    return claims as SessionTokenClaims;
  } catch {
    return null;
  }
}
