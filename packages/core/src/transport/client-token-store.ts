import type { StorageLike } from '../internal/environment.ts';

/**
 * Holds the bearer client token: in memory always, in storage when asked to (a native shell or
 * a script that wants to survive restarts). The token is a credential: it never goes to logs,
 * errors or the BroadcastChannel.
 */
export class ClientTokenStore {
  #token: string | null;
  readonly #storage: StorageLike | null;
  readonly #key: string;

  constructor(input: { initial: string | null; storage: StorageLike | null; key: string }) {
    this.#storage = input.storage;
    this.#key = input.key;
    this.#token = input.initial ?? input.storage?.getItem(input.key) ?? null;
  }

  get(): string | null {
    return this.#token;
  }

  set(token: string | null): void {
    if (token === this.#token) return;
    this.#token = token;
    if (!this.#storage) return;
    if (token === null) this.#storage.removeItem(this.#key);
    else this.#storage.setItem(this.#key, token);
  }
}
