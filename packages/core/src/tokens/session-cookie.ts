import { currentDocument, isHttpsPage } from '../internal/environment.ts';
import { SESSION_COOKIE } from '../internal/wire.ts';

/**
 * Keeps the `__session` cookie (the current session token, for the app's own server) in step
 * with the token manager. Only where a document exists; a no-op in Node.
 */
export class SessionCookie {
  readonly #enabled: boolean;

  constructor(enabled: boolean) {
    this.#enabled = enabled;
  }

  write(jwt: string, maxAgeSeconds: number): void {
    const doc = this.#document();
    if (!doc) return;
    doc.cookie = `${SESSION_COOKIE}=${jwt}; Path=/; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}${isHttpsPage() ? '; Secure' : ''}`;
  }

  remove(): void {
    const doc = this.#document();
    if (!doc) return;
    doc.cookie = `${SESSION_COOKIE}=; Path=/; SameSite=Lax; Max-Age=0${isHttpsPage() ? '; Secure' : ''}`;
  }

  #document(): { cookie: string } | null {
    return this.#enabled ? currentDocument() : null;
  }
}
