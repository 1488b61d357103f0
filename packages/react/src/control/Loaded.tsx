import type { ReactNode } from 'react';
import { useUsherSnapshot } from '../hooks/use-usher.ts';

export interface LoadedProps {
  children?: ReactNode;
}

/**
 * Renders its children once Usher has loaded (the client and the instance settings are known),
 * whether or not someone is signed in.
 *
 * @example
 * <Loaded>
 *   <Header />
 * </Loaded>
 */
export function Loaded({ children }: LoadedProps) {
  const { isLoaded } = useUsherSnapshot();
  return isLoaded ? <>{children}</> : null;
}
