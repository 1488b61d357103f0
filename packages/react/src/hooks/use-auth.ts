import { useMemo } from 'react';
import type { Usher } from '@usher/core';
import { createHas, type Has, type OrgClaims } from '@usher/protocol/has';
import { useAuthState } from './use-auth-state.ts';
import { useUsher } from './use-usher.ts';

interface AuthActions {
  getToken: Usher['getToken'];
  signOut: Usher['signOut'];
  /** Role/permission check in the active organization, for UI gating only; fails closed. */
  has: Has;
}

export type UseAuthReturn = AuthActions &
  (
    | { isLoaded: false; isSignedIn: undefined; userId: undefined; sessionId: undefined; orgId: undefined; orgRole: undefined; orgSlug: undefined }
    | { isLoaded: true; isSignedIn: false; userId: null; sessionId: null; orgId: null; orgRole: null; orgSlug: null }
    | {
        isLoaded: true;
        isSignedIn: true;
        userId: string;
        sessionId: string;
        /** The active organization; `undefined` while the session's first token is being read. */
        orgId: string | null | undefined;
        orgRole: string | null | undefined;
        orgSlug: string | null | undefined;
      }
  );

/**
 * Who is signed in: values are `undefined` before load and `null` when signed out. Until the
 * client has loaded, a provider given `initialState` (server rendering) answers from it instead. The
 * organization values and `has()` come from the current session token's claims (read without
 * verification: your server must check the token again before acting on a role).
 *
 * @example
 * const { isSignedIn, getToken, has } = useAuth();
 * const res = await fetch('/api', { headers: { Authorization: `Bearer ${await getToken()}` } });
 * const canInvite = has({ permission: 'org:members:invite' });
 */
export function useAuth(): UseAuthReturn {
  const { getToken, signOut } = useUsher();
  const state = useAuthState();
  const claims = state.status === 'signed-in' ? state.claims : null;
  const has = useMemo(() => createHas(claims), [claims]);
  if (state.status === 'loading') {
    return { isLoaded: false, isSignedIn: undefined, userId: undefined, sessionId: undefined, orgId: undefined, orgRole: undefined, orgSlug: undefined, getToken, signOut, has };
  }
  if (state.status === 'signed-out') {
    return { isLoaded: true, isSignedIn: false, userId: null, sessionId: null, orgId: null, orgRole: null, orgSlug: null, getToken, signOut, has };
  }
  const org = claims === undefined ? undefined : claims === null ? null : orgOf(claims);
  return {
    isLoaded: true,
    isSignedIn: true,
    userId: state.userId,
    sessionId: state.sessionId,
    orgId: org === undefined ? undefined : (org?.id ?? null),
    orgRole: org === undefined ? undefined : (org?.role ?? null),
    orgSlug: org === undefined ? undefined : (org?.slug ?? null),
    getToken,
    signOut,
    has,
  };
}

function orgOf(claims: OrgClaims): { id: string; role: string | null; slug: string | null } | null {
  if (typeof claims.org_id !== 'string' || claims.org_id === '') return null;
  return {
    id: claims.org_id,
    role: typeof claims.org_role === 'string' ? claims.org_role : null,
    slug: typeof claims.org_slug === 'string' ? claims.org_slug : null,
  };
}
