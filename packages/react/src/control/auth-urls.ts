import type { Environment } from '@usher/core';
import { isAllowedRedirectUrl } from '@usher/protocol/redirects';

/** Query parameters of the sign-in/sign-up pages: where to go once the flow completes. */
export const REDIRECT_URL_PARAM = 'redirect_url';
export const FORCE_REDIRECT_URL_PARAM = 'force_redirect_url';
export const FALLBACK_REDIRECT_URL_PARAM = 'fallback_redirect_url';

const DEFAULT_PAGES = { signIn: '/sign-in', signUp: '/sign-up', afterSignOut: '/' } as const;

export interface PageLocation {
  href: string;
  origin: string;
}

/** The page's location; null where there is none (server rendering, React Native). */
export function currentLocation(): PageLocation | null {
  const location = (globalThis as { location?: Partial<Location> }).location;
  if (!location || typeof location.href !== 'string' || typeof location.origin !== 'string' || location.origin === 'null') return null;
  return { href: location.href, origin: location.origin };
}

/**
 * Origins a redirect target may point at: the page's own. (The provider has no
 * `allowedRedirectOrigins` yet; when it does, they join here.)
 */
export function allowedRedirectOrigins(location: PageLocation): string[] {
  return [location.origin];
}

/** A redirect target from props or the URL, when the allow-list accepts it; else null. */
export function safeRedirectUrl(value: string | null | undefined, allowedOrigins: readonly string[]): string | null {
  return typeof value === 'string' && isAllowedRedirectUrl(value, allowedOrigins) ? value : null;
}

/**
 * A page URL that the developer or the instance configured (sign-in page, after-sign-out page):
 * any relative path or http(s) URL without credentials, on any origin, but never `//host`,
 * `javascript:` and the like.
 */
export function isNavigableUrl(value: string, location: PageLocation): boolean {
  if (value.startsWith('/')) return isAllowedRedirectUrl(value, [location.origin]);
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    return false;
  }
  return isAllowedRedirectUrl(value, [origin]);
}

export interface AuthPageUrlOptions {
  /** Which page. */
  page: 'signIn' | 'signUp';
  /** The page URL given as a prop (`signInUrl`/`signUpUrl`); wins over the environment's. */
  url?: string | undefined;
  /** Where to come back to; default the current page. */
  redirectUrl?: string | undefined;
  forceRedirectUrl?: string | undefined;
  fallbackRedirectUrl?: string | undefined;
}

/**
 * The sign-in/sign-up page URL with its redirect query: the `url` prop, else the environment's
 * `sign_in_url`/`sign_up_url`, else `/sign-in`/`/sign-up`. Redirect targets that the allow-list
 * refuses are dropped (`redirect_url` then falls back to the current page). A relative page URL
 * stays relative, for client-side routers.
 *
 * @throws TypeError when the `url` prop is not a path or an http(s) URL.
 */
export function authPageUrl(options: AuthPageUrlOptions, environment: Environment | null, location: PageLocation): string {
  const propName = options.page === 'signIn' ? 'signInUrl' : 'signUpUrl';
  if (options.url !== undefined && !isNavigableUrl(options.url, location)) {
    throw new TypeError(`Usher: \`${propName}\` must be a path such as "/sign-in" or an http(s) URL.`);
  }
  const configured = options.page === 'signIn' ? environment?.displayConfig.signInUrl : environment?.displayConfig.signUpUrl;
  const base = options.url ?? (configured && isNavigableUrl(configured, location) ? configured : DEFAULT_PAGES[options.page]);

  const allowed = allowedRedirectOrigins(location);
  const url = new URL(base, location.origin);
  const params: Array<[string, string | null]> = [
    [REDIRECT_URL_PARAM, safeRedirectUrl(options.redirectUrl, allowed) ?? safeRedirectUrl(location.href, allowed)],
    [FORCE_REDIRECT_URL_PARAM, safeRedirectUrl(options.forceRedirectUrl, allowed)],
    [FALLBACK_REDIRECT_URL_PARAM, safeRedirectUrl(options.fallbackRedirectUrl, allowed)],
  ];
  for (const [name, value] of params) if (value !== null) url.searchParams.set(name, value);
  return base.startsWith('/') ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

/**
 * Where to go after signing out: the `redirectUrl` prop when the allow-list accepts it, else the
 * environment's `after_sign_out_url`, else `/`.
 */
export function afterSignOutUrl(redirectUrl: string | undefined, environment: Environment | null, location: PageLocation): string {
  const fromProp = safeRedirectUrl(redirectUrl, allowedRedirectOrigins(location));
  if (fromProp) return fromProp;
  const configured = environment?.displayConfig.afterSignOutUrl;
  return configured && isNavigableUrl(configured, location) ? configured : DEFAULT_PAGES.afterSignOut;
}
