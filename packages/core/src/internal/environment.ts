/**
 * Feature detection of the host. Nothing here touches `window`/`document` at import time, so
 * the SDK loads in Node (SSR, tests).
 */

/** The minimal Storage the SDK needs (localStorage satisfies it). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Answers localStorage when the host has a usable one (it may throw in private modes). */
export function defaultStorage(): StorageLike | null {
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** The DOM document when there is one. */
export function currentDocument(): { cookie: string; visibilityState?: string; addEventListener?: Document['addEventListener']; removeEventListener?: Document['removeEventListener'] } | null {
  const doc = (globalThis as { document?: Document }).document;
  return doc ?? null;
}

export function isHttpsPage(): boolean {
  const location = (globalThis as { location?: { protocol?: string } }).location;
  return location?.protocol === 'https:';
}

/** Storage access never breaks a flow: a full or blocked storage only loses the cache. */
export function safeStorage(storage: StorageLike | null): StorageLike | null {
  if (!storage) return null;
  return {
    getItem(key) {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        storage.setItem(key, value);
      } catch {
        // quota or privacy mode: the cache is an optimisation only
      }
    },
    removeItem(key) {
      try {
        storage.removeItem(key);
      } catch {
        // see setItem
      }
    },
  };
}
