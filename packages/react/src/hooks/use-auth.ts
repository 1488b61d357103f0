import type { Usher } from '@usher/core';
import { useUsher, useUsherSnapshot } from './use-usher.ts';

export type UseAuthReturn =
  | { isLoaded: false; isSignedIn: undefined; userId: undefined; sessionId: undefined; getToken: Usher['getToken']; signOut: Usher['signOut'] }
  | { isLoaded: true; isSignedIn: false; userId: null; sessionId: null; getToken: Usher['getToken']; signOut: Usher['signOut'] }
  | { isLoaded: true; isSignedIn: true; userId: string; sessionId: string; getToken: Usher['getToken']; signOut: Usher['signOut'] };

/**
 * Who is signed in: values are `undefined` before load and `null` when signed out.
 *
 * @example
 * const { isSignedIn, getToken } = useAuth();
 * const res = await fetch('/api', { headers: { Authorization: `Bearer ${await getToken()}` } });
 */
export function useAuth(): UseAuthReturn {
  const { getToken, signOut } = useUsher();
  const { isLoaded, session, user } = useUsherSnapshot();
  if (!isLoaded) return { isLoaded: false, isSignedIn: undefined, userId: undefined, sessionId: undefined, getToken, signOut };
  if (!session || !user) return { isLoaded: true, isSignedIn: false, userId: null, sessionId: null, getToken, signOut };
  return { isLoaded: true, isSignedIn: true, userId: user.id, sessionId: session.id, getToken, signOut };
}
