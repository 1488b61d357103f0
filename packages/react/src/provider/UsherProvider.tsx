import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Usher, type UsherOptions } from '@usher/core';
import { AppearanceProviderContext } from '../appearance/AppearanceContext.ts';
import type { ProviderAppearance } from '../appearance/types.ts';
import { LocalizationProvider } from '../localization/LocalizationProvider.tsx';
import type { LocalizationResource } from '../localization/types.ts';
import { NavigationContext, type RouterFn } from '../router/NavigationContext.ts';
import { InitialStateContext, type UsherInitialState } from './initial-state.ts';
import { UsherContext } from './usher-context.ts';

export interface UsherProviderProps {
  /** Base URL of the Frontend API: '' (same origin), '/__usher' or 'https://auth.example.com'. No publishable key needed. */
  frontendApi?: string;
  /** An instance you created yourself (tests, SSR, several providers sharing one client). */
  usher?: Usher;
  /** Options passed to `new Usher(...)` when the provider creates the instance. */
  options?: Omit<UsherOptions, 'frontendApi'>;
  /** How every component looks: `baseTheme`, `variables`, `elements`, `layout`, plus per-component keys (`signIn`…). */
  appearance?: ProviderAppearance;
  /** Strings deep-merged over English, e.g. `{ signIn: { start: { title: 'Welcome' } } }`, and a `locale` for Intl. */
  localization?: LocalizationResource;
  /** The app router's push (Next.js `router.push`, React Router `navigate`); default `history.pushState`. */
  routerPush?: RouterFn;
  /** The app router's replace; default `history.replaceState`. */
  routerReplace?: RouterFn;
  /**
   * What the server knew about this request (the verified session token's `sub`, `sid` and org
   * claims), so server HTML and hydration show the right side before the client loads: `useAuth()`,
   * `<SignedIn>`, `<SignedOut>` and `<Protect>` answer from it until then. Without it, server
   * rendering shows the not-loaded state (`isLoaded: false`).
   */
  initialState?: UsherInitialState | null;
  /** A CSP nonce for Usher's <style> elements. */
  nonce?: string;
  children?: ReactNode;
}

/**
 * Makes an Usher client available to the hooks and components below it, and loads it (in the
 * browser only: server rendering never touches `window` and renders the not-loaded state).
 *
 * @example
 * <UsherProvider frontendApi="" appearance={{ variables: { colorPrimary: '#0f766e' } }} routerPush={(to) => router.push(to)}>
 *   <App />
 * </UsherProvider>
 */
export function UsherProvider({ frontendApi, usher: given, options, appearance, localization, routerPush, routerReplace, initialState = null, nonce, children }: UsherProviderProps) {
  if (!given && frontendApi === undefined) throw new TypeError('<UsherProvider> needs a `frontendApi` (or an `usher` instance).');
  // One instance per provider for its whole life: changing props later does not swap clients.
  const [usher] = useState(() => given ?? new Usher({ ...options, frontendApi: frontendApi ?? '' }));
  const owned = usher !== given;

  // StrictMode (and fast refresh) run the cleanup and the effect again on the same instance: the
  // destroy is deferred one tick and cancelled by the re-run, so only a real unmount destroys.
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (pendingDestroy.current !== null) {
      clearTimeout(pendingDestroy.current);
      pendingDestroy.current = null;
    }
    void usher.load().catch(() => {
      // load() failures surface through the snapshot (isLoaded stays false); nothing to do here.
    });
    if (!owned) return undefined;
    return () => {
      pendingDestroy.current = setTimeout(() => usher.destroy(), 0);
    };
  }, [usher, owned]);

  const appearanceValue = useMemo(() => ({ appearance: appearance ?? null, nonce }), [appearance, nonce]);
  const navigation = useMemo(() => ({ routerPush, routerReplace }), [routerPush, routerReplace]);

  return (
    <UsherContext.Provider value={usher}>
      <InitialStateContext.Provider value={initialState}>
        <AppearanceProviderContext.Provider value={appearanceValue}>
          <LocalizationProvider localization={localization}>
            <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>
          </LocalizationProvider>
        </AppearanceProviderContext.Provider>
      </InitialStateContext.Provider>
    </UsherContext.Provider>
  );
}
