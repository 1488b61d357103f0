import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreConflictError, type Store } from '../types.ts';
import { T0, MINUTE, hashOf, aClient, conflictOn, givenClient, givenUser, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for clients (token lookup and rotation) and users (lookup, profile updates, lockout counting). Each test gets a fresh store from `make`. */
export function clientsAndUsersCases(make: MakeStore, teardown: TeardownStore): void {
  describe('clients', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('a created client reads back by id and by token hash; unknown ones read as null', async () => {
      const client = await givenClient(store);
      expect(await store.getClient(client.id)).toEqual(client);
      expect(await store.findClientByTokenHash(client.tokenHash)).toEqual(client);
      expect(await store.getClient('client_unknown')).toBeNull();
      expect(await store.findClientByTokenHash(hashOf('unknown'))).toBeNull();
    });
    it('records are copies in both directions', async () => {
      const client = aClient();
      await store.createClient(client);
      client.tokenHash = hashOf('mutated-input');
      const read = (await store.getClient(client.id))!;
      read.lastActiveSessionId = 'sess_mutated';
      expect(await store.getClient(client.id)).toMatchObject({ tokenHash: hashOf(client.id), lastActiveSessionId: null });
    });
    it('after rotateClientToken the old token hash finds nothing and the new one finds the client', async () => {
      const client = await givenClient(store);
      await store.rotateClientToken(client.id, hashOf('new'), T0 + 5);
      expect(await store.findClientByTokenHash(client.tokenHash)).toBeNull();
      expect(await store.findClientByTokenHash(hashOf('new'))).toEqual({ ...client, tokenHash: hashOf('new'), updatedAt: T0 + 5 });
    });
  });

  describe('users', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('a user is found by email address and by username regardless of case', async () => {
      const { user } = await givenUser(store, { username: 'Ada_L', email: 'ada@example.com' });
      expect(await store.findUserByEmailAddress('ADA@Example.com')).toEqual(user);
      expect(await store.findUserByUsername('ada_l')).toEqual(user);
      expect(await store.getUser(user.id)).toEqual(user);
      expect(await store.findUserByEmailAddress('nobody@example.com')).toBeNull();
      expect(await store.findUserByUsername('nobody')).toBeNull();
      expect(await store.getUser('user_unknown')).toBeNull();
    });
    it('lists the email addresses of one user only', async () => {
      const { user, email } = await givenUser(store, { email: 'ada@example.com' });
      await givenUser(store, { email: 'grace@example.com' });
      expect(await store.listEmailAddresses(user.id)).toEqual([email]);
      expect(await store.listEmailAddresses('user_unknown')).toEqual([]);
    });
    it('updateUser patches profile fields, sets updatedAt and answers the stored user', async () => {
      const { user } = await givenUser(store, { username: 'ada' });
      const updated = await store.updateUser(user.id, { firstName: 'Augusta', imageUrl: 'https://img.example/a.png', unsafeMetadata: { theme: 'light' } }, T0 + 9);
      const expected = { ...user, firstName: 'Augusta', imageUrl: 'https://img.example/a.png', unsafeMetadata: { theme: 'light' }, updatedAt: T0 + 9 };
      expect(updated).toEqual(expected);
      expect(await store.getUser(user.id)).toEqual(expected);
      expect(await store.updateUser('user_unknown', { firstName: 'x' }, T0)).toBeNull();
    });
    it('updateUser to a username another user holds (in any case) throws StoreConflictError(username) and changes nothing', async () => {
      await givenUser(store, { username: 'grace' });
      const { user } = await givenUser(store, { username: 'ada' });
      await expect(store.updateUser(user.id, { username: 'GRACE', firstName: 'Changed' }, T0 + 1)).rejects.toEqual(conflictOn('username'));
      await expect(store.updateUser(user.id, { username: 'GRACE' }, T0 + 1)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getUser(user.id)).toEqual(user);
    });
    it('a user may change the case of their own username', async () => {
      const { user } = await givenUser(store, { username: 'ada' });
      expect(await store.updateUser(user.id, { username: 'Ada' }, T0 + 1)).toMatchObject({ username: 'Ada' });
    });
    it('each failed attempt counts one; the one reaching maxAttempts locks the user and restarts the count', async () => {
      const { user } = await givenUser(store);
      const policy = { maxAttempts: 3, lockMs: 60 * MINUTE };
      expect(await store.recordFailedAttempt(user.id, T0, policy)).toEqual({ failedAttempts: 1, lockedUntil: null });
      expect(await store.recordFailedAttempt(user.id, T0, policy)).toEqual({ failedAttempts: 2, lockedUntil: null });
      expect(await store.recordFailedAttempt(user.id, T0 + 7, policy)).toEqual({ failedAttempts: 0, lockedUntil: T0 + 7 + 60 * MINUTE });
      expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 0, lockedUntil: T0 + 7 + 60 * MINUTE });
    });
    it('given 20 parallel failed attempts under a budget of 100, the count is exactly 20', async () => {
      const { user } = await givenUser(store);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.recordFailedAttempt(user.id, T0, { maxAttempts: 100, lockMs: MINUTE })));
      expect(results.map((r) => r.failedAttempts).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 20, lockedUntil: null });
    });
    it('given 20 parallel failed attempts under a budget of 5, the user is locked exactly 4 times and the count ends at 0', async () => {
      const { user } = await givenUser(store);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.recordFailedAttempt(user.id, T0, { maxAttempts: 5, lockMs: MINUTE })));
      expect(results.filter((r) => r.failedAttempts === 0)).toHaveLength(4);
      expect(results.map((r) => r.failedAttempts).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4].flatMap((n) => [n, n, n, n]));
      expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 0, lockedUntil: T0 + MINUTE });
    });
  });
}
