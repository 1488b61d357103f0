import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, MINUTE, aMessage, givenClient, givenUser, givenSession, type MakeStore, type TeardownStore } from './fixtures.ts';

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
    it('markSessionVerified renews the first-factor time of an active session only', async () => {
      const { session } = await givenUser(store);
      expect(await store.markSessionVerified(session.id, T0 + 20 * MINUTE)).toBe(true);
      expect(await store.getSession(session.id)).toMatchObject({ firstFactorVerifiedAt: T0 + 20 * MINUTE, status: 'active' });
      await store.setSessionStatus(session.id, ['active'], 'ended', T0 + 21 * MINUTE);
      expect(await store.markSessionVerified(session.id, T0 + 22 * MINUTE)).toBe(false);
      expect(await store.getSession(session.id)).toMatchObject({ firstFactorVerifiedAt: T0 + 20 * MINUTE });
      expect(await store.markSessionVerified('sess_unknown', T0)).toBe(false);
    });
    it('changePassword sets the hash, revokes the other active sessions and enqueues the notice together', async () => {
      const { user, client, session } = await givenUser(store);
      const other = await givenSession(store, client.id, user.id, { createdAt: T0 + 1 });
      const notice = aMessage();
      const events: string[] = [];
      const emit = (type: string, id: string) => (events.push(`${type} ${id}`), aMessage({ kind: 'event', payload: { type, object_id: id } }));
      expect(await store.changePassword({ userId: user.id, passwordHash: 'new-hash', revokeOtherSessionsExcept: session.id, notification: notice, now: T0 + 5, emit })).toBe(true);
      expect(await store.getUser(user.id)).toMatchObject({ passwordHash: 'new-hash', updatedAt: T0 + 5 });
      expect((await store.getSession(session.id))?.status).toBe('active');
      expect((await store.getSession(other.id))?.status).toBe('revoked');
      expect(events).toEqual([`user.updated ${user.id}`, `session.revoked ${other.id}`]);
      expect((await store.listOutbox({ kind: 'email' })).map((m) => m.id)).toEqual([notice.id]);
      // Without revocation, sessions stay; an unknown user changes nothing.
      const third = await givenSession(store, client.id, user.id, { createdAt: T0 + 2 });
      expect(await store.changePassword({ userId: user.id, passwordHash: 'newer', revokeOtherSessionsExcept: null, notification: null, now: T0 + 6 })).toBe(true);
      expect((await store.getSession(third.id))?.status).toBe('active');
      expect(await store.changePassword({ userId: 'user_unknown', passwordHash: 'x', revokeOtherSessionsExcept: null, notification: aMessage(), now: T0 })).toBe(false);
      expect(await store.listOutbox({ kind: 'email' })).toHaveLength(1);
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
