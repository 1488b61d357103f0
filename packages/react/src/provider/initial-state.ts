import { createContext, useContext } from 'react';

/**
 * What the app's server knew about the request when it rendered the page, e.g. from
 * `authenticateRequest()` of @usher/backend: enough to render signed-in or signed-out UI on the
 * server and during hydration, before the client has loaded.
 */
export interface UsherInitialState {
  userId: string | null;
  sessionId: string | null;
  orgId?: string | null;
}

export const InitialStateContext = createContext<UsherInitialState | null>(null);

/**
 * The server-rendered auth state given to <UsherProvider initialState>, or null. Use it while
 * `isLoaded` is false so server HTML and the first client render agree (no signed-out flash).
 * Once loaded, the client snapshot is the truth.
 *
 * @example
 * const { isLoaded, isSignedIn } = useAuth();
 * const initial = useInitialState();
 * const signedIn = isLoaded ? isSignedIn : !!initial?.userId;
 */
export function useInitialState(): UsherInitialState | null {
  return useContext(InitialStateContext);
}
