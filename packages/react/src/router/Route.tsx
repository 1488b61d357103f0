import type { ReactNode } from 'react';
import { useRouter } from './RouterProvider.tsx';

/**
 * Renders its children when the route matches: `index` for the component's start, `path` for a
 * step (`prefix` to also match sub-steps).
 *
 * @example
 * <Route index><Start /></Route>
 * <Route path="factor-one"><FactorOne /></Route>
 */
export function Route({ path, index, prefix, children }: { path?: string; index?: boolean; prefix?: boolean; children?: ReactNode }) {
  const { matches } = useRouter();
  return matches(index ? '' : (path ?? ''), { prefix }) ? <>{children}</> : null;
}
