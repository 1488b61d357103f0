import { StoreConflictError, type Store } from '../types.ts';
import { recordEvents } from './events.ts';
import { assertAbsent, copy, foldCase, removeUnverifiedCopies, requireRow, type MemoryTables } from './tables.ts';

type EmailMethods = Pick<Store, 'getEmailAddress' | 'addEmailAddress' | 'verifyEmailAddress' | 'deleteEmailAddress' | 'setPrimaryEmailAddress'>;

/** A user's own addresses over the memory tables; only verified addresses are unique, as in SQL. */
export function memoryEmailAddresses(t: MemoryTables): EmailMethods {
  return {
    async getEmailAddress(id) {
      const email = t.emailAddresses.get(id);
      return email ? copy(email) : null;
    },
    async addEmailAddress(email, emit) {
      requireRow(t.users, email.userId, 'user');
      assertAbsent(t.emailAddresses, email.id, 'email address');
      if (email.verifiedAt !== null) throw new TypeError('addEmailAddress takes an unverified address');
      t.emailAddresses.set(email.id, copy(email));
      recordEvents(t, emit, [['user.updated', email.userId]]);
    },
    async verifyEmailAddress(id, now, emit) {
      const email = t.emailAddresses.get(id);
      if (!email) return null;
      if (email.verifiedAt !== null) return copy(email);
      const same = (other: { emailAddress: string }) => foldCase(other.emailAddress) === foldCase(email.emailAddress);
      if ([...t.emailAddresses.values()].some((other) => other.id !== id && other.verifiedAt !== null && same(other))) throw new StoreConflictError('email_address');
      email.verifiedAt = now;
      removeUnverifiedCopies(t, email.emailAddress, id);
      recordEvents(t, emit, [['user.updated', email.userId]]);
      return copy(email);
    },
    async deleteEmailAddress(id, emit) {
      const email = t.emailAddresses.get(id);
      if (!email) return false;
      t.emailAddresses.delete(id);
      recordEvents(t, emit, [['user.updated', email.userId]]);
      return true;
    },
    async setPrimaryEmailAddress({ userId, emailAddressId, now, notification, emit }) {
      const user = t.users.get(userId);
      const email = t.emailAddresses.get(emailAddressId);
      if (!user || !email || email.userId !== userId || email.verifiedAt === null) return null;
      if (notification) assertAbsent(t.outbox, notification.id, 'outbox message');
      Object.assign(user, { primaryEmailAddressId: emailAddressId, updatedAt: now });
      if (notification) t.outbox.set(notification.id, copy(notification));
      recordEvents(t, emit, [['user.updated', userId]]);
      return copy(user);
    },
  };
}
