/**
 * A browser's cookie store for one site, small enough for tests: Node's fetch has none, so the
 * mock keeps the API's cookies here and sends them back like a browser would.
 */
export class CookieJar {
  readonly #cookies = new Map<string, { value: string; expiresAt: number | null }>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Applies the `Set-Cookie` headers of a response. */
  store(setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let expiresAt: number | null = null;
      for (const attribute of attributes) {
        const [rawKey = '', ...rest] = attribute.split('=');
        const key = rawKey.trim().toLowerCase();
        const attrValue = rest.join('=').trim();
        if (key === 'max-age') expiresAt = this.#now() + Number(attrValue) * 1000;
        else if (key === 'expires' && expiresAt === null) expiresAt = Date.parse(attrValue);
      }
      if (value === '' || (expiresAt !== null && expiresAt <= this.#now())) this.#cookies.delete(name);
      else this.#cookies.set(name, { value, expiresAt });
    }
  }

  /** The `Cookie` request header, or null when the jar is empty. */
  header(): string | null {
    const parts: string[] = [];
    for (const [name, cookie] of this.#cookies) {
      if (cookie.expiresAt !== null && cookie.expiresAt <= this.#now()) continue;
      parts.push(`${name}=${cookie.value}`);
    }
    return parts.length > 0 ? parts.join('; ') : null;
  }

  get(name: string): string | null {
    return this.#cookies.get(name)?.value ?? null;
  }

  clear(): void {
    this.#cookies.clear();
  }
}
