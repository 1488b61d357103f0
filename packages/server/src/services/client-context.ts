import { hashClientToken, isWellFormedClientToken, issueClientToken, type IssuedClientToken } from '../crypto/client-token.ts';
import type { ClientRecord, SessionDevice } from '../store/types.ts';
import type { Runtime } from './runtime.ts';

/**
 * The device (browser or app) behind a request: its client, if the presented token names one, and
 * any new token the request issued (a lazily created client, or a rotation at sign-in). The HTTP
 * layer writes `issuedToken` back as a cookie or a response header.
 */
export class ClientContext {
  private current: ClientRecord | null;
  /** A token created or rotated by this request; it replaces the presented one. */
  issuedToken: string | null = null;
  /** The signed-in state changed (sign-in, sign-up, sign-out): app servers are told via `__client_uat`. */
  authStateChangedAt: number | null = null;
  /** The requesting device (set by the HTTP layer); a session created by this request records it. */
  device: SessionDevice = { userAgent: null, ipAddress: null, city: null, country: null };

  private constructor(
    private readonly rt: Runtime,
    client: ClientRecord | null,
    /** The token the request came with, when it named a live client. */
    readonly presentedToken: string | null,
  ) {
    this.current = client;
  }

  /** Resolves the client named by a presented token; an unknown or malformed token means no client. */
  static async resolve(rt: Runtime, token: string | null): Promise<ClientContext> {
    if (token === null || !isWellFormedClientToken(token)) return new ClientContext(rt, null, null);
    const client = await rt.store.findClientByTokenHash(await hashClientToken(token));
    return new ClientContext(rt, client, client ? token : null);
  }

  get client(): ClientRecord | null {
    return this.current;
  }

  /** The token the response should carry (the new one if any, else the presented one). */
  get effectiveToken(): string | null {
    return this.issuedToken ?? this.presentedToken;
  }

  /** The client, created on first need (the first mutation of a new device). */
  async ensure(): Promise<ClientRecord> {
    if (this.current) return this.current;
    const issued = await issueClientToken(this.rt.random);
    const now = this.rt.now();
    const client: ClientRecord = {
      id: this.rt.newId('client'),
      tokenHash: issued.tokenHash,
      signInId: null,
      signUpId: null,
      lastActiveSessionId: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.rt.store.createClient(client);
    this.current = client;
    this.issuedToken = issued.token;
    return client;
  }

  /** A fresh token for a rotation; commit it with `rotated()` once the store accepted its hash. */
  prepareRotation(): Promise<IssuedClientToken> {
    return issueClientToken(this.rt.random);
  }

  rotated(token: string, now: number): void {
    this.issuedToken = token;
    this.authStateChangedAt = now;
  }

  signedOut(now: number): void {
    this.authStateChangedAt = now;
  }

  /** Re-reads the client after a store method changed it. */
  async reload(): Promise<ClientRecord | null> {
    if (!this.current) return null;
    this.current = await this.rt.store.getClient(this.current.id);
    return this.current;
  }
}
