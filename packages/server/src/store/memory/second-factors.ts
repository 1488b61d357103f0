import type { BackupCodeRecord, OutboxRecord, Store } from '../types.ts';
import { recordEvents } from './events.ts';
import { copy, type MemoryTables } from './tables.ts';

type SecondFactorMethods = Pick<
  Store,
  'setPhoneNumberReserved' | 'getTotp' | 'putPendingTotp' | 'enableTotp' | 'useTotpStep' | 'deleteTotp' | 'replaceBackupCodes' | 'useBackupCode' | 'countBackupCodes'
>;

/** Authenticator apps and backup codes over the memory tables (each method is atomic: no await inside). */
export function memorySecondFactors(t: MemoryTables): SecondFactorMethods {
  const writeBackupCodes = (userId: string, codes: BackupCodeRecord[]): void => {
    for (const [id, code] of t.backupCodes) if (code.userId === userId) t.backupCodes.delete(id);
    for (const code of codes) t.backupCodes.set(code.id, copy(code));
  };
  const touchUser = (userId: string, now: number, notification?: OutboxRecord | null): void => {
    const user = t.users.get(userId);
    if (user) user.updatedAt = now;
    if (notification) t.outbox.set(notification.id, copy(notification));
  };
  return {
    async setPhoneNumberReserved({ id, reserved, now, backupCodes, notification, emit }) {
      const phone = t.phoneNumbers.get(id);
      if (!phone || phone.verifiedAt === null) return null;
      phone.reservedForSecondFactor = reserved;
      const user = t.users.get(phone.userId);
      if (!reserved && user?.defaultSecondFactor === id) user.defaultSecondFactor = null;
      if (backupCodes) writeBackupCodes(phone.userId, backupCodes);
      touchUser(phone.userId, now, notification);
      recordEvents(t, emit, [['user.updated', phone.userId]]);
      return copy(phone);
    },
    async getTotp(userId) {
      const totp = t.totp.get(userId);
      return totp ? copy(totp) : null;
    },
    async putPendingTotp(totp) {
      if (!t.users.has(totp.userId)) throw new Error(`user ${totp.userId} does not exist`);
      if (t.totp.get(totp.userId)?.verifiedAt != null) return false;
      t.totp.set(totp.userId, { ...copy(totp), verifiedAt: null, lastUsedStep: null });
      return true;
    },
    async enableTotp({ userId, step, now, backupCodes, notification, emit }) {
      const totp = t.totp.get(userId);
      if (!totp || totp.verifiedAt !== null) return false;
      Object.assign(totp, { verifiedAt: now, lastUsedStep: step, updatedAt: now });
      if (backupCodes) writeBackupCodes(userId, backupCodes);
      touchUser(userId, now, notification);
      recordEvents(t, emit, [['user.updated', userId]]);
      return true;
    },
    async useTotpStep(userId, step, now) {
      const totp = t.totp.get(userId);
      if (!totp || totp.verifiedAt === null || (totp.lastUsedStep !== null && totp.lastUsedStep >= step)) return false;
      Object.assign(totp, { lastUsedStep: step, updatedAt: now });
      return true;
    },
    async deleteTotp({ userId, deleteBackupCodes, now, notification, emit }) {
      const totp = t.totp.get(userId);
      if (!totp) return false;
      t.totp.delete(userId);
      if (deleteBackupCodes) writeBackupCodes(userId, []);
      if (totp.verifiedAt !== null) {
        touchUser(userId, now, notification);
        recordEvents(t, emit, [['user.updated', userId]]);
      }
      return true;
    },
    async replaceBackupCodes({ userId, codes, now, notification, emit }) {
      writeBackupCodes(userId, codes);
      touchUser(userId, now, notification);
      recordEvents(t, emit, [['user.updated', userId]]);
    },
    async useBackupCode(userId, codeHash, now) {
      const code = [...t.backupCodes.values()].find((c) => c.userId === userId && c.codeHash === codeHash && c.usedAt === null);
      if (!code) return false;
      code.usedAt = now;
      return true;
    },
    async countBackupCodes(userId) {
      return [...t.backupCodes.values()].filter((c) => c.userId === userId && c.usedAt === null).length;
    },
  };
}
