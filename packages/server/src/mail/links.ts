import { isAllowedRedirectUrl } from '../services/redirects.ts';

/**
 * An absolute link for an email. It is built from the configured public URL only — never from
 * Host or X-Forwarded-Host — so a forged header cannot point a real email at another site.
 * A path that is not a safe relative path falls back to the public URL itself.
 */
export function publicLink(publicUrl: string, path: string): string {
  if (!isAllowedRedirectUrl(path, []) || !path.startsWith('/')) return new URL(publicUrl).href;
  return new URL(path, publicUrl).href;
}
