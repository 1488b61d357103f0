import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types.ts';
import { T0, MINUTE, hashOf, aMessage, aUser, anEmail, aSession, aSignIn, aSignUp, conflictOn, givenClient, givenSession, givenUser, type MakeStore, type TeardownStore } from './fixtures.ts';

/** Registers the store conformance cases for sign-in and sign-up attempts, and their atomic completion. Each test gets a fresh store from `make`. */
export function signFlowsCases(make: MakeStore, teardown: TeardownStore): void {
  describe('sign-ins', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('a created sign-in reads back and becomes the client’s current sign-in', async () => {
      const client = await givenClient(store);
      const signIn = aSignIn(client.id, { createdAt: T0 + 3, updatedAt: T0 + 3 });
      await store.createSignIn(signIn);
      expect(await store.getSignIn(signIn.id)).toEqual(signIn);
      expect(await store.getClient(client.id)).toMatchObject({ signInId: signIn.id, updatedAt: T0 + 3 });
      expect(await store.getSignIn('sia_unknown')).toBeNull();
    });
    it('a sign-in for an unknown client is refused', async () => {
      await expect(store.createSignIn(aSignIn('client_unknown'))).rejects.toThrow();
    });
    it('updateSignIn patches fields and answers the stored sign-in; unknown ids answer null', async () => {
      const client = await givenClient(store);
      const signIn = aSignIn(client.id);
      await store.createSignIn(signIn);
      const patch = { status: 'needs_second_factor', firstFactorStrategy: 'password', firstFactorStatus: 'verified', userId: 'user_x', redirectUrl: '/home', updatedAt: T0 + 1 } as const;
      expect(await store.updateSignIn(signIn.id, patch)).toEqual({ ...signIn, ...patch });
      expect(await store.getSignIn(signIn.id)).toEqual({ ...signIn, ...patch });
      expect(await store.updateSignIn('sia_unknown', patch)).toBeNull();
    });
    it('completing a sign-in inserts the session, completes the sign-in, activates the session on the client, rotates its token and resets the user’s failures', async () => {
      const { user, client } = await givenUser(store);
      await store.recordFailedAttempt(user.id, T0, { maxAttempts: 100, lockMs: MINUTE });
      const signIn = aSignIn(client.id, { userId: user.id, status: 'needs_second_factor' });
      await store.createSignIn(signIn);
      const session = aSession(client.id, user.id, { createdAt: T0 + 50 });
      const done = await store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_first_factor', 'needs_second_factor'], session, clientTokenHash: hashOf('after-sign-in'), now: T0 + 50 });
      expect(done).toBe(true);
      expect(await store.getSession(session.id)).toEqual(session);
      expect(await store.getSignIn(signIn.id)).toEqual({ ...signIn, status: 'complete', createdSessionId: session.id, updatedAt: T0 + 50 });
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: session.id, tokenHash: hashOf('after-sign-in'), updatedAt: T0 + 50 });
      expect(await store.findClientByTokenHash(client.tokenHash)).toBeNull();
      expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 0, lastSignInAt: T0 + 50 });
    });
    it('a sign-in not in one of fromStatuses is not completed, and nothing changes', async () => {
      const { user, client } = await givenUser(store);
      const signIn = aSignIn(client.id, { userId: user.id, status: 'needs_identifier' });
      await store.createSignIn(signIn);
      const session = aSession(client.id, user.id);
      expect(await store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_first_factor'], session, clientTokenHash: hashOf('x'), now: T0 })).toBe(false);
      expect(await store.getSession(session.id)).toBeNull();
      expect(await store.getSignIn(signIn.id)).toEqual(signIn);
      expect(await store.getClient(client.id)).toMatchObject({ tokenHash: client.tokenHash });
      expect(await store.completeSignIn({ signInId: 'sia_unknown', fromStatuses: ['needs_first_factor'], session, clientTokenHash: hashOf('x'), now: T0 })).toBe(false);
    });
    it('a second completion of the same sign-in answers false and inserts no second session', async () => {
      const { user, client } = await givenUser(store);
      const signIn = aSignIn(client.id, { userId: user.id });
      await store.createSignIn(signIn);
      const input = { signInId: signIn.id, fromStatuses: ['needs_first_factor' as const], clientTokenHash: hashOf('t1'), now: T0 };
      expect(await store.completeSignIn({ ...input, session: aSession(client.id, user.id) })).toBe(true);
      const second = aSession(client.id, user.id);
      expect(await store.completeSignIn({ ...input, session: second, clientTokenHash: hashOf('t2') })).toBe(false);
      expect(await store.getSession(second.id)).toBeNull();
      expect(await store.getClient(client.id)).toMatchObject({ tokenHash: hashOf('t1') });
    });
    it('given 10 parallel completions of one sign-in, exactly one wins and only its session exists', async () => {
      const { user, client, session: signUpSession } = await givenUser(store);
      const signIn = aSignIn(client.id, { userId: user.id });
      await store.createSignIn(signIn);
      const sessions = Array.from({ length: 10 }, () => aSession(client.id, user.id));
      const results = await Promise.all(
        sessions.map((session, i) => store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_first_factor'], session, clientTokenHash: hashOf(`par${i}`), now: T0 + 1 })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect((await store.listClientSessions(client.id)).map((s) => s.id).sort()).toEqual([signUpSession.id, sessions[winner]!.id].sort());
      expect(await store.getSignIn(signIn.id)).toMatchObject({ status: 'complete', createdSessionId: sessions[winner]!.id });
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: sessions[winner]!.id, tokenHash: hashOf(`par${winner}`) });
    });
    it('a password reset commits with the completion: new hash, other sessions revoked, notice enqueued', async () => {
      const { user, client, session: first } = await givenUser(store);
      const otherClient = await givenClient(store);
      const elsewhere = await givenSession(store, otherClient.id, user.id);
      const signIn = aSignIn(otherClient.id, { userId: user.id, status: 'needs_new_password' });
      await store.createSignIn(signIn);
      const session = aSession(otherClient.id, user.id, { createdAt: T0 + 9 });
      const notification = aMessage();
      const done = await store.completeSignIn({
        signInId: signIn.id,
        fromStatuses: ['needs_new_password'],
        session,
        clientTokenHash: hashOf('after-reset'),
        now: T0 + 9,
        passwordReset: { passwordHash: 'new-hash', revokeOtherSessions: true, notification },
      });
      expect(done).toBe(true);
      expect(await store.getUser(user.id)).toMatchObject({ passwordHash: 'new-hash', failedAttempts: 0, lastSignInAt: T0 + 9 });
      expect(await store.getSession(first.id)).toMatchObject({ status: 'revoked', updatedAt: T0 + 9 });
      expect(await store.getSession(elsewhere.id)).toMatchObject({ status: 'revoked' });
      expect(await store.getSession(session.id)).toEqual(session);
      expect((await store.listOutbox({})).map((m) => m.id)).toContain(notification.id);
      expect(await store.getClient(client.id)).toMatchObject({ tokenHash: client.tokenHash });
    });
    it('a password reset that keeps other sessions leaves them active; a lost race changes neither password nor sessions', async () => {
      const { user, client, session: first } = await givenUser(store);
      const signIn = aSignIn(client.id, { userId: user.id, status: 'needs_new_password' });
      await store.createSignIn(signIn);
      const input = { signInId: signIn.id, fromStatuses: ['needs_new_password' as const], now: T0 + 1 };
      const kept = await store.completeSignIn({ ...input, session: aSession(client.id, user.id), clientTokenHash: hashOf('k1'), passwordReset: { passwordHash: 'h1', revokeOtherSessions: false, notification: null } });
      expect(kept).toBe(true);
      expect(await store.getSession(first.id)).toMatchObject({ status: 'active' });
      const notice = aMessage();
      const late = await store.completeSignIn({ ...input, session: aSession(client.id, user.id), clientTokenHash: hashOf('k2'), passwordReset: { passwordHash: 'h2', revokeOtherSessions: true, notification: notice } });
      expect(late).toBe(false);
      expect(await store.getUser(user.id)).toMatchObject({ passwordHash: 'h1' });
      expect(await store.getSession(first.id)).toMatchObject({ status: 'active' });
      expect((await store.listOutbox({})).map((m) => m.id)).not.toContain(notice.id);
    });
  });

  describe('sign-ups', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('a created sign-up reads back and becomes the client’s current sign-up', async () => {
      const client = await givenClient(store);
      const signUp = aSignUp(client.id, { createdAt: T0 + 4, updatedAt: T0 + 4 });
      await store.createSignUp(signUp);
      expect(await store.getSignUp(signUp.id)).toEqual(signUp);
      expect(await store.getClient(client.id)).toMatchObject({ signUpId: signUp.id, updatedAt: T0 + 4 });
      expect(await store.getSignUp('sua_unknown')).toBeNull();
    });
    it('updateSignUp patches fields and answers the stored sign-up; unknown ids answer null', async () => {
      const client = await givenClient(store);
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const patch = { username: 'ada', firstName: 'Ada', emailVerifiedAt: T0 + 2, passwordHash: 'phc', legalAcceptedAt: T0 + 2, updatedAt: T0 + 2 };
      expect(await store.updateSignUp(signUp.id, patch)).toEqual({ ...signUp, ...patch });
      expect(await store.getSignUp(signUp.id)).toEqual({ ...signUp, ...patch });
      expect(await store.updateSignUp('sua_unknown', patch)).toBeNull();
    });
    it('completing a sign-up inserts the user, its email address and the session, completes the sign-up and rotates the client token', async () => {
      const client = await givenClient(store);
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const user = aUser({ username: 'ada' });
      const email = anEmail(user.id, 'ada@example.com');
      user.primaryEmailAddressId = email.id;
      const session = aSession(client.id, user.id);
      expect(await store.completeSignUp({ signUpId: signUp.id, user, emailAddress: email, session, clientTokenHash: hashOf('after-sign-up'), now: T0 + 8 })).toBe(true);
      expect(await store.getUser(user.id)).toEqual(user);
      expect(await store.listEmailAddresses(user.id)).toEqual([email]);
      expect(await store.getSession(session.id)).toEqual(session);
      expect(await store.getSignUp(signUp.id)).toEqual({ ...signUp, status: 'complete', createdUserId: user.id, createdSessionId: session.id, updatedAt: T0 + 8 });
      expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: session.id, tokenHash: hashOf('after-sign-up'), updatedAt: T0 + 8 });
      expect(await store.findClientByTokenHash(client.tokenHash)).toBeNull();
    });
    it('a sign-up without an email address (username only) completes', async () => {
      const { user } = await givenUser(store, { username: 'ada', email: null });
      expect(await store.listEmailAddresses(user.id)).toEqual([]);
      expect(await store.findUserByUsername('ADA')).toEqual(user);
    });
    for (const [field, taken, attempt] of [
      ['email_address', { email: 'ada@example.com' }, { email: 'ADA@example.COM' }],
      ['username', { username: 'ada' }, { username: 'ADA' }],
    ] as const) {
      it(`completing a sign-up whose ${field} was taken meanwhile (in another case) throws StoreConflictError(${field}) and changes nothing`, async () => {
        await givenUser(store, taken);
        const client = await givenClient(store);
        const signUp = aSignUp(client.id);
        await store.createSignUp(signUp);
        const user = aUser({ username: 'username' in attempt ? attempt.username : 'fresh' });
        const email = anEmail(user.id, 'email' in attempt ? attempt.email.toLowerCase() : 'fresh@example.com');
        const session = aSession(client.id, user.id);
        await expect(store.completeSignUp({ signUpId: signUp.id, user, emailAddress: email, session, clientTokenHash: hashOf('x'), now: T0 })).rejects.toEqual(conflictOn(field));
        expect(await store.getSignUp(signUp.id)).toEqual(signUp);
        expect(await store.getUser(user.id)).toBeNull();
        expect(await store.listEmailAddresses(user.id)).toEqual([]);
        expect(await store.getSession(session.id)).toBeNull();
        expect(await store.getClient(client.id)).toEqual({ ...client, signUpId: signUp.id });
      });
    }
    it('a sign-up no longer missing requirements is not completed again', async () => {
      const { signUp, client } = await givenUser(store);
      const user = aUser();
      const session = aSession(client.id, user.id);
      expect(await store.completeSignUp({ signUpId: signUp.id, user, emailAddress: null, session, clientTokenHash: hashOf('x'), now: T0 })).toBe(false);
      expect(await store.getUser(user.id)).toBeNull();
      expect(await store.getSession(session.id)).toBeNull();
      expect(await store.completeSignUp({ signUpId: 'sua_unknown', user, emailAddress: null, session, clientTokenHash: hashOf('x'), now: T0 })).toBe(false);
    });
    it('given 10 parallel completions of one sign-up, exactly one creates the user', async () => {
      const client = await givenClient(store);
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const attempts = Array.from({ length: 10 }, () => {
        const user = aUser({ username: 'ada' });
        return { user, email: anEmail(user.id, 'ada@example.com'), session: aSession(client.id, user.id) };
      });
      const results = await Promise.allSettled(
        attempts.map((a) => store.completeSignUp({ signUpId: signUp.id, user: a.user, emailAddress: a.email, session: a.session, clientTokenHash: hashOf('x'), now: T0 })),
      );
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected')).sort()).toEqual([true, ...Array<boolean>(9).fill(false)].sort());
      const winner = attempts[results.findIndex((r) => r.status === 'fulfilled' && r.value)]!;
      expect(await store.findUserByEmailAddress('ada@example.com')).toEqual(winner.user);
      expect(await store.listClientSessions(client.id)).toEqual([winner.session]);
    });
  });
}
