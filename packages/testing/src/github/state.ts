import { randomBytes } from 'node:crypto';
import type { FakeGitHubClient, FakeGitHubUser } from './types.ts';

/** An authorization code: single use, 10 minutes, bound to the client, redirect URI and PKCE challenge. */
export interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly login: string;
  readonly scopes: readonly string[];
  readonly codeChallenge: string | null;
  readonly expiresAt: number;
}

export interface IssuedToken {
  readonly login: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export const codeLifetimeMs = 10 * 60_000;

/** Everything the fake knows: apps, users, live codes and tokens. */
export class GitHubState {
  readonly clients = new Map<string, FakeGitHubClient>();
  readonly #users = new Map<string, FakeGitHubUser>();
  readonly codes = new Map<string, IssuedCode>();
  readonly tokens = new Map<string, IssuedToken>();
  autoApprove: string | null;
  readonly requirePkce: boolean;
  readonly now: () => number;

  constructor(options: { autoApprove: string | null; requirePkce: boolean; now: () => number }) {
    this.autoApprove = options.autoApprove;
    this.requirePkce = options.requirePkce;
    this.now = options.now;
  }

  addClient(client: FakeGitHubClient): void {
    if (!client.clientId || !client.clientSecret || client.redirectUris.length === 0) {
      throw new Error('startFakeGitHub: a client needs clientId, clientSecret and at least one redirect URI');
    }
    this.clients.set(client.clientId, { ...client, redirectUris: [...client.redirectUris] });
  }

  addUser(user: FakeGitHubUser): void {
    if (!Number.isInteger(user.id) || !user.login) throw new Error('startFakeGitHub: a user needs a numeric id and a login');
    for (const existing of this.#users.values()) {
      if (existing.id === user.id && existing.login !== user.login) throw new Error(`startFakeGitHub: user id ${user.id} is taken by ${existing.login}`);
    }
    this.#users.set(user.login, { ...user, emails: (user.emails ?? []).map((e) => ({ ...e })) });
  }

  updateUser(login: string, patch: Partial<Omit<FakeGitHubUser, 'login'>>): void {
    const user = this.#users.get(login);
    if (!user) throw new Error(`startFakeGitHub: no user ${login}`);
    this.#users.set(login, { ...user, ...patch, login });
  }

  user(login: string): FakeGitHubUser | undefined {
    return this.#users.get(login);
  }

  logins(): string[] {
    return [...this.#users.keys()];
  }

  issueCode(code: Omit<IssuedCode, 'expiresAt'>): string {
    const value = randomBytes(10).toString('hex');
    this.codes.set(value, { ...code, expiresAt: this.now() + codeLifetimeMs });
    return value;
  }

  /** Removes the code whatever happens next: a code is good for one exchange attempt. */
  takeCode(value: string): IssuedCode | undefined {
    const code = this.codes.get(value);
    this.codes.delete(value);
    if (!code || code.expiresAt <= this.now()) return undefined;
    return code;
  }

  issueToken(token: IssuedToken): string {
    const value = `gho_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
    this.tokens.set(value, token);
    return value;
  }
}
