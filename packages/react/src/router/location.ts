import type { RouterFn } from './NavigationContext.ts';

/** Fired on window after Usher changes the URL itself (pushState and replaceState fire nothing). */
export const NAVIGATE_EVENT = 'usher:navigate';

/** Route strings are relative and slash-trimmed: '' is the root, 'factor-one', 'verify/email'. */
export function normalizeRoute(route: string): string {
  return route.replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/');
}

/** Splits `'factor-one?x=1#y'` into a route and its search string. */
export function splitTarget(to: string): { route: string; search: string } {
  const [beforeHash = ''] = to.split('#');
  const index = beforeHash.indexOf('?');
  return index === -1 ? { route: normalizeRoute(beforeHash), search: '' } : { route: normalizeRoute(beforeHash.slice(0, index)), search: beforeHash.slice(index) };
}

/** The route of a pathname below a base path; '' when the pathname is the base or outside it. */
export function routeFromPathname(pathname: string, basePath: string): string {
  const base = `/${normalizeRoute(basePath)}`;
  const path = `/${normalizeRoute(pathname)}`;
  if (base === '/') return normalizeRoute(path);
  if (path === base) return '';
  return path.startsWith(`${base}/`) ? normalizeRoute(path.slice(base.length)) : '';
}

/** Listens to browser history and to Usher's own URL changes. */
export function subscribeToLocation(onChange: () => void, events: readonly string[]): () => void {
  if (typeof window === 'undefined') return () => undefined;
  for (const event of events) window.addEventListener(event, onChange);
  return () => {
    for (const event of events) window.removeEventListener(event, onChange);
  };
}

/**
 * Goes to a URL of this app: through the host router when one was given, else the History API.
 * The event tells every Usher router to read the location again.
 */
export async function goTo(url: string, options: { replace?: boolean; push?: RouterFn; replaceFn?: RouterFn }): Promise<void> {
  const hostFn = options.replace ? options.replaceFn : options.push;
  if (hostFn) await hostFn(url);
  else if (typeof window !== 'undefined') window.history[options.replace ? 'replaceState' : 'pushState'](window.history.state, '', url);
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Whether a URL leaves this origin (so only a full page load can reach it). */
export function isExternalUrl(url: string): boolean {
  if (typeof window === 'undefined') return /^[a-z][a-z\d+.-]*:/i.test(url);
  try {
    return new URL(url, window.location.href).origin !== window.location.origin;
  } catch {
    return false;
  }
}
