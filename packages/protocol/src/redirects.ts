/**
 * The redirect allow-list, as one pure function with no dependencies, shared by the server and
 * the UI so that both apply the very same rules. Import it from `@usher/protocol/redirects` in
 * browser code: the package index also re-exports zod schemas, which a UI bundle must not carry.
 *
 * Accepted: a relative path starting with exactly one `/` (`/dashboard?tab=1#x`), or an absolute
 * `http(s)://` URL whose origin is allowed and that carries no credentials.
 * Refused: `//evil.com`, `/\evil.com`, `https:evil.com`, `javascript:…`, `app.com@evil.com`,
 * `evil.com?.app.com`, any control character (CR, LF, tab…), space, backslash or non-ASCII
 * character (which covers look-alike dots such as U+3002 and U+FF0E: encode them as %xx).
 *
 * @example
 * isAllowedRedirectUrl('/after', ['https://app.com']) // true
 * isAllowedRedirectUrl('https://app.com/x', ['https://app.com']) // true
 * isAllowedRedirectUrl('//evil.com', ['https://app.com']) // false
 */
export function isAllowedRedirectUrl(value: string, allowedOrigins: readonly string[]): boolean {
  if (value.length === 0 || value.length > 2048) return false;
  // Printable ASCII only: no controls, no spaces, no Unicode look-alikes.
  if (!/^[\x21-\x7e]+$/.test(value)) return false;
  if (value.includes('\\')) return false;

  if (value.startsWith('/')) {
    if (value.startsWith('//')) return false;
    const base = 'https://redirect-check.invalid';
    const parsed = tryParseUrl(value, base);
    return parsed !== null && parsed.origin === base;
  }

  const scheme = /^(https?):\/\//i.exec(value);
  if (!scheme) return false;
  const parsed = tryParseUrl(value);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const origins = new Set(allowedOrigins.map(normalizeOrigin).filter((o): o is string => o !== null));
  if (!origins.has(parsed.origin)) return false;
  // The raw text must itself start with the origin and end the authority right after it, so no
  // parser difference between us and a browser can move the host.
  const rest = value.slice(parsed.origin.length);
  return value.slice(0, parsed.origin.length).toLowerCase() === parsed.origin && (rest === '' || /^[/?#]/.test(rest));
}

/** `https://App.com:443/` → `https://app.com`; null for anything that is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  const parsed = tryParseUrl(value);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  return parsed.origin;
}

function tryParseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
