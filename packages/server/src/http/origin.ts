import { UsherError } from '../errors.ts';
import { normalizeOrigin } from '../services/redirects.ts';

export interface OriginPolicy {
  isAllowedOrigin(origin: string): boolean;
}

/** The request's Origin when it is allowed, else undefined. `Origin: null` is never allowed. */
export function allowedRequestOrigin(request: Request, policy: OriginPolicy): string | undefined {
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return undefined;
  const normalized = normalizeOrigin(origin);
  return normalized !== null && policy.isAllowedOrigin(normalized) ? normalized : undefined;
}

/**
 * CSRF defence for state-changing requests. Allowed: an Origin on the allow-list; or no Origin but
 * `Sec-Fetch-Site: same-origin`; or no Origin in bearer mode (native apps and servers send none,
 * and a browser cannot attach a bearer token cross-site without the page's JavaScript having it).
 * Everything else — a foreign Origin, `Origin: null`, a cross-site form post — is 403.
 */
export function assertOriginMayMutate(request: Request, policy: OriginPolicy, bearer: boolean): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (allowedRequestOrigin(request, policy) === undefined) throw new UsherError('origin_invalid');
    return;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin') return;
  if (bearer && (site === null || site === 'none')) return;
  throw new UsherError('origin_invalid', { longMessage: 'State-changing requests must come from an allowed origin.' });
}
