import type { EnvironmentJSON } from '@usher/protocol';
import type { StorageLike } from '../internal/environment.ts';
import { isEnvironmentJSON } from '../resources/environment.ts';

/**
 * The last environment seen, kept in storage so a returning visitor renders at once while a
 * fresh copy loads (stale-while-revalidate). It holds instance settings only, nothing secret.
 */
export class EnvironmentCache {
  readonly #storage: StorageLike | null;
  readonly #key: string;

  constructor(storage: StorageLike | null, key: string) {
    this.#storage = storage;
    this.#key = key;
  }

  read(): EnvironmentJSON | null {
    const text = this.#storage?.getItem(this.#key);
    if (!text) return null;
    try {
      const value = JSON.parse(text) as unknown;
      return isEnvironmentJSON(value) ? value : null;
    } catch {
      return null;
    }
  }

  write(json: EnvironmentJSON): void {
    this.#storage?.setItem(this.#key, JSON.stringify(json));
  }
}
