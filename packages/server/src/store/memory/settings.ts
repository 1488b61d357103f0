import type { Store } from '../types.ts';
import { assertAbsent, byCreation, copy, type MemoryTables } from './tables.ts';

type SettingsMethods = Pick<
  Store,
  'getSetting' | 'putSetting' | 'putSettingIfAbsent' | 'updateSetting' | 'listSigningKeys' | 'insertSigningKey' | 'retireSigningKey' | 'deleteRetiredSigningKeys'
>;

export function memorySettings(t: MemoryTables): SettingsMethods {
  return {
    async getSetting<T>(key: string) {
      const text = t.settings.get(key);
      return text === undefined ? null : (JSON.parse(text) as T);
    },
    async putSetting(key, value) {
      t.settings.set(key, JSON.stringify(value));
    },
    async putSettingIfAbsent<T>(key: string, value: T) {
      if (!t.settings.has(key)) t.settings.set(key, JSON.stringify(value));
      return JSON.parse(t.settings.get(key) as string) as T;
    },
    async updateSetting<T>(key: string, update: (current: T | null) => T) {
      const text = t.settings.get(key);
      const next = update(text === undefined ? null : (JSON.parse(text) as T));
      t.settings.set(key, JSON.stringify(next));
      return JSON.parse(JSON.stringify(next)) as T;
    },

    async listSigningKeys() {
      return [...t.signingKeys.values()].sort(byCreation((k) => k.kid)).map(copy);
    },
    async insertSigningKey(key) {
      assertAbsent(t.signingKeys, key.kid, 'signing key');
      t.signingKeys.set(key.kid, copy(key));
    },
    async retireSigningKey(kid, retiredAt) {
      const key = t.signingKeys.get(kid);
      // The first retirement wins: moving it later or earlier would change how long its tokens stay verifiable.
      if (key && key.retiredAt === null) key.retiredAt = retiredAt;
    },
    async deleteRetiredSigningKeys(before) {
      let deleted = 0;
      for (const key of [...t.signingKeys.values()]) {
        if (key.retiredAt !== null && key.retiredAt < before) {
          t.signingKeys.delete(key.kid);
          deleted += 1;
        }
      }
      return deleted;
    },
  };
}
