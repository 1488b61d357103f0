import { useSyncExternalStore } from 'react';
import type { Usher } from '@usher/core';

/** The playground reads the headless SDK directly; the components package wraps the same calls. */
export function useUsherSnapshot(usher: Usher) {
  return useSyncExternalStore(usher.subscribe, usher.getSnapshot, usher.getSnapshot);
}

export function useHashRoute(): string {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('hashchange', notify);
      return () => window.removeEventListener('hashchange', notify);
    },
    () => window.location.hash.replace(/^#/, '') || '/',
    () => '/',
  );
}
