import type { ReactNode } from 'react';
import { useUsherSnapshot } from '../hooks/use-usher.ts';

export interface LoadingProps {
  children?: ReactNode;
}

/**
 * Renders its children until Usher has loaded: in a server render and on the first client
 * render, so a placeholder hydrates without a mismatch.
 *
 * @example
 * <Loading>
 *   <Spinner />
 * </Loading>
 */
export function Loading({ children }: LoadingProps) {
  const { isLoaded } = useUsherSnapshot();
  return isLoaded ? null : <>{children}</>;
}
