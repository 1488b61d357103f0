import { sql } from 'kysely';
import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { withConflicts } from './errors.ts';
import { insertEvents } from './events.ts';
import { fromClient, toClient, toEmailAddress, toUser } from './mappers.ts';

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
>;

export function sqlAccounts({ db }: SqlContext): AccountMethods {
  return {
    async createClient(client) {
      await db.insertInto('clients').values(fromClient(client)).execute();
    },
    async getClient(id) {
      const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toClient(row) : null;
    },
    async findClientByTokenHash(tokenHash) {
      const row = await db.selectFrom('clients').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toClient(row) : null;
    },
    async rotateClientToken(clientId, tokenHash, now) {
      await db.updateTable('clients').set({ token_hash: tokenHash, updated_at: now }).where('id', '=', clientId).execute();
    },

    async getUser(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findUserByEmailAddress(emailAddress) {
      // lower(...) on both sides so the lookup uses the expression indexes; only a verified address counts.
      const row = await db
        .selectFrom('users')
        .innerJoin('email_addresses', 'email_addresses.user_id', 'users.id')
        .selectAll('users')
        .where(sql`lower(email_addresses.email_address)`, '=', sql`lower(${emailAddress.trim()})`)
        .where('email_addresses.verified_at', 'is not', null)
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findUserByUsername(username) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where(sql`lower(username)`, '=', sql`lower(${username.trim()})`)
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async listEmailAddresses(userId) {
      const rows = await db.selectFrom('email_addresses').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toEmailAddress);
    },
    async updateUser(id, patch, now, emit) {
      const row = await withConflicts(() =>
        db.transaction().execute(async (trx) => {
          const updated = await trx
          .updateTable('users')
          .set({
            username: patch.username,
            first_name: patch.firstName,
            last_name: patch.lastName,
            image_url: patch.imageUrl,
            password_hash: patch.passwordHash,
            default_second_factor: patch.defaultSecondFactor,
            public_metadata: patch.publicMetadata === undefined ? undefined : JSON.stringify(patch.publicMetadata),
            private_metadata: patch.privateMetadata === undefined ? undefined : JSON.stringify(patch.privateMetadata),
            unsafe_metadata: patch.unsafeMetadata === undefined ? undefined : JSON.stringify(patch.unsafeMetadata),
            updated_at: now,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
          if (updated) await insertEvents(trx, emit, [['user.updated', id]]);
          return updated;
        }),
      );
      return row ? toUser(row) : null;
    },
    async recordFailedAttempt(userId, now, { maxAttempts, lockMs }) {
      // One statement: the count and the lock are computed from the row as it is when the
      // statement runs, so concurrent failures each count exactly once.
      const reached = sql`failed_attempts + 1 >= ${maxAttempts}`;
      const row = await db
        .updateTable('users')
        .set({
          failed_attempts: sql<number>`case when ${reached} then 0 else failed_attempts + 1 end`,
          locked_until: sql<number>`case when ${reached} then ${now + lockMs} else locked_until end`,
          updated_at: now,
        })
        .where('id', '=', userId)
        .returning(['failed_attempts', 'locked_until'])
        .executeTakeFirst();
      // An unknown user has nothing to lock; answering like a fresh account keeps callers simple.
      if (!row) return { failedAttempts: 0, lockedUntil: null };
      return { failedAttempts: Number(row.failed_attempts), lockedUntil: row.locked_until === null ? null : Number(row.locked_until) };
    },
  };
}
