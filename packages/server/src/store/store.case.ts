/**
 * The Store contract as executable specification. Every adapter runs this suite
 * (memory.test.ts, sqlite.test.ts, postgres.test.ts); an adapter is correct when it passes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  StoreConflictError,
  type ClientRecord,
  type DevMessageRecord,
  type EmailAddressRecord,
  type OutboxRecord,
  type SessionRecord,
  type SignInRecord,
  type SignUpRecord,
  type Store,
  type UserRecord,
  type VerificationRecord,
} from './types.ts';

const T0 = 1_700_000_000_000;
const MINUTE = 60_000;
const RIGHT = 'a1'.repeat(32);
const WRONG = 'b2'.repeat(32);
const hashOf = (label: string): string => label.padEnd(64, '0');

let counter = 0;
/** Sortable ids, like the server's: a later id sorts after an earlier one. */
const nextId = (prefix: string): string => `${prefix}_${String(++counter).padStart(8, '0')}`;

const aClient = (o: Partial<ClientRecord> = {}): ClientRecord => {
  const id = o.id ?? nextId('client');
  return { id, tokenHash: hashOf(id), signInId: null, signUpId: null, lastActiveSessionId: null, createdAt: T0, updatedAt: T0, ...o };
};
const aUser = (o: Partial<UserRecord> = {}): UserRecord => ({
  id: nextId('user'), username: null, firstName: 'Ada', lastName: 'Lovelace', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  imageUrl: null, primaryEmailAddressId: null, publicMetadata: { plan: 'pro' }, privateMetadata: { note: 'vip' }, unsafeMetadata: { theme: 'dark' },
  failedAttempts: 0, lockedUntil: null, lastSignInAt: null, createdAt: T0, updatedAt: T0, ...o,
});
const anEmail = (userId: string, emailAddress: string): EmailAddressRecord => ({ id: nextId('idn'), userId, emailAddress, verifiedAt: T0, createdAt: T0 });
const aSession = (clientId: string, userId: string, o: Partial<SessionRecord> = {}): SessionRecord => ({
  id: nextId('sess'), clientId, userId, status: 'active', firstFactorVerifiedAt: T0, secondFactorVerifiedAt: null,
  lastActiveAt: T0, expireAt: T0 + 7 * 24 * 60 * MINUTE, abandonAt: T0 + 30 * 24 * 60 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
const aSignIn = (clientId: string, o: Partial<SignInRecord> = {}): SignInRecord => ({
  id: nextId('sia'), clientId, status: 'needs_first_factor', identifier: 'ada@example.com', userId: null, firstFactorStrategy: null,
  firstFactorStatus: null, redirectUrl: null, createdSessionId: null, abandonAt: T0 + 60 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
const aSignUp = (clientId: string, o: Partial<SignUpRecord> = {}): SignUpRecord => ({
  id: nextId('sua'), clientId, status: 'missing_requirements', emailAddress: 'ada@example.com', emailVerifiedAt: null, username: null,
  firstName: null, lastName: null, passwordHash: null, legalAcceptedAt: null, redirectUrl: null, createdUserId: null, createdSessionId: null,
  abandonAt: T0 + 60 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
const aVerification = (ownerId: string, o: Partial<VerificationRecord> = {}): VerificationRecord => ({
  id: nextId('ver'), purpose: 'sign_in', ownerId, strategy: 'email_code', codeHash: RIGHT, status: 'unverified', attempts: 0, maxAttempts: 5,
  expireAt: T0 + 10 * MINUTE, verifiedAt: null, createdAt: T0, updatedAt: T0, ...o,
});
const aMessage = (o: Partial<OutboxRecord> = {}): OutboxRecord => ({
  id: nextId('msg'), kind: 'email', payload: { to: 'ada@example.com', template: 'code' }, status: 'pending', attempts: 0,
  nextAttemptAt: T0, lockedUntil: null, lastError: null, createdAt: T0, updatedAt: T0, ...o,
});
const aDevMessage = (o: Partial<DevMessageRecord> = {}): DevMessageRecord => ({
  id: nextId('dev'), channel: 'email', to: 'ada@example.com', subject: 'Your code', text: 'Code: 123456', html: '<p>Code: 123456</p>', createdAt: T0, ...o,
});

const conflictOn = (field: StoreConflictError['field']) => expect.objectContaining({ name: 'StoreConflictError', field });

/**
 * Registers the conformance suite for one adapter. `make` gives a fresh, migrated, empty store
 * per test; `teardown` disposes of it (default: close()).
 *
 * @example
 * storeConformance('memory', async () => createMemoryStore());
 */
export function storeConformance(name: string, make: () => Promise<Store>, teardown: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`${name} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    async function givenClient(o: Partial<ClientRecord> = {}): Promise<ClientRecord> {
      const client = aClient(o);
      await store.createClient(client);
      return client;
    }
    /** Users only come into being through a completed sign-up, as in production. */
    async function givenUser(o: { username?: string | null; email?: string | null } = {}) {
      const client = await givenClient();
      const signUp = aSignUp(client.id);
      await store.createSignUp(signUp);
      const user = aUser({ username: o.username ?? null });
      const email = o.email === null ? null : anEmail(user.id, o.email ?? `${user.id}@example.com`);
      user.primaryEmailAddressId = email?.id ?? null;
      const session = aSession(client.id, user.id);
      const tokenHash = hashOf(nextId('tok'));
      expect(await store.completeSignUp({ signUpId: signUp.id, user, emailAddress: email, session, clientTokenHash: tokenHash, now: T0 })).toBe(true);
      return { client: { ...client, tokenHash }, user, email, session, signUp };
    }
    /** A fresh active session for the user on the client, created the production way (a completed sign-in). */
    async function givenSession(clientId: string, userId: string, o: Partial<SessionRecord> = {}): Promise<SessionRecord> {
      const signIn = aSignIn(clientId, { userId });
      await store.createSignIn(signIn);
      const session = aSession(clientId, userId, o);
      expect(await store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_first_factor'], session, clientTokenHash: hashOf(nextId('tok')), now: o.createdAt ?? T0 })).toBe(true);
      return session;
    }

    describe('migrations', () => {
      it('given a migrated store, migrating again changes nothing and keeps the data', async () => {
        await store.putSetting('instance', { name: 'Acme' });
        await store.migrate();
        await Promise.all([store.migrate(), store.migrate()]);
        expect(await store.getSetting('instance')).toEqual({ name: 'Acme' });
      });
    });

    describe('settings', () => {
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

    describe('clients', () => {
      it('a created client reads back by id and by token hash; unknown ones read as null', async () => {
        const client = await givenClient();
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
        const client = await givenClient();
        await store.rotateClientToken(client.id, hashOf('new'), T0 + 5);
        expect(await store.findClientByTokenHash(client.tokenHash)).toBeNull();
        expect(await store.findClientByTokenHash(hashOf('new'))).toEqual({ ...client, tokenHash: hashOf('new'), updatedAt: T0 + 5 });
      });
    });

    describe('users', () => {
      it('a user is found by email address and by username regardless of case', async () => {
        const { user } = await givenUser({ username: 'Ada_L', email: 'ada@example.com' });
        expect(await store.findUserByEmailAddress('ADA@Example.com')).toEqual(user);
        expect(await store.findUserByUsername('ada_l')).toEqual(user);
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.findUserByEmailAddress('nobody@example.com')).toBeNull();
        expect(await store.findUserByUsername('nobody')).toBeNull();
        expect(await store.getUser('user_unknown')).toBeNull();
      });
      it('lists the email addresses of one user only', async () => {
        const { user, email } = await givenUser({ email: 'ada@example.com' });
        await givenUser({ email: 'grace@example.com' });
        expect(await store.listEmailAddresses(user.id)).toEqual([email]);
        expect(await store.listEmailAddresses('user_unknown')).toEqual([]);
      });
      it('updateUser patches profile fields, sets updatedAt and answers the stored user', async () => {
        const { user } = await givenUser({ username: 'ada' });
        const updated = await store.updateUser(user.id, { firstName: 'Augusta', imageUrl: 'https://img.example/a.png', unsafeMetadata: { theme: 'light' } }, T0 + 9);
        const expected = { ...user, firstName: 'Augusta', imageUrl: 'https://img.example/a.png', unsafeMetadata: { theme: 'light' }, updatedAt: T0 + 9 };
        expect(updated).toEqual(expected);
        expect(await store.getUser(user.id)).toEqual(expected);
        expect(await store.updateUser('user_unknown', { firstName: 'x' }, T0)).toBeNull();
      });
      it('updateUser to a username another user holds (in any case) throws StoreConflictError(username) and changes nothing', async () => {
        await givenUser({ username: 'grace' });
        const { user } = await givenUser({ username: 'ada' });
        await expect(store.updateUser(user.id, { username: 'GRACE', firstName: 'Changed' }, T0 + 1)).rejects.toEqual(conflictOn('username'));
        await expect(store.updateUser(user.id, { username: 'GRACE' }, T0 + 1)).rejects.toBeInstanceOf(StoreConflictError);
        expect(await store.getUser(user.id)).toEqual(user);
      });
      it('a user may change the case of their own username', async () => {
        const { user } = await givenUser({ username: 'ada' });
        expect(await store.updateUser(user.id, { username: 'Ada' }, T0 + 1)).toMatchObject({ username: 'Ada' });
      });
      it('each failed attempt counts one; the one reaching maxAttempts locks the user and restarts the count', async () => {
        const { user } = await givenUser();
        const policy = { maxAttempts: 3, lockMs: 60 * MINUTE };
        expect(await store.recordFailedAttempt(user.id, T0, policy)).toEqual({ failedAttempts: 1, lockedUntil: null });
        expect(await store.recordFailedAttempt(user.id, T0, policy)).toEqual({ failedAttempts: 2, lockedUntil: null });
        expect(await store.recordFailedAttempt(user.id, T0 + 7, policy)).toEqual({ failedAttempts: 0, lockedUntil: T0 + 7 + 60 * MINUTE });
        expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 0, lockedUntil: T0 + 7 + 60 * MINUTE });
      });
      it('given 20 parallel failed attempts under a budget of 100, the count is exactly 20', async () => {
        const { user } = await givenUser();
        const results = await Promise.all(Array.from({ length: 20 }, () => store.recordFailedAttempt(user.id, T0, { maxAttempts: 100, lockMs: MINUTE })));
        expect(results.map((r) => r.failedAttempts).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 20, lockedUntil: null });
      });
      it('given 20 parallel failed attempts under a budget of 5, the user is locked exactly 4 times and the count ends at 0', async () => {
        const { user } = await givenUser();
        const results = await Promise.all(Array.from({ length: 20 }, () => store.recordFailedAttempt(user.id, T0, { maxAttempts: 5, lockMs: MINUTE })));
        expect(results.filter((r) => r.failedAttempts === 0)).toHaveLength(4);
        expect(results.map((r) => r.failedAttempts).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4].flatMap((n) => [n, n, n, n]));
        expect(await store.getUser(user.id)).toMatchObject({ failedAttempts: 0, lockedUntil: T0 + MINUTE });
      });
    });

    describe('sign-ins', () => {
      it('a created sign-in reads back and becomes the client’s current sign-in', async () => {
        const client = await givenClient();
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
        const client = await givenClient();
        const signIn = aSignIn(client.id);
        await store.createSignIn(signIn);
        const patch = { status: 'needs_second_factor', firstFactorStrategy: 'password', firstFactorStatus: 'verified', userId: 'user_x', redirectUrl: '/home', updatedAt: T0 + 1 } as const;
        expect(await store.updateSignIn(signIn.id, patch)).toEqual({ ...signIn, ...patch });
        expect(await store.getSignIn(signIn.id)).toEqual({ ...signIn, ...patch });
        expect(await store.updateSignIn('sia_unknown', patch)).toBeNull();
      });
      it('completing a sign-in inserts the session, completes the sign-in, activates the session on the client, rotates its token and resets the user’s failures', async () => {
        const { user, client } = await givenUser();
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
        const { user, client } = await givenUser();
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
        const { user, client } = await givenUser();
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
        const { user, client, session: signUpSession } = await givenUser();
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
    });

    describe('sign-ups', () => {
      it('a created sign-up reads back and becomes the client’s current sign-up', async () => {
        const client = await givenClient();
        const signUp = aSignUp(client.id, { createdAt: T0 + 4, updatedAt: T0 + 4 });
        await store.createSignUp(signUp);
        expect(await store.getSignUp(signUp.id)).toEqual(signUp);
        expect(await store.getClient(client.id)).toMatchObject({ signUpId: signUp.id, updatedAt: T0 + 4 });
        expect(await store.getSignUp('sua_unknown')).toBeNull();
      });
      it('updateSignUp patches fields and answers the stored sign-up; unknown ids answer null', async () => {
        const client = await givenClient();
        const signUp = aSignUp(client.id);
        await store.createSignUp(signUp);
        const patch = { username: 'ada', firstName: 'Ada', emailVerifiedAt: T0 + 2, passwordHash: 'phc', legalAcceptedAt: T0 + 2, updatedAt: T0 + 2 };
        expect(await store.updateSignUp(signUp.id, patch)).toEqual({ ...signUp, ...patch });
        expect(await store.getSignUp(signUp.id)).toEqual({ ...signUp, ...patch });
        expect(await store.updateSignUp('sua_unknown', patch)).toBeNull();
      });
      it('completing a sign-up inserts the user, its email address and the session, completes the sign-up and rotates the client token', async () => {
        const client = await givenClient();
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
        const { user } = await givenUser({ username: 'ada', email: null });
        expect(await store.listEmailAddresses(user.id)).toEqual([]);
        expect(await store.findUserByUsername('ADA')).toEqual(user);
      });
      for (const [field, taken, attempt] of [
        ['email_address', { email: 'ada@example.com' }, { email: 'ADA@example.COM' }],
        ['username', { username: 'ada' }, { username: 'ADA' }],
      ] as const) {
        it(`completing a sign-up whose ${field} was taken meanwhile (in another case) throws StoreConflictError(${field}) and changes nothing`, async () => {
          await givenUser(taken);
          const client = await givenClient();
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
        const { signUp, client } = await givenUser();
        const user = aUser();
        const session = aSession(client.id, user.id);
        expect(await store.completeSignUp({ signUpId: signUp.id, user, emailAddress: null, session, clientTokenHash: hashOf('x'), now: T0 })).toBe(false);
        expect(await store.getUser(user.id)).toBeNull();
        expect(await store.getSession(session.id)).toBeNull();
        expect(await store.completeSignUp({ signUpId: 'sua_unknown', user, emailAddress: null, session, clientTokenHash: hashOf('x'), now: T0 })).toBe(false);
      });
      it('given 10 parallel completions of one sign-up, exactly one creates the user', async () => {
        const client = await givenClient();
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

    describe('verifications', () => {
      const outboxIds = async () => (await store.listOutbox({})).map((m) => m.id);

      it('preparing a code stores an unverified verification and enqueues its message', async () => {
        const verification = aVerification('sia_1');
        const message = aMessage();
        expect(await store.prepareVerification(verification, message)).toEqual(verification);
        expect(await store.getVerification('sia_1', 'sign_in')).toEqual(verification);
        expect(await store.listOutbox({ status: 'pending' })).toEqual([message]);
        expect(await store.getVerification('sia_1', 'sign_up')).toBeNull();
      });
      it('a resend renews the code and deadline but keeps the attempts already spent', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 + 1 });
        await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 + 2 });
        const resend = aVerification('sia_1', { codeHash: hashOf('new'), expireAt: T0 + 20 * MINUTE, updatedAt: T0 + 3, createdAt: T0 + 3 });
        const stored = await store.prepareVerification(resend, aMessage());
        expect(stored).toMatchObject({ codeHash: hashOf('new'), expireAt: T0 + 20 * MINUTE, status: 'unverified', attempts: 2, createdAt: T0 });
        expect(await store.getVerification('sia_1', 'sign_in')).toEqual(stored);
        expect(await outboxIds()).toHaveLength(2);
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 4 })).toMatchObject({ outcome: 'incorrect', verification: { attempts: 3 } });
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: hashOf('new'), now: T0 + 5 })).toMatchObject({ outcome: 'verified' });
      });
      it('a resend of an expired code makes it unverified again, with a fresh deadline', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 11 * MINUTE });
        const stored = await store.prepareVerification(aVerification('sia_1', { expireAt: T0 + 30 * MINUTE }), aMessage());
        expect(stored).toMatchObject({ status: 'unverified', expireAt: T0 + 30 * MINUTE });
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 12 * MINUTE })).toMatchObject({ outcome: 'verified' });
      });
      it('a resend of a failed verification keeps it failed and sends nothing', async () => {
        await store.prepareVerification(aVerification('sia_1', { maxAttempts: 1 }), aMessage());
        await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 });
        const before = await outboxIds();
        const stored = await store.prepareVerification(aVerification('sia_1', { codeHash: hashOf('new') }), aMessage());
        expect(stored).toMatchObject({ status: 'failed', codeHash: RIGHT, attempts: 1 });
        expect(await outboxIds()).toEqual(before);
      });
      it('a resend of a verified verification keeps it verified and sends nothing', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 1 });
        const before = await outboxIds();
        const stored = await store.prepareVerification(aVerification('sia_1', { codeHash: hashOf('new') }), aMessage());
        expect(stored).toMatchObject({ status: 'verified', codeHash: RIGHT, verifiedAt: T0 + 1 });
        expect(await outboxIds()).toEqual(before);
      });
      it('redeeming a code nobody prepared answers not_found; a code is bound to its purpose', async () => {
        await store.prepareVerification(aVerification('sua_1', { purpose: 'sign_up' }), aMessage());
        expect(await store.consumeVerification({ ownerId: 'sua_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 })).toEqual({ outcome: 'not_found' });
        expect(await store.consumeVerification({ ownerId: 'sia_unknown', purpose: 'sign_in', codeHash: RIGHT, now: T0 })).toEqual({ outcome: 'not_found' });
      });
      it('the right code verifies once; a second redemption answers already_verified', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        const first = await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 5 });
        expect(first).toEqual({ outcome: 'verified', verification: { ...aVerification('sia_1'), id: expect.any(String), status: 'verified', verifiedAt: T0 + 5, updatedAt: T0 + 5 } });
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 6 })).toMatchObject({ outcome: 'already_verified', verification: { status: 'verified', verifiedAt: T0 + 5 } });
      });
      it('each wrong code spends one attempt; the one reaching maxAttempts fails it, and then even the right code answers failed', async () => {
        await store.prepareVerification(aVerification('sia_1', { maxAttempts: 3 }), aMessage());
        const wrong = () => store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 + 1 });
        expect(await wrong()).toMatchObject({ outcome: 'incorrect', verification: { attempts: 1, status: 'unverified' } });
        expect(await wrong()).toMatchObject({ outcome: 'incorrect', verification: { attempts: 2, status: 'unverified' } });
        expect(await wrong()).toMatchObject({ outcome: 'failed', verification: { attempts: 3, status: 'failed' } });
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 2 })).toMatchObject({ outcome: 'failed', verification: { attempts: 3 } });
      });
      it('past expireAt even the right code answers expired, and the verification is stored as expired', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 10 * MINUTE })).toMatchObject({ outcome: 'expired', verification: { status: 'expired' } });
        expect(await store.getVerification('sia_1', 'sign_in')).toMatchObject({ status: 'expired', attempts: 0 });
        expect(await store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + 1 })).toMatchObject({ outcome: 'expired' });
      });
      it('given a verification with a right code, 20 parallel consumptions → exactly one verified, the rest already_verified', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: RIGHT, now: T0 + i })));
        expect(results.filter((r) => r.outcome === 'verified')).toHaveLength(1);
        expect(results.filter((r) => r.outcome === 'already_verified')).toHaveLength(19);
      });
      it('given 20 parallel wrong codes under a budget of 5, exactly 5 attempts are spent: 4 incorrect, then failed', async () => {
        await store.prepareVerification(aVerification('sia_1'), aMessage());
        const results = await Promise.all(Array.from({ length: 20 }, () => store.consumeVerification({ ownerId: 'sia_1', purpose: 'sign_in', codeHash: WRONG, now: T0 })));
        expect(results.filter((r) => r.outcome === 'incorrect')).toHaveLength(4);
        expect(results.filter((r) => r.outcome === 'failed')).toHaveLength(16);
        expect(await store.getVerification('sia_1', 'sign_in')).toMatchObject({ status: 'failed', attempts: 5 });
      });
    });

    describe('sessions', () => {
      it('lists a client’s sessions oldest first, and only that client’s', async () => {
        const { user, client, session: first } = await givenUser();
        const second = await givenSession(client.id, user.id, { createdAt: T0 + 1 });
        const other = await givenClient();
        await givenSession(other.id, user.id);
        expect(await store.listClientSessions(client.id)).toEqual([first, second]);
        expect(await store.getSession('sess_unknown')).toBeNull();
      });
      it('setSessionStatus moves a session only from one of the given statuses', async () => {
        const { session } = await givenUser();
        expect(await store.setSessionStatus(session.id, ['ended'], 'revoked', T0 + 1)).toBe(false);
        expect(await store.getSession(session.id)).toMatchObject({ status: 'active', updatedAt: T0 });
        expect(await store.setSessionStatus(session.id, ['active'], 'ended', T0 + 2)).toBe(true);
        expect(await store.getSession(session.id)).toMatchObject({ status: 'ended', updatedAt: T0 + 2 });
        expect(await store.setSessionStatus('sess_unknown', ['active'], 'ended', T0)).toBe(false);
      });
      it('endClientSessions ends the client’s active sessions only, answers how many, and clears the last active session', async () => {
        const { user, client, session: first } = await givenUser();
        const second = await givenSession(client.id, user.id);
        const removed = await givenSession(client.id, user.id);
        await store.setSessionStatus(removed.id, ['active'], 'removed', T0);
        const other = await givenClient();
        const elsewhere = await givenSession(other.id, user.id);
        expect(await store.endClientSessions(client.id, 'ended', T0 + 9)).toBe(2);
        expect(await store.getSession(first.id)).toMatchObject({ status: 'ended', updatedAt: T0 + 9 });
        expect(await store.getSession(second.id)).toMatchObject({ status: 'ended' });
        expect(await store.getSession(removed.id)).toMatchObject({ status: 'removed' });
        expect(await store.getSession(elsewhere.id)).toMatchObject({ status: 'active' });
        expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: null });
        expect(await store.getClient(other.id)).toMatchObject({ lastActiveSessionId: elsewhere.id });
      });
      it('touchSession writes only once the stored activity is older than minIntervalMs', async () => {
        const { session } = await givenUser();
        await store.touchSession(session.id, T0 + MINUTE, 30 * MINUTE, MINUTE);
        expect(await store.getSession(session.id)).toEqual(session);
        await store.touchSession(session.id, T0 + MINUTE + 1, 30 * MINUTE, MINUTE);
        expect(await store.getSession(session.id)).toMatchObject({ lastActiveAt: T0 + MINUTE + 1, expireAt: T0 + 31 * MINUTE + 1, updatedAt: T0 + MINUTE + 1 });
        await store.touchSession(session.id, T0 + 2 * MINUTE, 30 * MINUTE, MINUTE);
        expect(await store.getSession(session.id)).toMatchObject({ lastActiveAt: T0 + MINUTE + 1 });
      });
      it('touchSession never revives an ended session or one past its inactivity deadline', async () => {
        const { user, client, session } = await givenUser();
        await store.setSessionStatus(session.id, ['active'], 'ended', T0);
        await store.touchSession(session.id, T0 + 5 * MINUTE, 30 * MINUTE, MINUTE);
        expect(await store.getSession(session.id)).toMatchObject({ lastActiveAt: T0 });
        const idle = await givenSession(client.id, user.id, { expireAt: T0 + 10 * MINUTE });
        await store.touchSession(idle.id, T0 + 10 * MINUTE, 30 * MINUTE, MINUTE);
        expect(await store.getSession(idle.id)).toMatchObject({ lastActiveAt: T0, expireAt: T0 + 10 * MINUTE });
      });
      it('setLastActiveSession sets and clears the client’s last active session', async () => {
        const { user, client } = await givenUser();
        const session = await givenSession(client.id, user.id);
        await store.setLastActiveSession(client.id, null, T0 + 1);
        expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: null, updatedAt: T0 + 1 });
        await store.setLastActiveSession(client.id, session.id, T0 + 2);
        expect(await store.getClient(client.id)).toMatchObject({ lastActiveSessionId: session.id, updatedAt: T0 + 2 });
      });
    });

    describe('outbox', () => {
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

    describe('dev mailbox', () => {
      it('lists one channel oldest first, paginated, with the total count', async () => {
        const emails = [aDevMessage({ createdAt: T0 + 2 }), aDevMessage({ createdAt: T0 }), aDevMessage({ createdAt: T0 + 1 })];
        const sms = aDevMessage({ channel: 'sms', to: '+15550100', subject: '', html: '' });
        for (const m of [...emails, sms]) await store.insertDevMessage(m);
        expect(await store.listDevMessages({ channel: 'email', limit: 2, offset: 0 })).toEqual({ data: [emails[1], emails[2]], totalCount: 3 });
        expect(await store.listDevMessages({ channel: 'email', limit: 2, offset: 2 })).toEqual({ data: [emails[0]], totalCount: 3 });
        expect(await store.listDevMessages({ channel: 'sms', limit: 10, offset: 0 })).toEqual({ data: [sms], totalCount: 1 });
      });
      it('clearing empties every channel', async () => {
        await store.insertDevMessage(aDevMessage());
        await store.insertDevMessage(aDevMessage({ channel: 'sms' }));
        await store.clearDevMessages();
        expect(await store.listDevMessages({ channel: 'email', limit: 10, offset: 0 })).toEqual({ data: [], totalCount: 0 });
        expect(await store.listDevMessages({ channel: 'sms', limit: 10, offset: 0 })).toEqual({ data: [], totalCount: 0 });
      });
    });
  });
}
