/**
 * Records and preconditions shared by the store conformance cases: builders (`aUser`, `aSession`, …)
 * give valid records with sensible defaults, and `given…` helpers put them into a store the way
 * production does (users only through a completed sign-up, sessions through a completed sign-in).
 */
import { expect } from 'vitest';
import type {
  ClientRecord,
  DevMessageRecord,
  EmailAddressRecord,
  OutboxRecord,
  SessionRecord,
  SignInRecord,
  SignUpRecord,
  Store,
  StoreConflictError,
  UserRecord,
  VerificationRecord,
} from '../types.ts';

/** Gives a fresh, migrated, empty store. */
export type MakeStore = () => Promise<Store>;
/** Disposes of a store made by `MakeStore`. */
export type TeardownStore = (store: Store) => Promise<void>;

export const T0 = 1_700_000_000_000;
export const MINUTE = 60_000;
export const RIGHT = 'a1'.repeat(32);
export const WRONG = 'b2'.repeat(32);
export const hashOf = (label: string): string => label.padEnd(64, '0');

let counter = 0;
/** Sortable ids, like the server's: a later id sorts after an earlier one. */
export const nextId = (prefix: string): string => `${prefix}_${String(++counter).padStart(8, '0')}`;

export const aClient = (o: Partial<ClientRecord> = {}): ClientRecord => {
  const id = o.id ?? nextId('client');
  return { id, tokenHash: hashOf(id), signInId: null, signUpId: null, lastActiveSessionId: null, createdAt: T0, updatedAt: T0, ...o };
};
export const aUser = (o: Partial<UserRecord> = {}): UserRecord => ({
  id: nextId('user'), username: null, firstName: 'Ada', lastName: 'Lovelace', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  imageUrl: null, primaryEmailAddressId: null, primaryPhoneNumberId: null, publicMetadata: { plan: 'pro' }, privateMetadata: { note: 'vip' }, unsafeMetadata: { theme: 'dark' },
  failedAttempts: 0, defaultSecondFactor: null, lockedUntil: null, bannedAt: null, lastSignInAt: null, createdAt: T0, updatedAt: T0, ...o,
});
export const anEmail = (userId: string, emailAddress: string): EmailAddressRecord => ({ id: nextId('idn'), userId, emailAddress, verifiedAt: T0, createdAt: T0 });
export const aSession = (clientId: string, userId: string, o: Partial<SessionRecord> = {}): SessionRecord => ({
  id: nextId('sess'), clientId, userId, status: 'active', device: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0', ipAddress: '203.0.113.7', city: 'Lyon', country: 'FR' }, firstFactorVerifiedAt: T0, secondFactorVerifiedAt: null,
  lastActiveAt: T0, expireAt: T0 + 7 * 24 * 60 * MINUTE, abandonAt: T0 + 30 * 24 * 60 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
export const aSignIn = (clientId: string, o: Partial<SignInRecord> = {}): SignInRecord => ({
  id: nextId('sia'), clientId, status: 'needs_first_factor', identifier: 'ada@example.com', userId: null, firstFactorStrategy: null,
  firstFactorStatus: null, secondFactorStrategy: null, secondFactorStatus: null, secondFactorPhoneNumberId: null, pendingPasswordHash: null, pendingSignOutOthers: false, redirectUrl: null, createdSessionId: null, abandonAt: T0 + 60 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
export const aSignUp = (clientId: string, o: Partial<SignUpRecord> = {}): SignUpRecord => ({
  id: nextId('sua'), clientId, status: 'missing_requirements', emailAddress: 'ada@example.com', emailVerifiedAt: null, username: null,
  firstName: null, lastName: null, passwordHash: null, legalAcceptedAt: null, redirectUrl: null, createdUserId: null, createdSessionId: null,
  abandonAt: T0 + 60 * MINUTE, createdAt: T0, updatedAt: T0, ...o,
});
export const aVerification = (ownerId: string, o: Partial<VerificationRecord> = {}): VerificationRecord => ({
  id: nextId('ver'), purpose: 'sign_in', ownerId, strategy: 'email_code', codeHash: RIGHT, status: 'unverified', attempts: 0, maxAttempts: 5,
  expireAt: T0 + 10 * MINUTE, verifiedAt: null, createdAt: T0, updatedAt: T0, ...o,
});
export const aMessage = (o: Partial<OutboxRecord> = {}): OutboxRecord => ({
  id: nextId('msg'), kind: 'email', payload: { to: 'ada@example.com', template: 'code' }, status: 'pending', attempts: 0,
  nextAttemptAt: T0, lockedUntil: null, lastError: null, createdAt: T0, updatedAt: T0, ...o,
});
export const aDevMessage = (o: Partial<DevMessageRecord> = {}): DevMessageRecord => ({
  id: nextId('dev'), channel: 'email', to: 'ada@example.com', subject: 'Your code', text: 'Code: 123456', html: '<p>Code: 123456</p>', createdAt: T0, ...o,
});

export const conflictOn = (field: StoreConflictError['field']) => expect.objectContaining({ name: 'StoreConflictError', field });

export async function givenClient(store: Store, o: Partial<ClientRecord> = {}): Promise<ClientRecord> {
  const client = aClient(o);
  await store.createClient(client);
  return client;
}
/** Users only come into being through a completed sign-up, as in production. */
export async function givenUser(store: Store, o: { username?: string | null; email?: string | null } = {}) {
  const client = await givenClient(store);
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
export async function givenSession(store: Store, clientId: string, userId: string, o: Partial<SessionRecord> = {}): Promise<SessionRecord> {
  const signIn = aSignIn(clientId, { userId });
  await store.createSignIn(signIn);
  const session = aSession(clientId, userId, o);
  expect(await store.completeSignIn({ signInId: signIn.id, fromStatuses: ['needs_first_factor'], session, clientTokenHash: hashOf(nextId('tok')), now: o.createdAt ?? T0 })).toBe(true);
  return session;
}
