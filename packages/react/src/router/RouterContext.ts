import { createContext } from 'react';

export type RoutingMode = 'path' | 'hash' | 'virtual';

/** What `useRouter()` answers inside a component's <RouterProvider>. */
export interface RouterValue {
  mode: RoutingMode;
  /** The component's own path ('/sign-in') in path mode; '' otherwise. */
  baseUrl: string;
  /** The current step, relative and slash-trimmed: '' is the component's first page, then 'factor-one'… */
  route: string;
  /** The query of the current route. */
  searchParams: URLSearchParams;
  /**
   * Goes to another step of this component: `navigate('factor-one')`, `navigate('')` for its start,
   * `navigate('verify?code=1', { replace: true })`.
   */
  navigate: (to: string, options?: { replace?: boolean }) => Promise<void>;
  /** The href of a step, for real links (`<a href={href('sign-up')}>`). */
  href: (to: string) => string;
  /** Leaves the component for a URL of the app (host router) or another origin (full page load). */
  redirect: (url: string, options?: { replace?: boolean }) => Promise<void>;
  /** Whether the current route is `route`, or below it with `{ prefix: true }`. */
  matches: (route: string, options?: { prefix?: boolean }) => boolean;
}

export const RouterContext = createContext<RouterValue | null>(null);
