import { useContext } from 'react';
import { InitialStateContext, initialOrgClaims } from '../provider/initial-state.ts';
import type { OrgClaims } from '@usher/protocol/has';
import { useSessionClaims } from './use-session-claims.ts';
import { useUsherSnapshot } from './use-usher.ts';

/** Who is signed in, as the UI should show it right now. */
export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | {
      status: 'signed-in';
      userId: string;
      sessionId: string;
      /** The organization claims; `undefined` while the session's token is being read. */
      claims: OrgClaims | null | undefined;
    };

/**
 * The client's auth state once it has loaded; before that, the `initialState` the app's server
 * gave the provider (so a server render and the hydration agree), else `loading`. Pass
 * `readClaims: false` when the organization claims are not needed (no token request).
 */
export function useAuthState(readClaims = true): AuthState {
  const { isLoaded, session, user } = useUsherSnapshot();
  const initial = useContext(InitialStateContext);
  const claims = useSessionClaims(readClaims);
  if (!isLoaded) {
    if (!initial) return { status: 'loading' };
    if (!initial.userId || !initial.sessionId) return { status: 'signed-out' };
    return { status: 'signed-in', userId: initial.userId, sessionId: initial.sessionId, claims: initialOrgClaims(initial) };
  }
  if (!session || !user) return { status: 'signed-out' };
  // While the session's first token is read, the server's word for the same session stands in.
  const known = claims === undefined && initial?.sessionId === session.id ? initialOrgClaims(initial) : claims;
  return { status: 'signed-in', userId: user.id, sessionId: session.id, claims: readClaims ? known : undefined };
}
