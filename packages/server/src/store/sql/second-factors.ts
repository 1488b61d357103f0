import type { Insertable, Selectable, Transaction } from 'kysely';
import type { BackupCodeRecord, ChangeEventFactory, OutboxRecord, Store, TotpRecord } from '../types.ts';
import { fromOutbox } from './mappers.ts';
import type { SqlContext } from './context.ts';
import { insertEvents } from './events.ts';
import { toPhone } from './phone-numbers.ts';
import type { BackupCodesTable, Database, UserTotpTable } from './schema.ts';

type SecondFactorMethods = Pick<
  Store,
  'setPhoneNumberReserved' | 'getTotp' | 'putPendingTotp' | 'enableTotp' | 'useTotpStep' | 'deleteTotp' | 'replaceBackupCodes' | 'useBackupCode' | 'countBackupCodes'
>;

const toTotp = (r: Selectable<UserTotpTable>): TotpRecord => ({
  userId: r.user_id,
  sealedSecret: r.sealed_secret,
  verifiedAt: r.verified_at === null ? null : Number(r.verified_at),
  lastUsedStep: r.last_used_step === null ? null : Number(r.last_used_step),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const fromBackupCode = (c: BackupCodeRecord): Insertable<BackupCodesTable> => ({ id: c.id, user_id: c.userId, code_hash: c.codeHash, used_at: c.usedAt, created_at: c.createdAt });

async function writeBackupCodes(trx: Transaction<Database>, userId: string, codes: BackupCodeRecord[]): Promise<void> {
  await trx.deleteFrom('backup_codes').where('user_id', '=', userId).execute();
  if (codes.length > 0) await trx.insertInto('backup_codes').values(codes.map(fromBackupCode)).execute();
}

async function userUpdated(trx: Transaction<Database>, emit: ChangeEventFactory | undefined, userId: string, now: number, notification?: OutboxRecord | null): Promise<void> {
  await trx.updateTable('users').set({ updated_at: now }).where('id', '=', userId).execute();
  if (notification) await trx.insertInto('outbox').values(fromOutbox(notification)).execute();
  await insertEvents(trx, emit, [['user.updated', userId]]);
}

/**
 * Authenticator apps and backup codes. Single use is one conditional UPDATE each (a step later
 * than the last used one, a code not used yet), so of concurrent redemptions exactly one changes
 * a row and wins, on SQLite and on PostgreSQL alike.
 */
export function sqlSecondFactors({ db, dialect }: SqlContext): SecondFactorMethods {
  const bool = (value: boolean) => (dialect === 'sqlite' ? Number(value) : value);
  return {
    async setPhoneNumberReserved({ id, reserved, now, backupCodes, notification, emit }) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('phone_numbers')
          .set({ reserved_for_second_factor: bool(reserved) })
          .where('id', '=', id)
          .where('verified_at', 'is not', null)
          .returningAll()
          .executeTakeFirst();
        if (!row) return null;
        if (!reserved) await trx.updateTable('users').set({ default_second_factor: null }).where('id', '=', row.user_id).where('default_second_factor', '=', id).execute();
        if (backupCodes) await writeBackupCodes(trx, row.user_id, backupCodes);
        await userUpdated(trx, emit, row.user_id, now, notification);
        return toPhone(row);
      });
    },
    async getTotp(userId) {
      const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ? toTotp(row) : null;
    },
    async putPendingTotp(totp) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('user_totp').select('verified_at').where('user_id', '=', totp.userId).executeTakeFirst();
        if (existing && existing.verified_at !== null) return false;
        await trx.deleteFrom('user_totp').where('user_id', '=', totp.userId).execute();
        await trx
          .insertInto('user_totp')
          .values({ user_id: totp.userId, sealed_secret: totp.sealedSecret, verified_at: null, last_used_step: null, created_at: totp.createdAt, updated_at: totp.updatedAt })
          .execute();
        return true;
      });
    },
    async enableTotp({ userId, step, now, backupCodes, notification, emit }) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('user_totp')
          .set({ verified_at: now, last_used_step: step, updated_at: now })
          .where('user_id', '=', userId)
          .where('verified_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        if (backupCodes) await writeBackupCodes(trx, userId, backupCodes);
        await userUpdated(trx, emit, userId, now, notification);
        return true;
      });
    },
    async useTotpStep(userId, step, now) {
      const result = await db
        .updateTable('user_totp')
        .set({ last_used_step: step, updated_at: now })
        .where('user_id', '=', userId)
        .where('verified_at', 'is not', null)
        .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async deleteTotp({ userId, deleteBackupCodes, now, notification, emit }) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx.deleteFrom('user_totp').where('user_id', '=', userId).returning('verified_at').executeTakeFirst();
        if (!deleted) return false;
        if (deleteBackupCodes) await trx.deleteFrom('backup_codes').where('user_id', '=', userId).execute();
        if (deleted.verified_at !== null) await userUpdated(trx, emit, userId, now, notification);
        return true;
      });
    },
    async replaceBackupCodes({ userId, codes, now, notification, emit }) {
      await db.transaction().execute(async (trx) => {
        await writeBackupCodes(trx, userId, codes);
        await userUpdated(trx, emit, userId, now, notification);
      });
    },
    async useBackupCode(userId, codeHash, now) {
      const result = await db
        .updateTable('backup_codes')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) >= 1;
    },
    async countBackupCodes(userId) {
      const row = await db
        .selectFrom('backup_codes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
