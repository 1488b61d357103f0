import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for migrations, instance settings and signing keys. Each test gets a fresh store from `make`. */
export function settingsAndKeysCases(make: MakeStore, teardown: TeardownStore): void {
  describe('migrations', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('given a migrated store, migrating again changes nothing and keeps the data', async () => {
      await store.putSetting('instance', { name: 'Acme' });
      await store.migrate();
      await Promise.all([store.migrate(), store.migrate()]);
      expect(await store.getSetting('instance')).toEqual({ name: 'Acme' });
    });
  });

  describe('settings', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('an absent key reads as null', async () => {
      expect(await store.getSetting('missing')).toBeNull();
    });
    it('a stored JSON document reads back equal, and putSetting replaces it', async () => {
      await store.putSetting('instance', { name: 'Acme', lockout: { maxAttempts: 100 }, flags: [true, false] });
      expect(await store.getSetting('instance')).toEqual({ name: 'Acme', lockout: { maxAttempts: 100 }, flags: [true, false] });
      await store.putSetting('instance', { name: 'Globex' });
      expect(await store.getSetting('instance')).toEqual({ name: 'Globex' });
    });
    it('a document read back is a copy: mutating it does not change the stored one', async () => {
      await store.putSetting('instance', { name: 'Acme' });
      const read = await store.getSetting<{ name: string }>('instance');
      read!.name = 'mutated';
      expect(await store.getSetting('instance')).toEqual({ name: 'Acme' });
    });
    it('updateSetting applies 20 concurrent updates one after the other: none is lost', async () => {
      expect(await store.updateSetting<number>('counter', (n) => (n ?? 0) + 1)).toBe(1);
      await Promise.all(Array.from({ length: 20 }, () => store.updateSetting<number>('counter', (n) => (n ?? 0) + 1)));
      expect(await store.getSetting<number>('counter')).toBe(21);
      expect(await store.updateSetting<{ a: number }>('doc', (d) => ({ a: (d?.a ?? 0) + 5 }))).toEqual({ a: 5 });
    });
    it('putSettingIfAbsent stores into an empty key and answers the value', async () => {
      expect(await store.putSettingIfAbsent('secret', 'first')).toBe('first');
      expect(await store.getSetting('secret')).toBe('first');
    });
    it('putSettingIfAbsent never overwrites: it answers what is already stored', async () => {
      await store.putSetting('secret', 'existing');
      expect(await store.putSettingIfAbsent('secret', 'second')).toBe('existing');
      expect(await store.getSetting('secret')).toBe('existing');
    });
    it('given 10 instances racing to create the instance secret, all of them end up with the same one', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => store.putSettingIfAbsent('secret', `candidate-${i}`)));
      const stored = await store.getSetting<string>('secret');
      expect(stored).toMatch(/^candidate-\d$/);
      expect(new Set(answers)).toEqual(new Set([stored]));
    });
  });

  describe('signing keys', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    const aKey = (kid: string, createdAt: number) => ({ kid, alg: 'ES256' as const, privateJwk: `{"kid":"${kid}","d":"x"}`, publicJwk: `{"kid":"${kid}"}`, createdAt, retiredAt: null });
    it('lists inserted keys oldest first, with every field', async () => {
      await store.insertSigningKey(aKey('k2', T0 + 1));
      await store.insertSigningKey({ ...aKey('k1', T0), alg: 'RS256' });
      expect(await store.listSigningKeys()).toEqual([{ ...aKey('k1', T0), alg: 'RS256' }, aKey('k2', T0 + 1)]);
    });
    it('retiring a key records when it stopped signing; a second retirement keeps the first time', async () => {
      await store.insertSigningKey(aKey('k1', T0));
      await store.retireSigningKey('k1', T0 + 10);
      await store.retireSigningKey('k1', T0 + 20);
      expect((await store.listSigningKeys())[0]?.retiredAt).toBe(T0 + 10);
    });
    it('deletes only keys retired before the cutoff, and answers how many', async () => {
      await store.insertSigningKey(aKey('active', T0));
      await store.insertSigningKey(aKey('old', T0));
      await store.insertSigningKey(aKey('recent', T0));
      await store.retireSigningKey('old', T0 + 100);
      await store.retireSigningKey('recent', T0 + 500);
      expect(await store.deleteRetiredSigningKeys(T0 + 200)).toBe(1);
      expect((await store.listSigningKeys()).map((k) => k.kid).sort()).toEqual(['active', 'recent']);
    });
  });
}
