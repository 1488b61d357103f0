import type { Selectable } from 'kysely';
import type { PhoneNumberRecord, Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { withConflicts } from './errors.ts';
import { insertEvents } from './events.ts';
import { toUser } from './mappers.ts';
import type { PhoneNumbersTable } from './schema.ts';

type PhoneMethods = Pick<Store, 'listPhoneNumbers' | 'findUserByPhoneNumber' | 'getPhoneNumber' | 'addPhoneNumber' | 'verifyPhoneNumber' | 'deletePhoneNumber' | 'setPrimaryPhoneNumber'>;

export const toPhone = (r: Selectable<PhoneNumbersTable>): PhoneNumberRecord => ({
  id: r.id,
  userId: r.user_id,
  phoneNumber: r.phone_number,
  verifiedAt: r.verified_at === null ? null : Number(r.verified_at),
  reservedForSecondFactor: Boolean(r.reserved_for_second_factor),
  createdAt: Number(r.created_at),
});

/** A user's phone numbers; the partial unique index (migration 0008) makes only verified ones unique. */
export function sqlPhoneNumbers({ db, dialect }: SqlContext): PhoneMethods {
  const bool = (value: boolean) => (dialect === 'sqlite' ? Number(value) : value);
  return {
    async listPhoneNumbers(userId) {
      const rows = await db.selectFrom('phone_numbers').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toPhone);
    },
    async findUserByPhoneNumber(phoneNumber) {
      const row = await db
        .selectFrom('users')
        .innerJoin('phone_numbers', 'phone_numbers.user_id', 'users.id')
        .selectAll('users')
        .where('phone_numbers.phone_number', '=', phoneNumber)
        .where('phone_numbers.verified_at', 'is not', null)
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async getPhoneNumber(id) {
      const row = await db.selectFrom('phone_numbers').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPhone(row) : null;
    },
    async addPhoneNumber(phone, emit) {
      if (phone.verifiedAt !== null) throw new TypeError('addPhoneNumber takes an unverified number');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('phone_numbers')
          .values({ id: phone.id, user_id: phone.userId, phone_number: phone.phoneNumber, verified_at: null, reserved_for_second_factor: bool(phone.reservedForSecondFactor), created_at: phone.createdAt })
          .execute();
        await insertEvents(trx, emit, [['user.updated', phone.userId]]);
      });
    },
    async verifyPhoneNumber(id, now, emit) {
      return withConflicts(() =>
        db.transaction().execute(async (trx) => {
          const phone = await trx.selectFrom('phone_numbers').selectAll().where('id', '=', id).executeTakeFirst();
          if (!phone) return null;
          if (phone.verified_at !== null) return toPhone(phone);
          const row = await trx.updateTable('phone_numbers').set({ verified_at: now }).where('id', '=', id).where('verified_at', 'is', null).returningAll().executeTakeFirst();
          if (!row) return toPhone(await trx.selectFrom('phone_numbers').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
          await trx.deleteFrom('phone_numbers').where('id', '!=', id).where('verified_at', 'is', null).where('phone_number', '=', phone.phone_number).execute();
          await insertEvents(trx, emit, [['user.updated', phone.user_id]]);
          return toPhone(row);
        }),
      );
    },
    async deletePhoneNumber(id, emit) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx.deleteFrom('phone_numbers').where('id', '=', id).returning('user_id').executeTakeFirst();
        if (!deleted) return false;
        await trx.updateTable('users').set({ primary_phone_number_id: null }).where('primary_phone_number_id', '=', id).execute();
        await trx.updateTable('users').set({ default_second_factor: null }).where('default_second_factor', '=', id).execute();
        await insertEvents(trx, emit, [['user.updated', deleted.user_id]]);
        return true;
      });
    },
    async setPrimaryPhoneNumber({ userId, phoneNumberId, now, emit }) {
      return db.transaction().execute(async (trx) => {
        const owned = await trx.selectFrom('phone_numbers').select('id').where('id', '=', phoneNumberId).where('user_id', '=', userId).where('verified_at', 'is not', null).executeTakeFirst();
        if (!owned) return null;
        const row = await trx.updateTable('users').set({ primary_phone_number_id: phoneNumberId, updated_at: now }).where('id', '=', userId).returningAll().executeTakeFirst();
        if (!row) return null;
        await insertEvents(trx, emit, [['user.updated', userId]]);
        return toUser(row);
      });
    },
  };
}
