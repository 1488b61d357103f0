import { StoreConflictError, type Store, type UserRecord } from '../types.ts';
import { recordEvents } from './events.ts';
import { assertAbsent, byCreation, copy, foldCase, pageOf, removeUnverifiedCopies, type MemoryTables } from './tables.ts';

type AdminMethods = Pick<Store, 'listUsers' | 'createUser' | 'deleteUser' | 'setUserBanned' | 'setUserLock' | 'listSessions' | 'insertApiKey' | 'findApiKeyByHash' | 'listApiKeys' | 'revokeApiKey'>;

/** What the Backend API does to users, sessions and its own keys, over the memory tables. */
export function memoryAdmin(t: MemoryTables): AdminMethods {
  const matches = (user: UserRecord, query: string): boolean => {
    const needle = foldCase(query);
    const emails = [...t.emailAddresses.values()].filter((e) => e.userId === user.id).map((e) => e.emailAddress);
    return [user.username, user.firstName, user.lastName, ...emails].some((value) => value !== null && foldCase(value).includes(needle));
  };

  return {
    async listUsers({ query, limit, offset, order }) {
      const rows = [...t.users.values()].filter((u) => !query || matches(u, query)).sort(byCreation((u) => u.id));
      if (order === 'desc') rows.reverse();
      return pageOf(rows, limit, offset);
    },
    async createUser({ user, emailAddresses, emit }) {
      assertAbsent(t.users, user.id, 'user');
      if (user.username !== null && [...t.users.values()].some((u) => u.username !== null && foldCase(u.username) === foldCase(user.username!))) {
        throw new StoreConflictError('username');
      }
      const taken = new Set([...t.emailAddresses.values()].filter((e) => e.verifiedAt !== null).map((e) => foldCase(e.emailAddress)));
      for (const email of emailAddresses) {
        if (taken.has(foldCase(email.emailAddress))) throw new StoreConflictError('email_address');
        taken.add(foldCase(email.emailAddress));
      }
      t.users.set(user.id, copy(user));
      for (const email of emailAddresses) {
        t.emailAddresses.set(email.id, copy(email));
        if (email.verifiedAt !== null) removeUnverifiedCopies(t, email.emailAddress, email.id);
      }
      recordEvents(t, emit, [['user.created', user.id]]);
    },
    async deleteUser(id, now, emit) {
      if (!t.users.delete(id)) return false;
      for (const [emailId, email] of t.emailAddresses) if (email.userId === id) t.emailAddresses.delete(emailId);
      for (const [imageId, image] of t.userImages) if (image.userId === id) t.userImages.delete(imageId);
      for (const [phoneId, phone] of t.phoneNumbers) if (phone.userId === id) t.phoneNumbers.delete(phoneId);
      t.totp.delete(id);
      for (const [codeId, code] of t.backupCodes) if (code.userId === id) t.backupCodes.delete(codeId);
      for (const [accountId, account] of t.externalAccounts) if (account.userId === id) t.externalAccounts.delete(accountId);
      for (const [sessionId, session] of t.sessions) {
        if (session.userId !== id) continue;
        t.sessions.delete(sessionId);
        const client = t.clients.get(session.clientId);
        if (client?.lastActiveSessionId === sessionId) Object.assign(client, { lastActiveSessionId: null, updatedAt: now });
      }
      recordEvents(t, emit, [['user.deleted', id]]);
      return true;
    },
    async setUserBanned(id, bannedAt, now, emit) {
      const user = t.users.get(id);
      if (!user) return null;
      Object.assign(user, { bannedAt, updatedAt: now });
      recordEvents(t, emit, [['user.updated', id]]);
      if (bannedAt !== null) {
        for (const session of t.sessions.values()) {
          if (session.userId !== id || session.status !== 'active') continue;
          Object.assign(session, { status: 'revoked', updatedAt: now });
          recordEvents(t, emit, [['session.revoked', session.id]]);
        }
      }
      return copy(user);
    },
    async setUserLock(id, lockedUntil, now, emit) {
      const user = t.users.get(id);
      if (!user) return null;
      Object.assign(user, lockedUntil === null ? { lockedUntil: null, failedAttempts: 0, updatedAt: now } : { lockedUntil, updatedAt: now });
      recordEvents(t, emit, [['user.updated', id]]);
      return copy(user);
    },
    async listSessions({ userId, status, limit, offset }) {
      const rows = [...t.sessions.values()]
        .filter((s) => (userId === undefined || s.userId === userId) && (status === undefined || s.status === status))
        .sort(byCreation((s) => s.id))
        .reverse();
      return pageOf(rows, limit, offset);
    },

    async insertApiKey(key) {
      assertAbsent(t.apiKeys, key.id, 'api key');
      if ([...t.apiKeys.values()].some((k) => k.keyHash === key.keyHash)) throw new Error('api key hash already in use');
      t.apiKeys.set(key.id, copy(key));
    },
    async findApiKeyByHash(keyHash) {
      const key = [...t.apiKeys.values()].find((k) => k.keyHash === keyHash);
      return key ? copy(key) : null;
    },
    async listApiKeys() {
      return [...t.apiKeys.values()].sort(byCreation((k) => k.id)).map(copy);
    },
    async revokeApiKey(id, now) {
      const key = t.apiKeys.get(id);
      if (!key || key.revokedAt !== null) return false;
      key.revokedAt = now;
      return true;
    },
  };
}
