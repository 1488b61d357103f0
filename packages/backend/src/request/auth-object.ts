import type { SessionTokenClaims } from '@usher/protocol';
import { createHas, type Has } from '@usher/protocol/has';

/** Who is making the request, from a verified session token: the shape `toAuth()` answers. */
export interface Auth {
  userId: string | null;
  sessionId: string | null;
  orgId: string | null;
  orgRole: string | null;
  orgSlug: string | null;
  orgPermissions: string[] | null;
  /** The verified claims (custom session claims included); null when signed out. */
  claims: SessionTokenClaims | null;
  /** Role or permission in the active organization; false when signed out (fails closed). */
  has: Has;
}

const SIGNED_OUT: Auth = Object.freeze({
  userId: null,
  sessionId: null,
  orgId: null,
  orgRole: null,
  orgSlug: null,
  orgPermissions: null,
  claims: null,
  has: () => false,
});

/** The auth object of verified claims, or of nobody. */
export function authOf(claims: SessionTokenClaims | null): Auth {
  if (!claims) return SIGNED_OUT;
  return Object.freeze({
    userId: claims.sub,
    sessionId: claims.sid,
    orgId: typeof claims.org_id === 'string' ? claims.org_id : null,
    orgRole: typeof claims.org_role === 'string' ? claims.org_role : null,
    orgSlug: typeof claims.org_slug === 'string' ? claims.org_slug : null,
    orgPermissions: Array.isArray(claims.org_permissions) ? claims.org_permissions.filter((p): p is string => typeof p === 'string') : null,
    claims,
    has: createHas(claims),
  });
}
