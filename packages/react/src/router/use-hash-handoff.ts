import { useEffect } from 'react';
import { splitTarget } from './location.ts';

/**
 * Path routing: a URL built without knowing how the component routes (`/sign-in#/continue`, from
 * the OAuth return page) moves to its path form (`/sign-in/continue`) once, on arrival. Hash
 * links that are not routes (`#section`) are left alone.
 */
export function useHashHandoff(enabled: boolean, navigate: (to: string, options: { replace: boolean }) => Promise<void>): void {
  useEffect(() => {
    if (!enabled || typeof window === 'undefined' || !window.location.hash.startsWith('#/')) return;
    const { route, search } = splitTarget(window.location.hash.slice(1));
    void navigate(`${route}${search || window.location.search}`, { replace: true });
    // On arrival only: later hash changes belong to the page.
  }, [enabled]);
}
