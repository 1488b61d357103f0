import type { Environment } from '@usher/core';
import { allowedRedirectOrigins, FALLBACK_REDIRECT_URL_PARAM, FORCE_REDIRECT_URL_PARAM, isNavigableUrl, REDIRECT_URL_PARAM, safeRedirectUrl, type PageLocation } from '../../control/auth-urls.ts';

export interface RedirectProps {
  forceRedirectUrl?: string | undefined;
  fallbackRedirectUrl?: string | undefined;
}

/**
 * Where to go once signed in. Every candidate, props included, passes the same allow-list as the
 * server's (a relative path or this page's origin): force prop → `force_redirect_url` query →
 * `redirect_url` query → fallback prop → `fallback_redirect_url` query → the instance's
 * after_sign_in_url → `/`.
 */
export function afterSignInTarget(props: RedirectProps, environment: Environment | null, location: PageLocation | null): string {
  const allowed = location ? allowedRedirectOrigins(location) : [];
  const query = location ? new URL(location.href).searchParams : new URLSearchParams();
  const candidates = [props.forceRedirectUrl, query.get(FORCE_REDIRECT_URL_PARAM), query.get(REDIRECT_URL_PARAM), props.fallbackRedirectUrl, query.get(FALLBACK_REDIRECT_URL_PARAM)];
  for (const candidate of candidates) {
    const safe = safeRedirectUrl(candidate, allowed);
    if (safe) return safe;
  }
  const configured = environment?.displayConfig.afterSignInUrl;
  return configured && location && isNavigableUrl(configured, location) ? configured : '/';
}
