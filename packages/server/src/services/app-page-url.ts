import { UsherError } from '../errors.ts';
import { isAllowedRedirectUrl } from './redirects.ts';
import type { Runtime } from './runtime.ts';

/**
 * A page of the app that the API sends the browser to (an emailed link, the return from a
 * provider): an absolute URL of an allowed origin, or a path of the calling page's origin (itself
 * checked against the allowed origins). Never derived from the Host header.
 */
export function appPageUrl(rt: Runtime, url: string | undefined, origin: string | null, what: string): URL {
  const base = origin && rt.allowedOrigins.has(origin) ? origin : null;
  if (!url || !isAllowedRedirectUrl(url, [...rt.allowedOrigins])) throw new UsherError('redirect_url_invalid', { paramName: 'redirect_url', longMessage: `Give the page ${what}: a path of this app, or a URL of an allowed origin.` });
  if (url.startsWith('/') && !base) throw new UsherError('redirect_url_invalid', { paramName: 'redirect_url', longMessage: 'A relative page needs the calling page’s Origin; give an absolute URL.' });
  return new URL(url, base ?? undefined);
}
