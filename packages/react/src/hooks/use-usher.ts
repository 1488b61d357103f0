import { useContext, useSyncExternalStore } from 'react';
import type { Usher, UsherSnapshot } from '@usher/core';
import { UsherContext } from '../provider/usher-context.ts';

/**
 * The Usher client of the nearest <UsherProvider>.
 *
 * @example const usher = useUsher(); await usher.signOut();
 */
export function useUsher(): Usher {
  const usher = useContext(UsherContext);
  if (!usher) throw new TypeError('Usher hooks must be used inside <UsherProvider>.');
  return usher;
}

/** The current immutable snapshot; re-renders only when it changes. */
export function useUsherSnapshot(): UsherSnapshot {
  const usher = useUsher();
  return useSyncExternalStore(usher.subscribe, usher.getSnapshot, usher.getSnapshot);
}
