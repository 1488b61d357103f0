import { useSyncExternalStore, type MouseEvent } from 'react';

/** A tiny History API router: enough for a playground, and what UsherProvider's routerPush/routerReplace call. */
const CHANGE = 'playground:navigate';

function subscribe(notify: () => void) {
  window.addEventListener('popstate', notify);
  window.addEventListener(CHANGE, notify);
  return () => {
    window.removeEventListener('popstate', notify);
    window.removeEventListener(CHANGE, notify);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
}

function go(to: string, replace: boolean) {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location[replace ? 'replace' : 'assign'](url.href);
    return;
  }
  window.history[replace ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
  window.dispatchEvent(new Event(CHANGE));
}

export const push = (to: string) => go(to, false);
export const replace = (to: string) => go(to, true);

/** Client-side navigation for plain links; modified clicks (new tab…) keep the browser's behaviour. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (event.currentTarget.target && event.currentTarget.target !== '_self') return;
  event.preventDefault();
  push(event.currentTarget.href);
}
