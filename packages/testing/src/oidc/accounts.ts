import type { Account } from 'oidc-provider';
import type { OidcAccount } from './types.ts';

/** The provider's users, keyed by `sub`; oidc-provider reads them through `findAccount`. */
export class AccountStore {
  readonly #accounts = new Map<string, OidcAccount>();

  add(account: OidcAccount): void {
    if (!account.sub) throw new Error('startOidcProvider: an account needs a sub');
    this.#accounts.set(account.sub, { ...account });
  }

  update(sub: string, patch: Partial<Omit<OidcAccount, 'sub'>>): void {
    const current = this.#accounts.get(sub);
    if (!current) throw new Error(`startOidcProvider: no account ${sub}`);
    const next: Record<string, unknown> = { ...current };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'sub') continue;
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    this.#accounts.set(sub, next as unknown as OidcAccount);
  }

  has(sub: string): boolean {
    return this.#accounts.has(sub);
  }

  /** oidc-provider's `findAccount`: claims are read at the time a token or userinfo is made. */
  readonly findAccount = async (_ctx: unknown, sub: string): Promise<Account | undefined> => {
    if (!this.#accounts.has(sub)) return undefined;
    return {
      accountId: sub,
      claims: async () => {
        const account = this.#accounts.get(sub);
        return { ...account, sub };
      },
    };
  };
}
