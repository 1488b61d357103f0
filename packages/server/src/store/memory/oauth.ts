import type { WebhookEventType } from '@usher/protocol';
import { StoreConflictError, type Store } from '../types.ts';
import { recordEvents } from './events.ts';
import { assertAbsent, byCreation, copy, externalAccountTaken, foldCase, removeUnverifiedCopies, type MemoryTables } from './tables.ts';

type OAuthMethods = Pick<
  Store,
  | 'createOAuthAttempt'
  | 'getOAuthAttempt'
  | 'consumeOAuthAttempt'
  | 'holdOAuthIdentity'
  | 'findHeldOAuthIdentity'
  | 'listUnverifiedEmailAddresses'
  | 'findExternalAccount'
  | 'getExternalAccount'
  | 'listExternalAccounts'
  | 'linkExternalAccount'
  | 'deleteExternalAccount'
>;

/** Trips to a provider and the provider accounts linked to users, over the memory tables (each method is atomic: no await inside). */
export function memoryOAuth(t: MemoryTables): OAuthMethods {
  return {
    async createOAuthAttempt(attempt) {
      assertAbsent(t.oauthAttempts, attempt.id, 'oauth attempt');
      t.oauthAttempts.set(attempt.id, copy(attempt));
    },
    async getOAuthAttempt(id) {
      const attempt = t.oauthAttempts.get(id);
      return attempt ? copy(attempt) : null;
    },
    async consumeOAuthAttempt(id, now) {
      const attempt = t.oauthAttempts.get(id);
      if (!attempt || attempt.status !== 'pending' || attempt.expireAt <= now) return null;
      Object.assign(attempt, { status: 'consumed', updatedAt: now });
      return copy(attempt);
    },
    async holdOAuthIdentity(id, ownerId, identity, now) {
      const attempt = t.oauthAttempts.get(id);
      // Only an attempt whose callback came back holds an identity (as the SQL adapter's WHERE clause).
      if (!attempt || attempt.status === 'pending') return;
      Object.assign(attempt, { status: 'identified', ownerId, identity: copy(identity), updatedAt: now });
    },
    async findHeldOAuthIdentity(ownerId) {
      const held = [...t.oauthAttempts.values()]
        .filter((a) => a.ownerId === ownerId && a.status === 'identified')
        .sort(byCreation((a) => a.id))
        .at(-1);
      return held ? copy(held) : null;
    },

    async listUnverifiedEmailAddresses(emailAddress) {
      const wanted = foldCase(emailAddress.trim());
      return [...t.emailAddresses.values()].filter((e) => e.verifiedAt === null && foldCase(e.emailAddress) === wanted).sort(byCreation((e) => e.id)).map(copy);
    },
    async findExternalAccount(provider, subject) {
      const account = [...t.externalAccounts.values()].find((a) => a.provider === provider && a.subject === subject);
      return account ? copy(account) : null;
    },
    async getExternalAccount(id) {
      const account = t.externalAccounts.get(id);
      return account ? copy(account) : null;
    },
    async listExternalAccounts(userId) {
      return [...t.externalAccounts.values()]
        .filter((a) => a.userId === userId)
        .sort(byCreation((a) => a.id))
        .map(copy);
    },
    async linkExternalAccount({ account, takeOver, profile, now, emit }) {
      const user = t.users.get(account.userId);
      if (!user) return false;
      // Every check before the first write, in the order the SQL adapter meets them.
      if (externalAccountTaken(t, account.provider, account.subject)) throw new StoreConflictError('external_account');
      assertAbsent(t.externalAccounts, account.id, 'external account');
      const email = takeOver ? t.emailAddresses.get(takeOver.emailAddressId) : undefined;
      if (takeOver) {
        if (!email || email.userId !== user.id) throw new StoreConflictError('email_address');
        const verifiedElsewhere = [...t.emailAddresses.values()].some(
          (other) => other.id !== email.id && other.verifiedAt !== null && foldCase(other.emailAddress) === foldCase(email.emailAddress),
        );
        if (email.verifiedAt === null && verifiedElsewhere) throw new StoreConflictError('email_address');
      }

      t.externalAccounts.set(account.id, copy(account));
      user.firstName ??= profile.firstName ?? null;
      user.lastName ??= profile.lastName ?? null;
      user.imageUrl ??= profile.imageUrl ?? null;
      user.updatedAt = now;
      const events: Array<readonly [WebhookEventType, string]> = [['user.updated', user.id]];
      if (email) {
        user.passwordHash = null;
        email.verifiedAt ??= now;
        removeUnverifiedCopies(t, email.emailAddress, email.id);
        user.primaryEmailAddressId ??= email.id;
        for (const session of t.sessions.values()) {
          if (session.userId !== user.id || session.status !== 'active') continue;
          Object.assign(session, { status: 'revoked', updatedAt: now });
          events.push(['session.revoked', session.id]);
        }
      }
      recordEvents(t, emit, events);
      return true;
    },
    async deleteExternalAccount(userId, id, now, emit) {
      const account = t.externalAccounts.get(id);
      if (!account || account.userId !== userId) return false;
      t.externalAccounts.delete(id);
      const user = t.users.get(userId);
      if (user) user.updatedAt = now;
      recordEvents(t, emit, [['user.updated', userId]]);
      return true;
    },
  };
}
