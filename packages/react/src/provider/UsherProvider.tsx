import { useEffect, useState, type ReactNode } from 'react';
import { Usher, type UsherOptions } from '@usher/core';
import { UsherContext } from './usher-context.ts';

export interface UsherProviderProps {
  /** Base URL of the Frontend API: '' (same origin), '/__usher' or 'https://auth.example.com'. */
  frontendApi?: string;
  /** An instance you created yourself (tests, SSR, several providers sharing one client). */
  usher?: Usher;
  /** Options passed to `new Usher(...)` when the provider creates the instance. */
  options?: Omit<UsherOptions, 'frontendApi'>;
  children?: ReactNode;
}

/**
 * Makes an Usher client available to the hooks and components below it, and loads it.
 *
 * @example
 * <UsherProvider frontendApi="">
 *   <App />
 * </UsherProvider>
 */
export function UsherProvider({ frontendApi, usher: given, options, children }: UsherProviderProps) {
  if (!given && frontendApi === undefined) throw new TypeError('<UsherProvider> needs a `frontendApi` (or an `usher` instance).');
  // One instance per provider for its whole life: changing props later does not swap clients.
  const [usher] = useState(() => given ?? new Usher({ ...options, frontendApi: frontendApi ?? '' }));
  const owned = usher !== given;

  useEffect(() => {
    void usher.load().catch(() => {
      // load() failures surface through the snapshot (isLoaded stays false); nothing to do here.
    });
    return owned ? () => usher.destroy() : undefined;
  }, [usher, owned]);

  return <UsherContext.Provider value={usher}>{children}</UsherContext.Provider>;
}
