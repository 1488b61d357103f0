import { useContext } from 'react';
import { NavigationContext } from '../router/NavigationContext.ts';
import { isExternalUrl } from '../router/location.ts';

/**
 * How a control component leaves the page; may answer a promise (Next.js, React Router…).
 * Passed as a prop it wins over the provider's `routerPush`/`routerReplace`.
 */
export type Navigate = (to: string) => unknown;

/**
 * The navigation of a control component: its `navigate` prop, else the provider's
 * `routerPush` (buttons) or `routerReplace` (redirects) for URLs of this origin, else a full page
 * load. A full load (rather than `history.pushState`) because the sign-in page may belong to the
 * app's own router, which would not notice a bare pushState.
 */
export function useNavigate(kind: 'push' | 'replace', override: Navigate | undefined): Navigate {
  const { routerPush, routerReplace } = useContext(NavigationContext);
  const host = kind === 'push' ? routerPush : routerReplace;
  return (to) => {
    if (override) return override(to);
    if (host && !isExternalUrl(to)) return host(to);
    return kind === 'push' ? assignLocation(to) : replaceLocation(to);
  };
}

/** A new history entry: what a click on a link does. */
function assignLocation(to: string): void {
  (globalThis as { location?: Location }).location?.assign(to);
}

/**
 * Replaces the history entry, so Back from the sign-in page does not land on the page that
 * redirected there and bounce forward again.
 */
function replaceLocation(to: string): void {
  (globalThis as { location?: Location }).location?.replace(to);
}
