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
 * @param options.stay the flow still has a step for whoever is signed in: do not leave.
 * @returns `leaving` (render the skeleton, not the form) and `finishing` (call before activating the session).
 */
export function useLeaveWhenSignedIn(target: () => string, options: { stay?: boolean } = {}): { leaving: boolean; finishing: () => void } {
  const { isLoaded, session, environment } = useUsherSnapshot();
  const { redirect } = useRouter();
  const finished = useRef(false);
  const signedIn = isLoaded && session !== null && environment?.authConfig.singleSessionMode === true;
  // `stay`: the flow still has a step for the signed-in user (required 2-step verification set-up).
  const leaving = signedIn && !finished.current && !options.stay;

  useEffect(() => {
    // Only a change of who is signed in triggers it; a new `target` function alone does not.
    if (leaving) void redirect(target(), { replace: true });
  }, [leaving]);

  const finishing = useCallback(() => {
    finished.current = true;
  }, []);
  return { leaving, finishing };
}
