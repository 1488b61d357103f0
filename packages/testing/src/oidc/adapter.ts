import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * oidc-provider's storage, in memory and private to one provider (its own memory adapter logs a
 * warning). Clients registered at runtime are stored here under the `Client` model.
 */
export class MemoryStore {
  readonly #entries = new Map<string, Entry>();

  /** The `adapter` option: a factory oidc-provider calls once per model name. */
  readonly factory = (model: string): Adapter => new ModelAdapter(this, model);

  get(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresIn: number | undefined): void {
    const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
    this.#entries.set(key, { payload, expiresAt });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /** Every live entry of a model, for the secondary lookups (by uid, user code, grant). */
  *entriesOf(model: string): Generator<[id: string, payload: AdapterPayload]> {
    const prefix = `${model}:`;
    for (const key of [...this.#entries.keys()]) {
      if (!key.startsWith(prefix)) continue;
      const payload = this.get(key);
      if (payload) yield [key.slice(prefix.length), payload];
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}

class ModelAdapter implements Adapter {
  readonly #store: MemoryStore;
  readonly #model: string;

  constructor(store: MemoryStore, model: string) {
    this.#store = store;
    this.#model = model;
  }

  #key(id: string): string {
    return `${this.#model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void> {
    this.#store.set(this.#key(id), payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.#store.get(this.#key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    for (const [, payload] of this.#store.entriesOf(this.#model)) if (payload.uid === uid) return payload;
    return undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    for (const [, payload] of this.#store.entriesOf(this.#model)) if (payload.userCode === userCode) return payload;
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const payload = this.#store.get(this.#key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.#store.delete(this.#key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const model of ['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']) {
      for (const [id, payload] of this.#store.entriesOf(model)) {
        if (payload.grantId === grantId) this.#store.delete(`${model}:${id}`);
      }
    }
  }
}
