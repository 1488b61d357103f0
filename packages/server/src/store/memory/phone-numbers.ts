import { StoreConflictError, type Store } from '../types.ts';
import { recordEvents } from './events.ts';
import { assertAbsent, byCreation, copy, requireRow, type MemoryTables } from './tables.ts';

type PhoneMethods = Pick<Store, 'listPhoneNumbers' | 'findUserByPhoneNumber' | 'getPhoneNumber' | 'addPhoneNumber' | 'verifyPhoneNumber' | 'deletePhoneNumber' | 'setPrimaryPhoneNumber'>;

/** A user's phone numbers over the memory tables; only verified numbers are unique, as in SQL. */
export function memoryPhoneNumbers(t: MemoryTables): PhoneMethods {
  return {
    async listPhoneNumbers(userId) {
      return [...t.phoneNumbers.values()].filter((p) => p.userId === userId).sort(byCreation((p) => p.id)).map(copy);
    },
    async findUserByPhoneNumber(phoneNumber) {
      const phone = [...t.phoneNumbers.values()].find((p) => p.verifiedAt !== null && p.phoneNumber === phoneNumber);
      const user = phone ? t.users.get(phone.userId) : undefined;
      return user ? copy(user) : null;
    },
    async getPhoneNumber(id) {
      const phone = t.phoneNumbers.get(id);
      return phone ? copy(phone) : null;
    },
    async addPhoneNumber(phone, emit) {
      requireRow(t.users, phone.userId, 'user');
      assertAbsent(t.phoneNumbers, phone.id, 'phone number');
      if (phone.verifiedAt !== null) throw new TypeError('addPhoneNumber takes an unverified number');
      t.phoneNumbers.set(phone.id, copy(phone));
      recordEvents(t, emit, [['user.updated', phone.userId]]);
    },
    async verifyPhoneNumber(id, now, emit) {
      const phone = t.phoneNumbers.get(id);
      if (!phone) return null;
      if (phone.verifiedAt !== null) return copy(phone);
      if ([...t.phoneNumbers.values()].some((other) => other.id !== id && other.verifiedAt !== null && other.phoneNumber === phone.phoneNumber)) throw new StoreConflictError('phone_number');
      phone.verifiedAt = now;
      for (const [otherId, other] of t.phoneNumbers) if (otherId !== id && other.verifiedAt === null && other.phoneNumber === phone.phoneNumber) t.phoneNumbers.delete(otherId);
      recordEvents(t, emit, [['user.updated', phone.userId]]);
      return copy(phone);
    },
    async deletePhoneNumber(id, emit) {
      const phone = t.phoneNumbers.get(id);
      if (!phone) return false;
      t.phoneNumbers.delete(id);
      const user = t.users.get(phone.userId);
      if (user?.primaryPhoneNumberId === id) user.primaryPhoneNumberId = null;
      if (user?.defaultSecondFactor === id) user.defaultSecondFactor = null;
      recordEvents(t, emit, [['user.updated', phone.userId]]);
      return true;
    },
    async setPrimaryPhoneNumber({ userId, phoneNumberId, now, emit }) {
      const user = t.users.get(userId);
      const phone = t.phoneNumbers.get(phoneNumberId);
      if (!user || !phone || phone.userId !== userId || phone.verifiedAt === null) return null;
      Object.assign(user, { primaryPhoneNumberId: phoneNumberId, updatedAt: now });
      recordEvents(t, emit, [['user.updated', userId]]);
      return copy(user);
    },
  };
}
