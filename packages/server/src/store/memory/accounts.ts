import { StoreConflictError, type SignInRecord, type SignUpRecord, type Store, type UserRecord } from '../types.ts';
import { recordEvents } from './events.ts';
import { applyPatch, assertAbsent, byCreation, copy, externalAccountTaken, foldCase, removeUnverifiedCopies, requireRow, type MemoryTables } from './tables.ts';

type AccountMethods = Pick<
  Store,
  | 'createClient'
  | 'getClient'
  | 'findClientByTokenHash'
  | 'rotateClientToken'
  | 'getUser'
  | 'findUserByEmailAddress'
  | 'findUserByUsername'
  | 'listEmailAddresses'
  | 'updateUser'
  | 'recordFailedAttempt'
  | 'createSignIn'
  | 'getSignIn'
  | 'updateSignIn'
  | 'completeSignIn'
  | 'createSignUp'
  | 'getSignUp'
  | 'updateSignUp'
  | 'completeSignUp'
>;

const USER_PATCH_KEYS = ['username', 'firstName', 'lastName', 'imageUrl', 'passwordHash', 'publicMetadata', 'privateMetadata', 'unsafeMetadata', 'defaultSecondFactor'] as const satisfies readonly (keyof UserRecord)[];
const SIGN_IN_PATCH_KEYS = [
  'status',
  'identifier',
  'userId',
  'firstFactorStrategy',
  'firstFactorStatus',
  'secondFactorStrategy',
  'secondFactorStatus',
  'secondFactorPhoneNumberId',
  'pendingPasswordHash',
  'pendingSignOutOthers',
  'redirectUrl',
  'createdSessionId',
  'abandonAt',
  'updatedAt',
] as const satisfies readonly (keyof SignInRecord)[];
const SIGN_UP_PATCH_KEYS = [
  'status',
  'emailAddress',
  'emailVerifiedAt',
  'username',
  'firstName',
  'lastName',
  'passwordHash',
  'legalAcceptedAt',
  'redirectUrl',
  'createdUserId',
  'createdSessionId',
  'abandonAt',
  'updatedAt',
] as const satisfies readonly (keyof SignUpRecord)[];

export function memoryAccounts(t: MemoryTables): AccountMethods {
  const usernameTaken = (username: string | null, exceptUserId: string | null): boolean =>
    username !== null && [...t.users.values()].some((u) => u.id !== exceptUserId && u.username !== null && foldCase(u.username) === foldCase(username));
  /** Mirrors the SQL unique index on clients.token_hash: one token must never find two clients. */
  const assertTokenFree = (tokenHash: string, exceptClientId: string | null): void => {
    if ([...t.clients.values()].some((c) => c.id !== exceptClientId && c.tokenHash === tokenHash)) throw new Error('client token hash already in use');
  };
  /** Mirrors the partial unique index: only a verified address is taken. */
  const emailTaken = (emailAddress: string): boolean =>
    [...t.emailAddresses.values()].some((e) => e.verifiedAt !== null && foldCase(e.emailAddress) === foldCase(emailAddress));

  return {
    async createClient(client) {
      assertAbsent(t.clients, client.id, 'client');
      assertTokenFree(client.tokenHash, null);
      t.clients.set(client.id, copy(client));
    },
    async getClient(id) {
      const client = t.clients.get(id);
      return client ? copy(client) : null;
    },
    async findClientByTokenHash(tokenHash) {
      const client = [...t.clients.values()].find((c) => c.tokenHash === tokenHash);
      return client ? copy(client) : null;
    },
    async rotateClientToken(clientId, tokenHash, now) {
      const client = t.clients.get(clientId);
      if (!client) return;
      assertTokenFree(tokenHash, clientId);
      client.tokenHash = tokenHash;
      client.updatedAt = now;
    },

    async getUser(id) {
      const user = t.users.get(id);
      return user ? copy(user) : null;
    },
    async findUserByEmailAddress(emailAddress) {
      const wanted = foldCase(emailAddress.trim());
      const email = [...t.emailAddresses.values()].find((e) => e.verifiedAt !== null && foldCase(e.emailAddress) === wanted);
      const user = email ? t.users.get(email.userId) : undefined;
      return user ? copy(user) : null;
    },
    async findUserByUsername(username) {
      const wanted = foldCase(username.trim());
      const user = [...t.users.values()].find((u) => u.username !== null && foldCase(u.username) === wanted);
      return user ? copy(user) : null;
    },
    async listEmailAddresses(userId) {
      return [...t.emailAddresses.values()]
        .filter((e) => e.userId === userId)
        .sort(byCreation((e) => e.id))
        .map(copy);
    },
    async updateUser(id, patch, now, emit) {
      const user = t.users.get(id);
      if (!user) return null;
      if (patch.username !== undefined && usernameTaken(patch.username, id)) throw new StoreConflictError('username');
      applyPatch(user, patch, USER_PATCH_KEYS);
      user.updatedAt = now;
      recordEvents(t, emit, [['user.updated', id]]);
      return copy(user);
    },
    async recordFailedAttempt(userId, now, policy) {
      const user = t.users.get(userId);
      // An unknown user has nothing to lock; answering like a fresh account keeps callers simple.
      if (!user) return { failedAttempts: 0, lockedUntil: null };
      const count = user.failedAttempts + 1;
      if (count >= policy.maxAttempts) {
        user.failedAttempts = 0;
        user.lockedUntil = now + policy.lockMs;
      } else {
        user.failedAttempts = count;
      }
      user.updatedAt = now;
      return { failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil };
    },

    async createSignIn(signIn) {
      const client = requireRow(t.clients, signIn.clientId, 'client');
      assertAbsent(t.signIns, signIn.id, 'sign-in');
      t.signIns.set(signIn.id, copy(signIn));
      client.signInId = signIn.id;
      client.updatedAt = signIn.createdAt;
    },
    async getSignIn(id) {
      const signIn = t.signIns.get(id);
      return signIn ? copy(signIn) : null;
    },
    async updateSignIn(id, patch) {
      const signIn = t.signIns.get(id);
      if (!signIn) return null;
      applyPatch(signIn, patch, SIGN_IN_PATCH_KEYS);
      return copy(signIn);
    },
    async completeSignIn({ signInId, fromStatuses, session, clientTokenHash, now, passwordReset, emit }) {
      const signIn = t.signIns.get(signInId);
      if (!signIn || !fromStatuses.includes(signIn.status)) return false;
      // Every check happens before the first write, so a failure leaves nothing half done.
      const client = requireRow(t.clients, session.clientId, 'client');
      const user = requireRow(t.users, session.userId, 'user');
      assertAbsent(t.sessions, session.id, 'session');
      assertTokenFree(clientTokenHash, client.id);
      if (passwordReset?.notification) assertAbsent(t.outbox, passwordReset.notification.id, 'outbox message');

      if (passwordReset) {
        Object.assign(user, { passwordHash: passwordReset.passwordHash });
        if (passwordReset.revokeOtherSessions) {
          for (const other of t.sessions.values()) {
            if (other.userId !== user.id || other.status !== 'active') continue;
            Object.assign(other, { status: 'revoked', updatedAt: now });
            recordEvents(t, emit, [['session.revoked', other.id]]);
          }
        }
        if (passwordReset.notification) t.outbox.set(passwordReset.notification.id, copy(passwordReset.notification));
      }
      t.sessions.set(session.id, copy(session));
      Object.assign(signIn, { status: 'complete', createdSessionId: session.id, updatedAt: now });
      Object.assign(client, { lastActiveSessionId: session.id, tokenHash: clientTokenHash, updatedAt: now });
      Object.assign(user, { failedAttempts: 0, lastSignInAt: now, updatedAt: now });
      recordEvents(t, emit, [['session.created', session.id]]);
      return true;
    },

    async createSignUp(signUp) {
      const client = requireRow(t.clients, signUp.clientId, 'client');
      assertAbsent(t.signUps, signUp.id, 'sign-up');
      t.signUps.set(signUp.id, copy(signUp));
      client.signUpId = signUp.id;
      client.updatedAt = signUp.createdAt;
    },
    async getSignUp(id) {
      const signUp = t.signUps.get(id);
      return signUp ? copy(signUp) : null;
    },
    async updateSignUp(id, patch) {
      const signUp = t.signUps.get(id);
      if (!signUp) return null;
      applyPatch(signUp, patch, SIGN_UP_PATCH_KEYS);
      return copy(signUp);
    },
    async completeSignUp({ signUpId, user, emailAddress, externalAccount, session, clientTokenHash, now, emit }) {
      const signUp = t.signUps.get(signUpId);
      if (!signUp || signUp.status !== 'missing_requirements') return false;
      // Same order as the SQL adapter meets its unique indexes: the user row, its email address, its provider account.
      if (usernameTaken(user.username, null)) throw new StoreConflictError('username');
      if (emailAddress && emailTaken(emailAddress.emailAddress)) throw new StoreConflictError('email_address');
      if (externalAccount && externalAccountTaken(t, externalAccount.provider, externalAccount.subject)) throw new StoreConflictError('external_account');
      const client = requireRow(t.clients, session.clientId, 'client');
      assertTokenFree(clientTokenHash, client.id);
      assertAbsent(t.users, user.id, 'user');
      if (emailAddress) assertAbsent(t.emailAddresses, emailAddress.id, 'email address');
      assertAbsent(t.sessions, session.id, 'session');
      if (externalAccount) assertAbsent(t.externalAccounts, externalAccount.id, 'external account');
      if (emailAddress && emailAddress.userId !== user.id) requireRow(t.users, emailAddress.userId, 'user');
      if (externalAccount && externalAccount.userId !== user.id) requireRow(t.users, externalAccount.userId, 'user');
      if (session.userId !== user.id) requireRow(t.users, session.userId, 'user');

      t.users.set(user.id, copy(user));
      if (emailAddress) {
        t.emailAddresses.set(emailAddress.id, copy(emailAddress));
        removeUnverifiedCopies(t, emailAddress.emailAddress, emailAddress.id);
      }
      if (externalAccount) t.externalAccounts.set(externalAccount.id, copy(externalAccount));
      t.sessions.set(session.id, copy(session));
      Object.assign(signUp, { status: 'complete', createdUserId: user.id, createdSessionId: session.id, updatedAt: now });
      Object.assign(client, { lastActiveSessionId: session.id, tokenHash: clientTokenHash, updatedAt: now });
      recordEvents(t, emit, [['user.created', user.id], ['session.created', session.id]]);
      return true;
    },
  };
}
