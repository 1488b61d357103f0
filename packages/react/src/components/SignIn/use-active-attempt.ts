import { useEffect } from 'react';
import type { StartedSignIn } from '@usher/core';
import { useUsherSnapshot } from '../../hooks/use-usher.ts';
import { useRouter } from '../../router/RouterProvider.tsx';
import { SIGN_IN_ROUTES } from './sign-in-context.ts';

/**
 * The sign-in attempt a factor step works on. Without one (a reload on `#/password` after the
 * attempt expired, a shared link), the step sends the user back to the identifier.
 */
export function useActiveAttempt(): StartedSignIn | null {
  const { isLoaded, signIn } = useUsherSnapshot();
  const { navigate } = useRouter();
  const active = signIn.id !== null && (signIn.status === 'needs_first_factor' || signIn.status === 'complete');
  useEffect(() => {
    if (isLoaded && !active) void navigate(SIGN_IN_ROUTES.start, { replace: true });
  }, [isLoaded, active, navigate]);
  return active ? (signIn as StartedSignIn) : null;
}
