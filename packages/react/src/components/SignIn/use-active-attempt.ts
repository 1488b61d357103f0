import { useEffect } from 'react';
import type { SignInStatus, StartedSignIn } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES } from './sign-in-context.ts';

/** A first-factor step keeps its attempt while it moves on (to the new password, the second factor, the session). */
const FIRST_FACTOR_STATUSES: readonly SignInStatus[] = ['needs_first_factor', 'needs_new_password', 'needs_second_factor', 'complete'];

/**
 * The sign-in attempt a step works on, when its status is one the step handles. Without one (a
 * reload on `#/password` after the attempt expired, a shared link), the step sends the user back
 * to the identifier.
 */
export function useActiveAttempt(statuses: readonly SignInStatus[] = FIRST_FACTOR_STATUSES): StartedSignIn | null {
  const { isLoaded, signIn } = useUsherSnapshot();
  const { navigate } = useRouter();
  const active = signIn.id !== null && signIn.status !== null && statuses.includes(signIn.status);
  useEffect(() => {
    if (isLoaded && !active) void navigate(SIGN_IN_ROUTES.start, { replace: true });
  }, [isLoaded, active, navigate]);
  return active ? (signIn as StartedSignIn) : null;
}
