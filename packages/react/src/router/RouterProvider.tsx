import { useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { goTo, isExternalUrl, NAVIGATE_EVENT, normalizeRoute, routeFromPathname, splitTarget, subscribeToLocation } from './location.ts';
import { NavigationContext } from './NavigationContext.ts';
import { RouterContext, type RouterValue, type RoutingMode } from './RouterContext.ts';
import { useHashHandoff } from './use-hash-handoff.ts';

export interface RouterProviderProps {
  /** 'path' uses the URL path below `path`, 'hash' uses `#/…`, 'virtual' keeps the route in memory (modals, Storybook). */
  routing: RoutingMode;
  /** The component's mount path, required with 'path' routing: '/sign-in'. */
  path?: string;
  /** Path mode on the server: the request's path (and query), since there is no window there. */
  initialPath?: string;
  /** Virtual mode: the route to start at. */
  initialRoute?: string;
  children?: ReactNode;
}

const PATH_EVENTS = ['popstate', NAVIGATE_EVENT] as const;
const HASH_EVENTS = ['popstate', 'hashchange', NAVIGATE_EVENT] as const;
const subscribePath = (onChange: () => void) => subscribeToLocation(onChange, PATH_EVENTS);
const subscribeHash = (onChange: () => void) => subscribeToLocation(onChange, HASH_EVENTS);
const noSubscription = () => () => undefined;

function useLocationPart(enabled: boolean, subscribe: (cb: () => void) => () => void, read: () => string, server: string): string {
  // Disabled modes still call the hook (hook order); they read a constant.
  return useSyncExternalStore(enabled ? subscribe : noSubscription, enabled ? read : () => server, () => server);
}

/**
 * Routing for one multi-step component. Renders nothing itself; steps read `useRouter()`.
 * SSR-safe: the server renders `initialPath` (path mode) or the start route; the client then
 * follows the real URL. Path mode navigates through the provider's `routerPush`/`routerReplace`
 * when given, else the History API, and follows back/forward.
 *
 * @example
 * <RouterProvider routing="path" path="/sign-in"><SignInSteps /></RouterProvider>
 */
export function RouterProvider({ routing, path, initialPath, initialRoute, children }: RouterProviderProps) {
  if (routing === 'path' && !path) throw new TypeError('Usher: routing="path" needs a `path` prop (e.g. path="/sign-in"), or use routing="hash".');
  const { routerPush, routerReplace } = useContext(NavigationContext);
  const basePath = routing === 'path' ? `/${normalizeRoute(path ?? '')}` : '';
  const initial = splitTarget(initialPath ?? basePath);
  const pathname = useLocationPart(routing === 'path', subscribePath, () => window.location.pathname, `/${initial.route}`);
  const pathSearch = useLocationPart(routing === 'path', subscribePath, () => window.location.search, initial.search);
  const hash = useLocationPart(routing === 'hash', subscribeHash, () => window.location.hash, '');
  const [virtual, setVirtual] = useState(() => splitTarget(initialRoute ?? ''));

  let current: { route: string; search: string };
  if (routing === 'path') current = { route: routeFromPathname(pathname, basePath), search: pathSearch };
  else if (routing === 'hash') current = splitTarget(hash.replace(/^#/, ''));
  else current = virtual;

  const href = useCallback(
    (to: string) => {
      const { route, search } = splitTarget(to);
      if (routing === 'path') {
        const pathname = [basePath, route].map(normalizeRoute).filter(Boolean).join('/');
        return `/${pathname}${search}`;
      }
      if (routing === 'hash') return `#/${route}${search}`;
      return '#';
    },
    [routing, basePath],
  );

  const navigate = useCallback(
    async (to: string, options: { replace?: boolean } = {}) => {
      if (routing === 'virtual') {
        setVirtual(splitTarget(to));
        return;
      }
      if (typeof window === 'undefined') return;
      if (routing === 'hash') {
        // Same document: the History API is enough, whatever router the host uses.
        await goTo(`${window.location.pathname}${window.location.search}${href(to)}`, { replace: options.replace });
        return;
      }
      await goTo(href(to), { replace: options.replace, push: routerPush, replaceFn: routerReplace });
    },
    [routing, href, routerPush, routerReplace],
  );

  const redirect = useCallback(
    async (url: string, options: { replace?: boolean } = {}) => {
      if (typeof window === 'undefined') return;
      if (isExternalUrl(url)) {
        window.location[options.replace ? 'replace' : 'assign'](url);
        return;
      }
      await goTo(url, { replace: options.replace, push: routerPush, replaceFn: routerReplace });
    },
    [routerPush, routerReplace],
  );

  useHashHandoff(routing === 'path', navigate);

  const { route, search } = current;
  const value = useMemo<RouterValue>(
    () => ({
      mode: routing,
      baseUrl: routing === 'path' ? basePath : '',
      route,
      searchParams: new URLSearchParams(search),
      navigate,
      href,
      redirect,
      matches: (target, options) => {
        const wanted = normalizeRoute(target);
        return route === wanted || (!!options?.prefix && (wanted === '' || route.startsWith(`${wanted}/`)));
      },
    }),
    [routing, basePath, route, search, navigate, href, redirect],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

/**
 * The router of the enclosing component.
 * @example const { route, navigate } = useRouter(); if (route === '') return <Start onNext={() => navigate('factor-one')} />;
 */
export function useRouter(): RouterValue {
  const router = useContext(RouterContext);
  if (!router) throw new TypeError('useRouter() must be used inside a <RouterProvider>.');
  return router;
}
