import { sql } from 'kysely';
import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { withConflicts } from './errors.ts';
import { removeUnverifiedCopies } from './email-addresses.ts';
import { insertEvents } from './events.ts';
import { fromApiKey, fromEmailAddress, fromUser, toApiKey, toSession, toUser } from './mappers.ts';

type AdminMethods = Pick<Store, 'listUsers' | 'createUser' | 'deleteUser' | 'setUserBanned' | 'setUserLock' | 'listSessions' | 'insertApiKey' | 'findApiKeyByHash' | 'listApiKeys' | 'revokeApiKey'>;

/** `%`, `_` and the escape character itself match literally inside a LIKE pattern. */
const likePattern = (query: string): string => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What the Backend API does to users, sessions and its own keys, in SQL. */
export function sqlAdmin({ db }: SqlContext): AdminMethods {
  return {
    async listUsers({ query, limit, offset, order }) {
      let base = db.selectFrom('users');
      if (query) {
        const pattern = likePattern(query);
        base = base.where((eb) =>
          eb.or([
            eb(sql`lower(username)`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(first_name)`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(last_name)`, 'like', sql`${pattern} escape '\\'`),
            eb.exists(
              eb
                .selectFrom('email_addresses')
                .select('email_addresses.id')
                .whereRef('email_addresses.user_id', '=', 'users.id')
                .where(sql`lower(email_addresses.email_address)`, 'like', sql`${pattern} escape '\\'`),
            ),
          ]),
        );
      }
      const [rows, count] = await Promise.all([
        base.selectAll('users').orderBy('users.created_at', order).orderBy('users.id', order).limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { data: rows.map(toUser), totalCount: Number(count.n) };
    },
    async createUser({ user, emailAddresses, emit }) {
      await withConflicts(() =>
        db.transaction().execute(async (trx) => {
          await trx.insertInto('users').values(fromUser(user)).execute();
          for (const email of emailAddresses) {
            await trx.insertInto('email_addresses').values(fromEmailAddress(email)).execute();
            if (email.verifiedAt !== null) await removeUnverifiedCopies(trx, email.emailAddress, email.id);
          }
          await insertEvents(trx, emit, [['user.created', user.id]]);
        }),
      );
    },
    async deleteUser(id, now, emit) {
      return db.transaction().execute(async (trx) => {
        const sessions = trx.selectFrom('sessions').select('id').where('user_id', '=', id);
        await trx.updateTable('clients').set({ last_active_session_id: null, updated_at: now }).where('last_active_session_id', 'in', sessions).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await trx.deleteFrom('email_addresses').where('user_id', '=', id).execute();
        await trx.deleteFrom('user_images').where('user_id', '=', id).execute();
        await trx.deleteFrom('phone_numbers').where('user_id', '=', id).execute();
        await trx.deleteFrom('external_accounts').where('user_id', '=', id).execute();
        const deleted = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== 1) return false;
        await insertEvents(trx, emit, [['user.deleted', id]]);
        return true;
      });
    },
    async setUserBanned(id, bannedAt, now, emit) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('users').set({ banned_at: bannedAt, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirst();
        if (!row) return null;
        await insertEvents(trx, emit, [['user.updated', id]]);
        if (bannedAt !== null) {
          const revoked = await trx.updateTable('sessions').set({ status: 'revoked', updated_at: now }).where('user_id', '=', id).where('status', '=', 'active').returning('id').execute();
          await insertEvents(trx, emit, revoked.map((r) => ['session.revoked', r.id] as const));
        }
        return toUser(row);
      });
    },
    async setUserLock(id, lockedUntil, now, emit) {
      const values = lockedUntil === null ? { locked_until: null, failed_attempts: 0, updated_at: now } : { locked_until: lockedUntil, updated_at: now };
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirst();
        if (!row) return null;
        await insertEvents(trx, emit, [['user.updated', id]]);
        return toUser(row);
      });
    },
    async listSessions({ userId, status, limit, offset }) {
      let base = db.selectFrom('sessions');
      if (userId !== undefined) base = base.where('user_id', '=', userId);
      if (status !== undefined) base = base.where('status', '=', status);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { data: rows.map(toSession), totalCount: Number(count.n) };
    },

    async insertApiKey(key) {
      await db.insertInto('api_keys').values(fromApiKey(key)).execute();
    },
    async findApiKeyByHash(keyHash) {
      const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
      return row ? toApiKey(row) : null;
    },
    async listApiKeys() {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toApiKey);
    },
    async revokeApiKey(id, now) {
      const result = await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
