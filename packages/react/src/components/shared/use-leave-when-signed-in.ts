import { useCallback, useEffect, useRef } from 'react';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useRouter } from '../../router/RouterProvider.tsx';

/**
 * SignIn and SignUp on a single-session instance, opened by someone already signed in: nothing
 * to do there (the server would answer `session_exists`), so the component leaves for where a
 * finished flow goes. A flow that is finishing itself marks it first (`finishing()`) and does its
 * own navigation, so there is one navigation, not two. Multi-session instances stay: signing in
 * there adds an account.
 *
 * @returns `leaving` (render the skeleton, not the form) and `finishing` (call before activating the session).
 */
export function useLeaveWhenSignedIn(target: () => string): { leaving: boolean; finishing: () => void } {
  const { isLoaded, session, environment } = useUsherSnapshot();
  const { redirect } = useRouter();
  const finished = useRef(false);
  const signedIn = isLoaded && session !== null && environment?.authConfig.singleSessionMode === true;
  const leaving = signedIn && !finished.current;

  useEffect(() => {
    // Only a change of who is signed in triggers it; a new `target` function alone does not.
    if (leaving) void redirect(target(), { replace: true });
  }, [leaving]);

  const finishing = useCallback(() => {
    finished.current = true;
  }, []);
  return { leaving, finishing };
}
