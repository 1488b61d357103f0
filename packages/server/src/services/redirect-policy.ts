import { UsherError } from '../errors.ts';
import { isAllowedRedirectUrl } from './redirects.ts';
import type { Runtime } from './runtime.ts';

/** Answers the redirect URL when the allow-list accepts it, else 422 redirect_url_invalid. */
export function assertRedirectUrl(rt: Runtime, value: string, paramName = 'redirect_url'): string {
  if (!isAllowedRedirectUrl(value, [...rt.allowedOrigins])) throw new UsherError('redirect_url_invalid', { paramName });
  return value;
}
