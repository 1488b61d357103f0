import { createContext, useContext } from 'react';
import type { OrgClaims } from '@usher/protocol/has';

/**
 * What the app's server knew about the request when it rendered the page, e.g. from
 * `authenticateRequest()` of @usher/backend: enough to render signed-in or signed-out UI on the
 * server and during hydration, before the client has loaded.
 */
export interface UsherInitialState {
  /** `null`: the server saw no signed-in user. */
  userId: string | null;
  sessionId: string | null;
  /** The active organization and the user's role and permissions in it, as the token said. */
  orgId?: string | null;
  orgRole?: string | null;
  orgSlug?: string | null;
  orgPermissions?: readonly string[] | null;
}

export const InitialStateContext = createContext<UsherInitialState | null>(null);

/**
 * The server-rendered auth state given to <UsherProvider initialState>, or null. `useAuth()`,
 * `<SignedIn>`, `<SignedOut>` and `<Protect>` already answer from it until the client has loaded,
 * so server HTML and the first client render agree (no signed-out flash); read it yourself only
 * for state those do not cover.
 *
 * @example
 * const initial = useInitialState();
 * const signedInOnServer = !!initial?.userId;
 */
export function useInitialState(): UsherInitialState | null {
  return useContext(InitialStateContext);
}

/** The organization part of the initial state, in the token's claim names, for `has()`. */
export function initialOrgClaims(initial: UsherInitialState): OrgClaims {
  return {
    ...(initial.orgId ? { org_id: initial.orgId } : {}),
    ...(initial.orgRole ? { org_role: initial.orgRole } : {}),
    ...(initial.orgSlug ? { org_slug: initial.orgSlug } : {}),
    ...(initial.orgPermissions ? { org_permissions: [...initial.orgPermissions] } : {}),
  };
}
