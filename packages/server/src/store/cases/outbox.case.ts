import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, MINUTE, aMessage, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for the durable outbox: leasing, retries and dead letters. Each test gets a fresh store from `make`. */
export function outboxCases(make: MakeStore, teardown: TeardownStore): void {
  describe('outbox', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    const lease = { leaseMs: MINUTE };
    it('lists enqueued messages oldest first, optionally by status', async () => {
      const a = aMessage();
      const b = aMessage({ createdAt: T0 + 1 });
      await store.enqueueOutbox(b);
      await store.enqueueOutbox(a);
      expect(await store.listOutbox({})).toEqual([a, b]);
      expect(await store.listOutbox({ status: 'pending' })).toEqual([a, b]);
      expect(await store.listOutbox({ status: 'sent' })).toEqual([]);
    });
    it('claiming leases due messages, soonest due first, up to the limit: processing, lockedUntil = now + lease, attempts + 1', async () => {
      const later = aMessage({ nextAttemptAt: T0 + 2 });
      const sooner = aMessage({ nextAttemptAt: T0 + 1 });
      const notDue = aMessage({ nextAttemptAt: T0 + MINUTE });
      for (const m of [later, sooner, notDue]) await store.enqueueOutbox(m);
      const claimed = await store.claimOutbox({ now: T0 + 10, limit: 1, ...lease });
      expect(claimed).toEqual([{ ...sooner, status: 'processing', lockedUntil: T0 + 10 + MINUTE, attempts: 1, updatedAt: T0 + 10 }]);
      expect((await store.claimOutbox({ now: T0 + 10, limit: 10, ...lease })).map((m) => m.id)).toEqual([later.id]);
      expect(await store.claimOutbox({ now: T0 + 10, limit: 10, ...lease })).toEqual([]);
    });
    it('a leased message is not claimed again until its lease expires, then it is, with one more attempt', async () => {
      const m = aMessage();
      await store.enqueueOutbox(m);
      await store.claimOutbox({ now: T0, limit: 10, ...lease });
      expect(await store.claimOutbox({ now: T0 + MINUTE - 1, limit: 10, ...lease })).toEqual([]);
      expect(await store.claimOutbox({ now: T0 + MINUTE, limit: 10, ...lease })).toMatchObject([{ id: m.id, attempts: 2, lockedUntil: T0 + 2 * MINUTE }]);
    });
    it('given 5 workers claiming at once, no message is leased twice and every message is leased once', async () => {
      const messages = Array.from({ length: 12 }, (_, i) => aMessage({ createdAt: T0 + i }));
      for (const m of messages) await store.enqueueOutbox(m);
      const batches = await Promise.all(Array.from({ length: 5 }, () => store.claimOutbox({ now: T0, limit: 3, ...lease })));
      const rest = await store.claimOutbox({ now: T0, limit: 12, ...lease });
      const ids = [...batches.flat(), ...rest].map((m) => m.id);
      expect(ids.sort()).toEqual(messages.map((m) => m.id).sort());
      expect((await store.listOutbox({ status: 'processing' })).every((m) => m.attempts === 1)).toBe(true);
    });
    it('a sent message is never claimed again', async () => {
      const m = aMessage();
      await store.enqueueOutbox(m);
      await store.claimOutbox({ now: T0, limit: 1, ...lease });
      await store.markOutboxSent(m.id, T0 + 5);
      expect(await store.listOutbox({ status: 'sent' })).toMatchObject([{ id: m.id, lockedUntil: null, updatedAt: T0 + 5 }]);
      expect(await store.claimOutbox({ now: T0 + 10 * MINUTE, limit: 1, ...lease })).toEqual([]);
    });
    it('a failed delivery is retried at nextAttemptAt, keeping its error', async () => {
      const m = aMessage();
      await store.enqueueOutbox(m);
      await store.claimOutbox({ now: T0, limit: 1, ...lease });
      await store.markOutboxFailed(m.id, { error: 'SMTP 451', nextAttemptAt: T0 + 5 * MINUTE, dead: false, now: T0 + 1 });
      expect(await store.listOutbox({ status: 'pending' })).toEqual([{ ...m, attempts: 1, lastError: 'SMTP 451', nextAttemptAt: T0 + 5 * MINUTE, lockedUntil: null, updatedAt: T0 + 1 }]);
      expect(await store.claimOutbox({ now: T0 + 5 * MINUTE - 1, limit: 1, ...lease })).toEqual([]);
      expect(await store.claimOutbox({ now: T0 + 5 * MINUTE, limit: 1, ...lease })).toMatchObject([{ id: m.id, attempts: 2 }]);
    });
    it('a dead-lettered message is kept with its error and never claimed again', async () => {
      const m = aMessage();
      await store.enqueueOutbox(m);
      await store.claimOutbox({ now: T0, limit: 1, ...lease });
      await store.markOutboxFailed(m.id, { error: 'mailbox unavailable', nextAttemptAt: T0 + MINUTE, dead: true, now: T0 + 1 });
      expect(await store.listOutbox({ status: 'dead' })).toMatchObject([{ id: m.id, lastError: 'mailbox unavailable', lockedUntil: null }]);
      expect(await store.claimOutbox({ now: T0 + 60 * MINUTE, limit: 1, ...lease })).toEqual([]);
    });
  });
}
