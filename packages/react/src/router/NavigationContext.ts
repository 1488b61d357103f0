import { createContext } from 'react';

/** Navigates the host app to a URL; may return a promise (Next.js, React Router…). */
export type RouterFn = (to: string) => unknown;

/** The host app's navigation, given to <UsherProvider> as `routerPush`/`routerReplace`. */
export interface NavigationValue {
  routerPush?: RouterFn;
  routerReplace?: RouterFn;
}

export const NavigationContext = createContext<NavigationValue>({});
