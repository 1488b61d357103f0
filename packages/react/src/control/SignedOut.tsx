import type { ReactNode } from 'react';
import { useUsherSnapshot } from '../hooks/use-usher.ts';

export interface SignedOutProps {
  children?: ReactNode;
}

/**
 * Renders its children only once Usher has loaded and nobody is signed in; nothing while
 * loading (and so nothing in a server render).
 *
 * @example
 * <SignedOut>
 *   <SignInButton />
 * </SignedOut>
 */
export function SignedOut({ children }: SignedOutProps) {
  const { isLoaded, session } = useUsherSnapshot();
  return isLoaded && !session ? <>{children}</> : null;
}
