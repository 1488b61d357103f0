import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmailAddressRecord, ExternalAccountRecord, OAuthAttemptRecord, ProviderIdentity, Store } from '../types.ts';
import { T0, MINUTE, aMessage, aSession, aSignUp, aUser, anEmail, conflictOn, givenClient, givenSession, givenUser, hashOf, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const anAttempt = (o: Partial<OAuthAttemptRecord> = {}): OAuthAttemptRecord => ({
  id: nextId('oaa'), provider: 'google', purpose: 'sign_in', ownerId: nextId('sia'), clientId: nextId('client'), stateHash: hashOf('state'), sealedCodeVerifier: 'v1.sealed-verifier',
  nonce: 'n-0nce', redirectUrl: 'https://app.example.com/sso-callback', actionCompleteRedirectUrl: null, status: 'pending', identity: null,
  expireAt: T0 + 10 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
const anIdentity = (o: Partial<ProviderIdentity> = {}): ProviderIdentity => ({
  provider: 'google', subject: '10769150350006150715113082367', emailAddress: 'ada@example.com', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace', username: null, imageUrl: 'https://lh3.example.com/ada.png', ...o,
});
const anAccount = (userId: string, o: Partial<ExternalAccountRecord> = {}): ExternalAccountRecord => ({
  id: nextId('eac'), userId, provider: 'google', subject: nextId('sub'), emailAddress: 'ada@example.com', emailVerified: true, firstName: 'Ada', lastName: 'Lovelace', username: null,
  imageUrl: 'https://lh3.example.com/ada.png', createdAt: T0, updatedAt: T0, ...o,
});
const unverified = (userId: string, emailAddress: string): EmailAddressRecord => ({ ...anEmail(userId, emailAddress), verifiedAt: null, createdAt: T0 + 1 });
const recording = () => {
  const events: string[] = [];
  const emit = (type: string, id: string) => (events.push(`${type} ${id}`), aMessage({ kind: 'event', payload: { type, object_id: id } }));
  return { events, emit };
};

/** Registers the conformance cases for trips to an OAuth / OpenID Connect provider and the provider accounts linked to users. */
export function oauthCases(make: MakeStore, teardown: TeardownStore): void {
  describe('oauth attempts', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('an attempt reads back as created; unknown ids answer null', async () => {
      const attempt = anAttempt();
      const connect = anAttempt({ purpose: 'connect', ownerId: 'user_x', nonce: null, actionCompleteRedirectUrl: 'https://app.example.com/account', provider: 'github' });
      await store.createOAuthAttempt(attempt);
      await store.createOAuthAttempt(connect);
      expect(await store.getOAuthAttempt(attempt.id)).toEqual(attempt);
      expect(await store.getOAuthAttempt(connect.id)).toEqual(connect);
      expect(await store.getOAuthAttempt('oaa_unknown')).toBeNull();
      await expect(store.createOAuthAttempt(attempt)).rejects.toThrow();
    });

    it('an attempt is consumed once, before it expires', async () => {
      const attempt = anAttempt();
      await store.createOAuthAttempt(attempt);
      expect(await store.consumeOAuthAttempt(attempt.id, T0 + 1)).toEqual({ ...attempt, status: 'consumed', updatedAt: T0 + 1 });
      expect(await store.consumeOAuthAttempt(attempt.id, T0 + 2)).toBeNull();
      expect(await store.getOAuthAttempt(attempt.id)).toEqual({ ...attempt, status: 'consumed', updatedAt: T0 + 1 });
      expect(await store.consumeOAuthAttempt('oaa_unknown', T0)).toBeNull();

      const expired = anAttempt();
      await store.createOAuthAttempt(expired);
      expect(await store.consumeOAuthAttempt(expired.id, expired.expireAt)).toBeNull();
      expect(await store.consumeOAuthAttempt(expired.id, expired.expireAt + 1)).toBeNull();
      expect(await store.getOAuthAttempt(expired.id)).toEqual(expired);
    });

    it('of 20 concurrent consumptions of one attempt exactly one gets it', async () => {
      const attempt = anAttempt();
      await store.createOAuthAttempt(attempt);
      const results = await Promise.all(Array.from({ length: 20 }, () => store.consumeOAuthAttempt(attempt.id, T0 + 1)));
      expect(results.filter((r) => r !== null)).toEqual([{ ...attempt, status: 'consumed', updatedAt: T0 + 1 }]);
    });

    it('a consumed attempt holds an identity for its new owner; the newest held one is found, past its expiry too, and only for that owner', async () => {
      const owner = nextId('sua');
      const older = anAttempt();
      const newer = anAttempt({ createdAt: T0 + 1, updatedAt: T0 + 1 });
      const pending = anAttempt({ createdAt: T0 + 2, updatedAt: T0 + 2 });
      for (const attempt of [older, newer, pending]) await store.createOAuthAttempt(attempt);
      expect(await store.findHeldOAuthIdentity(owner, T0 + 3)).toBeNull();
      await store.consumeOAuthAttempt(older.id, T0 + 3);
      await store.consumeOAuthAttempt(newer.id, T0 + 3);
      await store.holdOAuthIdentity(newer.id, owner, anIdentity({ subject: 'newer' }), T0 + 4);
      await store.holdOAuthIdentity(older.id, owner, anIdentity({ subject: 'older' }), T0 + 5);
      // A pending attempt (its callback never came back) holds nothing.
      await store.holdOAuthIdentity(pending.id, owner, anIdentity({ subject: 'pending' }), T0 + 6);
      expect(await store.getOAuthAttempt(pending.id)).toEqual(pending);

      const held = { ...newer, status: 'identified', ownerId: owner, identity: anIdentity({ subject: 'newer' }), updatedAt: T0 + 4 };
      expect(await store.getOAuthAttempt(newer.id)).toEqual(held);
      expect(await store.findHeldOAuthIdentity(owner, T0 + 6)).toEqual(held);
      expect(await store.findHeldOAuthIdentity(owner, newer.expireAt + 20 * MINUTE)).toEqual(held);
      expect(await store.findHeldOAuthIdentity(nextId('sua'), T0 + 6)).toBeNull();
      expect(await store.findHeldOAuthIdentity(newer.ownerId, T0 + 6)).toBeNull();

      // Handed on (a sign-in transferred to a sign-up): the older one is then the newest its first owner holds.
      const next = nextId('sua');
      await store.holdOAuthIdentity(newer.id, next, anIdentity({ subject: 'newer' }), T0 + 7);
      expect(await store.findHeldOAuthIdentity(next, T0 + 8)).toMatchObject({ id: newer.id, ownerId: next, updatedAt: T0 + 7 });
      expect(await store.findHeldOAuthIdentity(owner, T0 + 8)).toMatchObject({ id: older.id, identity: { subject: 'older' } });
    });
  });

  describe('external accounts', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('a linked account is found by (provider, subject) and listed oldest first; the link reports user.updated', async () => {
      const { user } = await givenUser(store);
      const { events, emit } = recording();
      const later = anAccount(user.id, { provider: 'github', subject: '583231', emailVerified: false, emailAddress: null, imageUrl: null, username: 'octocat', createdAt: T0 + 2, updatedAt: T0 + 2 });
      const first = anAccount(user.id, { createdAt: T0 + 1, updatedAt: T0 + 1 });
      expect(await store.linkExternalAccount({ account: later, takeOver: null, profile: {}, now: T0 + 2, emit })).toBe(true);
      expect(await store.linkExternalAccount({ account: first, takeOver: null, profile: {}, now: T0 + 3, emit })).toBe(true);
      expect(await store.findExternalAccount('github', '583231')).toEqual(later);
      expect(await store.findExternalAccount('google', first.subject)).toEqual(first);
      expect(await store.findExternalAccount('google', '583231')).toBeNull();
      expect(await store.getExternalAccount(first.id)).toEqual(first);
      expect(await store.getExternalAccount('eac_unknown')).toBeNull();
      expect(await store.listExternalAccounts(user.id)).toEqual([first, later]);
      expect(await store.listExternalAccounts('user_unknown')).toEqual([]);
      expect(await store.getUser(user.id)).toEqual({ ...user, updatedAt: T0 + 3 });
      expect(events).toEqual([`user.updated ${user.id}`, `user.updated ${user.id}`]);
    });

    it('an account linked already conflicts and nothing changes; a missing user answers false', async () => {
      const { user } = await givenUser(store);
      const { user: other, session } = await givenUser(store, { email: null });
      await store.updateUser(other.id, { firstName: null }, T0 + 1);
      const squat = unverified(other.id, 'other@example.com');
      await store.addEmailAddress(squat);
      const account = anAccount(user.id);
      await store.linkExternalAccount({ account, takeOver: null, profile: {}, now: T0 + 2 });
      const before = await store.getUser(other.id);
      const { events, emit } = recording();
      const again = anAccount(other.id, { subject: account.subject });
      await expect(store.linkExternalAccount({ account: again, takeOver: { emailAddressId: squat.id }, profile: { firstName: 'Grace' }, now: T0 + 3, emit })).rejects.toEqual(conflictOn('external_account'));
      expect(await store.getUser(other.id)).toEqual(before);
      expect(await store.getExternalAccount(again.id)).toBeNull();
      expect(await store.findExternalAccount('google', account.subject)).toEqual(account);
      expect(await store.getEmailAddress(squat.id)).toEqual(squat);
      expect(await store.getSession(session.id)).toMatchObject({ status: 'active' });
      expect(events).toEqual([]);
      expect(await store.listOutbox({ kind: 'event' })).toEqual([]);

      const orphan = anAccount('user_unknown');
      expect(await store.linkExternalAccount({ account: orphan, takeOver: null, profile: {}, now: T0 + 4, emit })).toBe(false);
      expect(await store.findExternalAccount('google', orphan.subject)).toBeNull();
      expect(events).toEqual([]);
    });

    it('profile defaults fill only the user’s empty fields', async () => {
      const { user } = await givenUser(store);
      await store.updateUser(user.id, { lastName: null }, T0 + 1);
      const profile = { firstName: 'Augusta', lastName: 'King', imageUrl: 'https://lh3.example.com/ada.png' };
      expect(await store.linkExternalAccount({ account: anAccount(user.id), takeOver: null, profile, now: T0 + 2 })).toBe(true);
      expect(await store.getUser(user.id)).toEqual({ ...user, firstName: 'Ada', lastName: 'King', imageUrl: 'https://lh3.example.com/ada.png', updatedAt: T0 + 2 });
      await store.linkExternalAccount({ account: anAccount(user.id), takeOver: null, profile: { firstName: 'Grace', imageUrl: 'https://other.example/g.png', lastName: null }, now: T0 + 3 });
      expect(await store.getUser(user.id)).toMatchObject({ firstName: 'Ada', lastName: 'King', imageUrl: 'https://lh3.example.com/ada.png', updatedAt: T0 + 3 });
    });

    it('a take-over removes the password, revokes the user’s active sessions, verifies the address, removes other unverified copies and makes it primary', async () => {
      const { user, client, session: first } = await givenUser(store, { email: null });
      const second = await givenSession(store, client.id, user.id);
      const ended = await givenSession(store, client.id, user.id);
      await store.setSessionStatus(ended.id, ['active'], 'ended', T0 + 1);
      const address = unverified(user.id, 'ada@example.com');
      await store.addEmailAddress(address);
      const { user: other, session: otherSession } = await givenUser(store, { email: 'other@example.com' });
      const copyOfIt = unverified(other.id, 'ADA@example.com');
      await store.addEmailAddress(copyOfIt);

      const { events, emit } = recording();
      const account = anAccount(user.id);
      expect(await store.linkExternalAccount({ account, takeOver: { emailAddressId: address.id }, profile: {}, now: T0 + 5, emit })).toBe(true);
      expect(await store.getUser(user.id)).toMatchObject({ passwordHash: null, primaryEmailAddressId: address.id, updatedAt: T0 + 5 });
      expect(await store.getEmailAddress(address.id)).toEqual({ ...address, verifiedAt: T0 + 5 });
      expect(await store.getEmailAddress(copyOfIt.id)).toBeNull();
      expect((await store.findUserByEmailAddress('ada@example.com'))?.id).toBe(user.id);
      expect(await store.getSession(first.id)).toMatchObject({ status: 'revoked', updatedAt: T0 + 5 });
      expect(await store.getSession(second.id)).toMatchObject({ status: 'revoked', updatedAt: T0 + 5 });
      expect(await store.getSession(ended.id)).toMatchObject({ status: 'ended' });
      expect(await store.getSession(otherSession.id)).toMatchObject({ status: 'active' });
      expect(await store.getUser(other.id)).toMatchObject({ passwordHash: other.passwordHash });
      expect(await store.listExternalAccounts(user.id)).toEqual([account]);
      expect([...events].sort()).toEqual([`session.revoked ${first.id}`, `session.revoked ${second.id}`, `user.updated ${user.id}`].sort());
    });

    it('a take-over keeps a primary address the user has, and conflicts (changing nothing) when the address is verified elsewhere or not the user’s', async () => {
      const { user, email: primary, session } = await givenUser(store);
      const address = unverified(user.id, 'ada@work.example');
      await store.addEmailAddress(address);
      expect(await store.linkExternalAccount({ account: anAccount(user.id), takeOver: { emailAddressId: address.id }, profile: {}, now: T0 + 2 })).toBe(true);
      expect(await store.getUser(user.id)).toMatchObject({ passwordHash: null, primaryEmailAddressId: primary!.id });
      expect(await store.getEmailAddress(address.id)).toMatchObject({ verifiedAt: T0 + 2 });
      expect(await store.getSession(session.id)).toMatchObject({ status: 'revoked' });

      const { user: late, session: lateSession } = await givenUser(store, { email: null });
      const taken = unverified(late.id, 'ada@work.example');
      await store.addEmailAddress(taken);
      const before = await store.getUser(late.id);
      for (const emailAddressId of [taken.id, address.id, 'idn_unknown']) {
        const account = anAccount(late.id);
        await expect(store.linkExternalAccount({ account, takeOver: { emailAddressId }, profile: { firstName: 'Grace' }, now: T0 + 3 })).rejects.toEqual(conflictOn('email_address'));
        expect(await store.getExternalAccount(account.id)).toBeNull();
      }
      expect(await store.getUser(late.id)).toEqual(before);
      expect(await store.getEmailAddress(taken.id)).toEqual(taken);
      expect(await store.getSession(lateSession.id)).toMatchObject({ status: 'active' });
    });

    it('an account is deleted by its user only, reporting user.updated; deleting the user deletes its accounts', async () => {
      const { user } = await givenUser(store);
      const { user: eve } = await givenUser(store);
      const account = anAccount(user.id);
      const kept = anAccount(user.id);
      await store.linkExternalAccount({ account, takeOver: null, profile: {}, now: T0 });
      await store.linkExternalAccount({ account: kept, takeOver: null, profile: {}, now: T0 });
      const { events, emit } = recording();
      expect(await store.deleteExternalAccount(eve.id, account.id, T0 + 1, emit)).toBe(false);
      expect(await store.getExternalAccount(account.id)).toEqual(account);
      expect(await store.deleteExternalAccount(user.id, account.id, T0 + 2, emit)).toBe(true);
      expect(await store.getExternalAccount(account.id)).toBeNull();
      expect(await store.deleteExternalAccount(user.id, account.id, T0 + 3, emit)).toBe(false);
      expect(await store.getUser(user.id)).toMatchObject({ updatedAt: T0 + 2 });
      expect(events).toEqual([`user.updated ${user.id}`]);

      expect(await store.deleteUser(user.id, T0 + 4)).toBe(true);
      expect(await store.getExternalAccount(kept.id)).toBeNull();
      expect(await store.findExternalAccount(kept.provider, kept.subject)).toBeNull();
      expect(await store.listExternalAccounts(user.id)).toEqual([]);
      // The provider account is free to link again.
      expect(await store.linkExternalAccount({ account: { ...kept, id: nextId('eac'), userId: eve.id }, takeOver: null, profile: {}, now: T0 + 5 })).toBe(true);
    });

    it('a sign-up completes with its provider account; one linked meanwhile conflicts and nothing of the sign-up is written', async () => {
      const client = await givenClient(store);
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const user = aUser({ passwordHash: null });
      const email = anEmail(user.id, 'ada@example.com');
      user.primaryEmailAddressId = email.id;
      const account = anAccount(user.id);
      const session = aSession(client.id, user.id);
      expect(await store.completeSignUp({ signUpId: signUp.id, user, emailAddress: email, externalAccount: account, session, clientTokenHash: hashOf('after'), now: T0 + 1 })).toBe(true);
      expect(await store.getUser(user.id)).toEqual(user);
      expect(await store.listExternalAccounts(user.id)).toEqual([account]);

      const other = await givenClient(store);
      const late = aSignUp(other.id, { emailAddress: 'grace@example.com' });
      await store.createSignUp(late);
      const grace = aUser({ username: 'grace', passwordHash: null });
      const graceEmail = anEmail(grace.id, 'grace@example.com');
      const again = anAccount(grace.id, { subject: account.subject });
      const graceSession = aSession(other.id, grace.id);
      await expect(
        store.completeSignUp({ signUpId: late.id, user: grace, emailAddress: graceEmail, externalAccount: again, session: graceSession, clientTokenHash: hashOf('late'), now: T0 + 2 }),
      ).rejects.toEqual(conflictOn('external_account'));
      expect(await store.getUser(grace.id)).toBeNull();
      expect(await store.findUserByUsername('grace')).toBeNull();
      expect(await store.findUserByEmailAddress('grace@example.com')).toBeNull();
      expect(await store.getExternalAccount(again.id)).toBeNull();
      expect(await store.getSession(graceSession.id)).toBeNull();
      expect(await store.getSignUp(late.id)).toEqual(late);
      expect(await store.getClient(other.id)).toEqual({ ...other, signUpId: late.id });
      expect(await store.findExternalAccount('google', account.subject)).toEqual(account);
    });
  });
}
