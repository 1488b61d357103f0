import type { ReactNode } from 'react';
import { useAuthState } from '../hooks/use-auth-state.ts';

export interface SignedOutProps {
  children?: ReactNode;
}

/**
 * Renders its children only once Usher has loaded and nobody is signed in; nothing while
 * loading (and so nothing in a server render, unless the provider has an `initialState`).
 *
 * @example
 * <SignedOut>
 *   <SignInButton />
 * </SignedOut>
 */
export function SignedOut({ children }: SignedOutProps) {
  return useAuthState(false).status === 'signed-out' ? <>{children}</> : null;
}
