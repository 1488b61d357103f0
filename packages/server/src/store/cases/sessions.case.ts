import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, MINUTE, givenClient, givenUser, givenSession, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for session listing, status transitions, activity touches and the client’s last active session. Each test gets a fresh store from `make`. */
export function sessionsCases(make: MakeStore, teardown: TeardownStore): void {
  describe('sessions', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('lists a client’s sessions oldest first, and only that client’s', async () => {
      const { user, client, session: first } = await givenUser(store);
      const second = await givenSession(store, client.id, user.id, { createdAt: T0 + 1 });
      const other = await givenClient(store);
      await givenSession(store, other.id, user.id);
      expect(await store.listClientSessions(client.id)).toEqual([first, second]);
      expect(await store.getSession('sess_unknown')).toBeNull();
    });
    it('setSessionStatus moves a session only from one of the given statuses', async () => {
      const { session } = await givenUser(store);
      expect(await store.setSessionStatus(session.id, ['ended'], 'revoked', T0 + 1)).toBe(false);
      expect(await store.getSession(session.id)).toMatchObject({ status: 'active', updatedAt: T0 });
      expect(await store.setSessionStatus(session.id, ['active'], 'ended', T0 + 2)).toBe(true);
      expect(await store.getSession(session.id)).toMatchObject({ status: 'ended', updatedAt: T0 + 2 });
      expect(await store.setSessionStatus('sess_unknown', ['active'], 'ended', T0)).toBe(false);
    });
    it('endClientSessions ends the client’s active sessions only, answers how many, and clears the last active session', async () => {
      const { user, client, session: first } = await givenUser(store);
      const second = await givenSession(store, client.id, user.id);
      const removed = await givenSession(store, client.id, user.id);
      await store.setSessionStatus(removed.id, ['active'], 'removed', T0);
      const other = await givenClient(store);
      const elsewhere = await givenSession(store, other.id, user.id);
      expect(await store.endClientSessions(client.id, 'ended', T0 + 9)).toBe(2);
      expect(await store.getSession(first.id)).toMatchObject({ status: 'ended', updatedAt: T0 + 9 });
      expect(await store.getSession(second.id)).toMatchObject({ status: 'ended' });
      expect(await store.getSession(removed.id)).toMatchObject({ status: 'removed' });
      expect(await store.getSession(elsewhere.id)).toMatchObject({ status: 'active' });
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: null });
      expect(await store.getClient(other.id)).toMatchObject({ lastActiveSessionId: elsewhere.id });
    });
    it('touchSession writes only once the stored activity is older than minIntervalMs', async () => {
      const { session } = await givenUser(store);
      await store.touchSession(session.id, T0 + MINUTE, 30 * MINUTE, MINUTE);
      expect(await store.getSession(session.id)).toEqual(session);
      await store.touchSession(session.id, T0 + MINUTE + 1, 30 * MINUTE, MINUTE);
      expect(await store.getSession(session.id)).toMatchObject({ lastActiveAt: T0 + MINUTE + 1, expireAt: T0 + 31 * MINUTE + 1, updatedAt: T0 + MINUTE + 1 });
      await store.touchSession(session.id, T0 + 2 * MINUTE, 30 * MINUTE, MINUTE);
      expect(await store.getSession(session.id)).toMatchObject({ lastActiveAt: T0 + MINUTE + 1 });
    });
    it('touchSession never revives an ended session or one past its inactivity deadline', async () => {
      const { user, client, session } = await givenUser(store);
      await store.setSessionStatus(session.id, ['active'], 'ended', T0);
      await store.touchSession(session.id, T0 + 5 * MINUTE, 30 * MINUTE, MINUTE);
      expect(await store.getSession(session.id)).toMatchObject({ lastActiveAt: T0 });
      const idle = await givenSession(store, client.id, user.id, { expireAt: T0 + 10 * MINUTE });
      await store.touchSession(idle.id, T0 + 10 * MINUTE, 30 * MINUTE, MINUTE);
      expect(await store.getSession(idle.id)).toMatchObject({ lastActiveAt: T0, expireAt: T0 + 10 * MINUTE });
    });
    it('setLastActiveSession sets and clears the client’s last active session', async () => {
      const { user, client } = await givenUser(store);
      const session = await givenSession(store, client.id, user.id);
      await store.setLastActiveSession(client.id, null, T0 + 1);
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: null, updatedAt: T0 + 1 });
      await store.setLastActiveSession(client.id, session.id, T0 + 2);
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: session.id, updatedAt: T0 + 2 });
    });
  });
}
