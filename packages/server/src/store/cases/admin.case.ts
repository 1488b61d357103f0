import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyRecord, Store } from '../types.ts';
import { T0, MINUTE, aUser, anEmail, conflictOn, givenClient, givenSession, givenUser, hashOf, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const aKey = (o: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({ id: nextId('key'), name: 'default', keyHash: hashOf(nextId('sk')), hint: 'sk_test_abcd', createdAt: T0, revokedAt: null, ...o });

/** Registers the conformance cases for what the Backend API does: user admin, session lists, secret keys. */
export function adminCases(make: MakeStore, teardown: TeardownStore): void {
  describe('backend administration', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('createUser inserts the user with its addresses; a taken address or username changes nothing', async () => {
      const user = aUser({ username: 'ada', createdAt: T0 + 1 });
      const emails = [anEmail(user.id, 'ada@example.com'), anEmail(user.id, 'ada@work.example')];
      await store.createUser({ user: { ...user, primaryEmailAddressId: emails[0]!.id }, emailAddresses: emails });
      expect(await store.getUser(user.id)).toMatchObject({ username: 'ada', primaryEmailAddressId: emails[0]!.id, bannedAt: null });
      expect((await store.listEmailAddresses(user.id)).map((e) => e.emailAddress).sort()).toEqual(['ada@example.com', 'ada@work.example']);

      const other = aUser({ username: 'grace' });
      await expect(store.createUser({ user: other, emailAddresses: [anEmail(other.id, 'grace@example.com'), anEmail(other.id, 'ADA@work.example')] })).rejects.toEqual(conflictOn('email_address'));
      expect(await store.getUser(other.id)).toBeNull();
      expect(await store.findUserByEmailAddress('grace@example.com')).toBeNull();
      const clash = aUser({ username: 'ADA' });
      await expect(store.createUser({ user: clash, emailAddresses: [] })).rejects.toEqual(conflictOn('username'));
    });

    it('listUsers pages newest first (or oldest), counts all matches, and searches names, usernames and addresses', async () => {
      for (let i = 0; i < 5; i++) {
        const user = aUser({ username: `user${i}`, firstName: i === 3 ? 'Grace' : 'Ada', createdAt: T0 + i });
        await store.createUser({ user, emailAddresses: [anEmail(user.id, `person${i}@example.com`)] });
      }
      const page = await store.listUsers({ limit: 2, offset: 0, order: 'desc' });
      expect(page.totalCount).toBe(5);
      expect(page.data.map((u) => u.username)).toEqual(['user4', 'user3']);
      expect((await store.listUsers({ limit: 2, offset: 4, order: 'desc' })).data.map((u) => u.username)).toEqual(['user0']);
      expect((await store.listUsers({ limit: 10, offset: 0, order: 'asc' })).data[0]?.username).toBe('user0');
      expect((await store.listUsers({ query: 'GRA', limit: 10, offset: 0, order: 'desc' })).data.map((u) => u.username)).toEqual(['user3']);
      expect((await store.listUsers({ query: 'person2@', limit: 10, offset: 0, order: 'desc' })).data.map((u) => u.username)).toEqual(['user2']);
      // LIKE wildcards in the query are plain characters.
      expect((await store.listUsers({ query: '%', limit: 10, offset: 0, order: 'desc' })).totalCount).toBe(0);
      expect((await store.listUsers({ query: 'user_', limit: 10, offset: 0, order: 'desc' })).totalCount).toBe(0);
    });

    it('deleteUser removes the user, its addresses and sessions, and clears the client’s active session', async () => {
      const { user, client, session } = await givenUser(store, { email: 'gone@example.com' });
      expect(await store.deleteUser(user.id, T0 + 5)).toBe(true);
      expect(await store.getUser(user.id)).toBeNull();
      expect(await store.findUserByEmailAddress('gone@example.com')).toBeNull();
      expect(await store.getSession(session.id)).toBeNull();
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: null });
      expect(await store.deleteUser(user.id, T0 + 6)).toBe(false);
      // The address is free again.
      const again = aUser();
      await store.createUser({ user: again, emailAddresses: [anEmail(again.id, 'gone@example.com')] });
    });

    it('banning revokes every active session at once; unbanning restores the flag only', async () => {
      const { user, session } = await givenUser(store);
      const otherClient = await givenClient(store);
      const second = await givenSession(store, otherClient.id, user.id);
      const banned = await store.setUserBanned(user.id, T0 + 7, T0 + 7);
      expect(banned).toMatchObject({ bannedAt: T0 + 7, updatedAt: T0 + 7 });
      expect(await store.getSession(session.id)).toMatchObject({ status: 'revoked' });
      expect(await store.getSession(second.id)).toMatchObject({ status: 'revoked' });
      expect(await store.setUserBanned(user.id, null, T0 + 8)).toMatchObject({ bannedAt: null });
      expect(await store.getSession(session.id)).toMatchObject({ status: 'revoked' });
      expect(await store.setUserBanned('user_unknown', T0, T0)).toBeNull();
    });

    it('a lock sets the deadline; unlocking clears it and the failure count', async () => {
      const { user } = await givenUser(store);
      await store.recordFailedAttempt(user.id, T0, { maxAttempts: 100, lockMs: MINUTE });
      expect(await store.setUserLock(user.id, T0 + MINUTE, T0)).toMatchObject({ lockedUntil: T0 + MINUTE, failedAttempts: 1 });
      expect(await store.setUserLock(user.id, null, T0 + 1)).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
      expect(await store.setUserLock('user_unknown', null, T0)).toBeNull();
    });

    it('updateUser can set the password hash and every metadata kind', async () => {
      const { user } = await givenUser(store);
      const updated = await store.updateUser(user.id, { passwordHash: 'h2', publicMetadata: { plan: 'team' }, privateMetadata: { stripe: 'cus_1' }, unsafeMetadata: {} }, T0 + 3);
      expect(updated).toMatchObject({ passwordHash: 'h2', publicMetadata: { plan: 'team' }, privateMetadata: { stripe: 'cus_1' }, unsafeMetadata: {}, updatedAt: T0 + 3 });
      expect(await store.getUser(user.id)).toEqual(updated);
    });

    it('listSessions filters by user and status, newest first, with a total', async () => {
      const { user, client, session } = await givenUser(store);
      const later = await givenSession(store, client.id, user.id, { createdAt: T0 + 10 });
      const { session: stranger } = await givenUser(store);
      await store.setSessionStatus(session.id, ['active'], 'ended', T0 + 11);
      const mine = await store.listSessions({ userId: user.id, limit: 10, offset: 0 });
      expect(mine.totalCount).toBe(2);
      expect(mine.data.map((s) => s.id)).toEqual([later.id, session.id]);
      expect((await store.listSessions({ userId: user.id, status: 'active', limit: 10, offset: 0 })).data.map((s) => s.id)).toEqual([later.id]);
      expect((await store.listSessions({ limit: 1, offset: 0 })).totalCount).toBe(3);
      expect((await store.listSessions({ status: 'active', limit: 10, offset: 0 })).data.map((s) => s.id).sort()).toEqual([later.id, stranger.id].sort());
    });

    it('secret keys: found by hash, listed oldest first, revoked once', async () => {
      const first = aKey({ createdAt: T0 });
      const second = aKey({ createdAt: T0 + 1, name: 'ci' });
      await store.insertApiKey(first);
      await store.insertApiKey(second);
      expect(await store.findApiKeyByHash(first.keyHash)).toEqual(first);
      expect(await store.findApiKeyByHash(hashOf('nope'))).toBeNull();
      expect((await store.listApiKeys()).map((k) => k.id)).toEqual([first.id, second.id]);
      expect(await store.revokeApiKey(first.id, T0 + 2)).toBe(true);
      expect(await store.revokeApiKey(first.id, T0 + 3)).toBe(false);
      expect(await store.revokeApiKey('key_unknown', T0 + 3)).toBe(false);
      expect(await store.findApiKeyByHash(first.keyHash)).toMatchObject({ revokedAt: T0 + 2 });
      await expect(store.insertApiKey(aKey({ keyHash: second.keyHash }))).rejects.toThrow();
    });
  });
}
