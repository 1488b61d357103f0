import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, aDevMessage, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for the development mailbox (email and SMS captured instead of sent). Each test gets a fresh store from `make`. */
export function devMessagesCases(make: MakeStore, teardown: TeardownStore): void {
  describe('dev mailbox', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('lists one channel oldest first, paginated, with the total count', async () => {
      const emails = [aDevMessage({ createdAt: T0 + 2 }), aDevMessage({ createdAt: T0 }), aDevMessage({ createdAt: T0 + 1 })];
      const sms = aDevMessage({ channel: 'sms', to: '+15550100', subject: '', html: '' });
      for (const m of [...emails, sms]) await store.insertDevMessage(m);
      expect(await store.listDevMessages({ channel: 'email', limit: 2, offset: 0 })).toEqual({ data: [emails[1], emails[2]], totalCount: 3 });
      expect(await store.listDevMessages({ channel: 'email', limit: 2, offset: 2 })).toEqual({ data: [emails[0]], totalCount: 3 });
      expect(await store.listDevMessages({ channel: 'sms', limit: 10, offset: 0 })).toEqual({ data: [sms], totalCount: 1 });
    });
    it('lists newest first on request, the offset counting from the newest', async () => {
      const emails = [aDevMessage({ createdAt: T0 + 2 }), aDevMessage({ createdAt: T0 }), aDevMessage({ createdAt: T0 + 1 })];
      for (const m of emails) await store.insertDevMessage(m);
      expect(await store.listDevMessages({ channel: 'email', limit: 2, offset: 0, newestFirst: true })).toEqual({ data: [emails[0], emails[2]], totalCount: 3 });
      expect(await store.listDevMessages({ channel: 'email', limit: 2, offset: 2, newestFirst: true })).toEqual({ data: [emails[1]], totalCount: 3 });
    });
    it('clearing empties every channel', async () => {
      await store.insertDevMessage(aDevMessage());
      await store.insertDevMessage(aDevMessage({ channel: 'sms' }));
      await store.clearDevMessages();
      expect(await store.listDevMessages({ channel: 'email', limit: 10, offset: 0 })).toEqual({ data: [], totalCount: 0 });
      expect(await store.listDevMessages({ channel: 'sms', limit: 10, offset: 0 })).toEqual({ data: [], totalCount: 0 });
    });
  });
}
