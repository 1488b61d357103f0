import { sql, type Kysely } from 'kysely';
import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import type { Database } from './schema.ts';
import { withConflicts } from './errors.ts';
import { insertEvents } from './events.ts';
import { fromEmailAddress, fromOutbox, toEmailAddress, toUser } from './mappers.ts';

/** Deletes every unverified copy of an address but `keepId`: other accounts' squatting ones and the owner's duplicates. */
export async function removeUnverifiedCopies(trx: Kysely<Database>, emailAddress: string, keepId: string): Promise<void> {
  await trx
    .deleteFrom('email_addresses')
    .where('id', '!=', keepId)
    .where('verified_at', 'is', null)
    .where(sql`lower(email_address)`, '=', sql`lower(${emailAddress})`)
    .execute();
}

type EmailMethods = Pick<Store, 'getEmailAddress' | 'addEmailAddress' | 'verifyEmailAddress' | 'deleteEmailAddress' | 'setPrimaryEmailAddress'>;

/** A user's own addresses; the partial unique index (migration 0005) makes only verified ones unique. */
export function sqlEmailAddresses({ db }: SqlContext): EmailMethods {
  return {
    async getEmailAddress(id) {
      const row = await db.selectFrom('email_addresses').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEmailAddress(row) : null;
    },
    async addEmailAddress(email, emit) {
      if (email.verifiedAt !== null) throw new TypeError('addEmailAddress takes an unverified address');
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('email_addresses').values(fromEmailAddress(email)).execute();
        await insertEvents(trx, emit, [['user.updated', email.userId]]);
      });
    },
    async verifyEmailAddress(id, now, emit) {
      return withConflicts(() =>
        db.transaction().execute(async (trx) => {
          const email = await trx.selectFrom('email_addresses').selectAll().where('id', '=', id).executeTakeFirst();
          if (!email) return null;
          if (email.verified_at !== null) return toEmailAddress(email);
          // The unique index refuses it when another account has the address verified.
          const row = await trx.updateTable('email_addresses').set({ verified_at: now }).where('id', '=', id).where('verified_at', 'is', null).returningAll().executeTakeFirst();
          if (!row) return toEmailAddress((await trx.selectFrom('email_addresses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
          await removeUnverifiedCopies(trx, email.email_address, id);
          await insertEvents(trx, emit, [['user.updated', email.user_id]]);
          return toEmailAddress(row);
        }),
      );
    },
    async deleteEmailAddress(id, emit) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx.deleteFrom('email_addresses').where('id', '=', id).returning('user_id').executeTakeFirst();
        if (!deleted) return false;
        await insertEvents(trx, emit, [['user.updated', deleted.user_id]]);
        return true;
      });
    },
    async setPrimaryEmailAddress({ userId, emailAddressId, now, notification, emit }) {
      return db.transaction().execute(async (trx) => {
        const owned = await trx
          .selectFrom('email_addresses')
          .select('id')
          .where('id', '=', emailAddressId)
          .where('user_id', '=', userId)
          .where('verified_at', 'is not', null)
          .executeTakeFirst();
        if (!owned) return null;
        const row = await trx.updateTable('users').set({ primary_email_address_id: emailAddressId, updated_at: now }).where('id', '=', userId).returningAll().executeTakeFirst();
        if (!row) return null;
        if (notification) await trx.insertInto('outbox').values(fromOutbox(notification)).execute();
        await insertEvents(trx, emit, [['user.updated', userId]]);
        return toUser(row);
      });
    },
  };
}
