import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../node/sqlite-store.ts';
import { storeConformance } from './store.case.ts';
import type { Store } from './types.ts';

storeConformance('sqlite :memory:', () => openSqliteStore(':memory:'));

const directories = new Map<Store, string>();
storeConformance(
  'sqlite file',
  async () => {
    const directory = mkdtempSync(join(tmpdir(), 'usher-store-'));
    const store = await openSqliteStore(join(directory, 'usher.db'));
    directories.set(store, directory);
    return store;
  },
  async (store) => {
    await store.close();
    rmSync(directories.get(store)!, { recursive: true, force: true });
    directories.delete(store);
  },
);

describe('sqlite file shared by two stores (two connections, as two processes would have)', () => {
  let directory = '';
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('the second store finds the schema migrated and the data there', async () => {
    directory = mkdtempSync(join(tmpdir(), 'usher-store-'));
    const file = join(directory, 'usher.db');
    const first = await openSqliteStore(file);
    await first.putSetting('instance', { name: 'Acme' });
    const second = await openSqliteStore(file);
    expect(await second.getSetting('instance')).toEqual({ name: 'Acme' });
    await Promise.all([first.close(), second.close()]);
  });

  it('given a right code, 20 redemptions split over both connections → exactly one verified', async () => {
    directory = mkdtempSync(join(tmpdir(), 'usher-store-'));
    const file = join(directory, 'usher.db');
    const stores = [await openSqliteStore(file), await openSqliteStore(file)] as const;
    const now = 1_700_000_000_000;
    const codeHash = 'c'.repeat(64);
    await stores[0].prepareVerification(
      { id: 'ver_1', purpose: 'sign_up', ownerId: 'sua_1', strategy: 'email_code', codeHash, status: 'unverified', attempts: 0, maxAttempts: 5, expireAt: now + 600_000, verifiedAt: null, createdAt: now, updatedAt: now },
      { id: 'msg_1', kind: 'email', payload: {}, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, updatedAt: now },
    );
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.consumeVerification({ ownerId: 'sua_1', purpose: 'sign_up', codeHash, now: now + 1 })));
    expect(results.filter((r) => r.outcome === 'verified')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already_verified')).toHaveLength(19);
    await Promise.all(stores.map((s) => s.close()));
  });
});
