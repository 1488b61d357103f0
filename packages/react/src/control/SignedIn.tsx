import type { ReactNode } from 'react';
import { useAuthState } from '../hooks/use-auth-state.ts';

export interface SignedInProps {
  children?: ReactNode;
}

/**
 * Renders its children only once Usher has loaded and a user is signed in; nothing while
 * loading (and so nothing in a server render, unless the provider has an `initialState`).
 * Follows sign-ins and sign-outs without a reload. It only hides UI: protect the data on your server.
 *
 * @example
 * <SignedIn>
 *   <UserButton />
 * </SignedIn>
 */
export function SignedIn({ children }: SignedInProps) {
  return useAuthState(false).status === 'signed-in' ? <>{children}</> : null;
}
