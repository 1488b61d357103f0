import type { Environment } from '@usher/core';
import {
  allowedRedirectOrigins,
  currentLocation,
  FALLBACK_REDIRECT_URL_PARAM,
  FORCE_REDIRECT_URL_PARAM,
  isNavigableUrl,
  REDIRECT_URL_PARAM,
  safeRedirectUrl,
  type PageLocation,
} from '../../control/auth-urls.ts';

export interface AfterAuthRedirectProps {
  forceRedirectUrl?: string | undefined;
  fallbackRedirectUrl?: string | undefined;
}

function queryOf(location: PageLocation): URLSearchParams {
  try {
    return new URL(location.href).searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/**
 * Where to go once the sign-up is complete, first allowed wins: `forceRedirectUrl` (prop, then
 * `force_redirect_url` query), `redirect_url` query, `fallbackRedirectUrl` (prop, then query),
 * the instance's `after_sign_up_url`, `/`. Every target from props or the URL passes the same
 * allow-list as the server's, so `?redirect_url=//evil.com` falls through to a safe default.
 */
export function afterSignUpUrl(props: AfterAuthRedirectProps, environment: Environment | null, location: PageLocation | null = currentLocation()): string {
  const configured = environment?.displayConfig.afterSignUpUrl;
  if (!location) return configured && configured.startsWith('/') && !configured.startsWith('//') ? configured : '/';
  const allowed = allowedRedirectOrigins(location);
  const query = queryOf(location);
  const candidates = [
    props.forceRedirectUrl,
    query.get(FORCE_REDIRECT_URL_PARAM),
    query.get(REDIRECT_URL_PARAM),
    props.fallbackRedirectUrl,
    query.get(FALLBACK_REDIRECT_URL_PARAM),
  ];
  for (const candidate of candidates) {
    const safe = safeRedirectUrl(candidate, allowed);
    if (safe) return safe;
  }
  return configured && isNavigableUrl(configured, location) ? configured : '/';
}

/**
 * The "Sign in" link: the `signInUrl` prop, else the instance's `sign_in_url`, else `/sign-in`,
 * carrying over the allowed redirect targets of this page so that signing in instead of signing
 * up ends at the same place.
 */
export function signInPageUrl(signInUrl: string | undefined, props: AfterAuthRedirectProps, environment: Environment | null, location: PageLocation | null = currentLocation()): string {
  const configured = environment?.displayConfig.signInUrl;
  if (!location) return signInUrl ?? configured ?? '/sign-in';
  const base = signInUrl !== undefined && isNavigableUrl(signInUrl, location) ? signInUrl : configured && isNavigableUrl(configured, location) ? configured : '/sign-in';
  const allowed = allowedRedirectOrigins(location);
  const query = queryOf(location);
  const url = new URL(base, location.origin);
  const params: Array<[string, string | null]> = [
    [REDIRECT_URL_PARAM, safeRedirectUrl(query.get(REDIRECT_URL_PARAM), allowed)],
    [FORCE_REDIRECT_URL_PARAM, safeRedirectUrl(props.forceRedirectUrl ?? query.get(FORCE_REDIRECT_URL_PARAM), allowed)],
    [FALLBACK_REDIRECT_URL_PARAM, safeRedirectUrl(props.fallbackRedirectUrl ?? query.get(FALLBACK_REDIRECT_URL_PARAM), allowed)],
  ];
  for (const [name, value] of params) if (value !== null) url.searchParams.set(name, value);
  return base.startsWith('/') ? `${url.pathname}${url.search}${url.hash}` : url.href;
}
