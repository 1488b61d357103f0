import type { ReactNode } from 'react';
import { useUsherSnapshot } from '../hooks/use-usher.ts';

export interface SignedInProps {
  children?: ReactNode;
}

/**
 * Renders its children only once Usher has loaded and a user is signed in; nothing while
 * loading (and so nothing in a server render). Follows sign-ins and sign-outs without a reload.
 * It only hides UI: protect the data on your server.
 *
 * @example
 * <SignedIn>
 *   <UserButton />
 * </SignedIn>
 */
export function SignedIn({ children }: SignedInProps) {
  const { isLoaded, session } = useUsherSnapshot();
  return isLoaded && session ? <>{children}</> : null;
}
