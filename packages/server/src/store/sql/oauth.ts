import type { WebhookEventType } from '@usher/protocol';
import { sql } from 'kysely';
import { StoreConflictError, type Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { removeUnverifiedCopies } from './email-addresses.ts';
import { withConflicts } from './errors.ts';
import { insertEvents } from './events.ts';
import { toEmailAddress } from './mappers.ts';
import { fromExternalAccount, fromOAuthAttempt, toExternalAccount, toOAuthAttempt } from './oauth-mappers.ts';

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

/** A profile default for an empty column only: the user's own value always wins. */
const fillEmpty = (column: 'first_name' | 'last_name' | 'image_url', value: string | null | undefined) =>
  value == null ? undefined : sql<string | null>`coalesce(${sql.ref(column)}, ${value})`;

/**
 * Trips to a provider and the provider accounts linked to users. Single use is one conditional
 * UPDATE (pending and not expired), so of concurrent callbacks exactly one changes the row and
 * wins; the unique index on (provider, subject) decides concurrent links.
 */
export function sqlOAuth({ db, dialect }: SqlContext): OAuthMethods {
  return {
    async createOAuthAttempt(attempt) {
      await db.insertInto('oauth_attempts').values(fromOAuthAttempt(attempt)).execute();
    },
    async getOAuthAttempt(id) {
      const row = await db.selectFrom('oauth_attempts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOAuthAttempt(row) : null;
    },
    async consumeOAuthAttempt(id, now) {
      const row = await db
        .updateTable('oauth_attempts')
        .set({ status: 'consumed', updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('expire_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row ? toOAuthAttempt(row) : null;
    },
    async holdOAuthIdentity(id, ownerId, identity, now) {
      await db
        .updateTable('oauth_attempts')
        .set({ status: 'identified', owner_id: ownerId, identity: JSON.stringify(identity), updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', ['consumed', 'identified'])
        .execute();
    },
    async findHeldOAuthIdentity(ownerId) {
      const row = await db
        .selectFrom('oauth_attempts')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('status', '=', 'identified')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toOAuthAttempt(row) : null;
    },

    async listUnverifiedEmailAddresses(emailAddress) {
      const rows = await db
        .selectFrom('email_addresses')
        .selectAll()
        .where(sql`lower(email_address)`, '=', sql`lower(${emailAddress.trim()})`)
        .where('verified_at', 'is', null)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toEmailAddress);
    },
    async findExternalAccount(provider, subject) {
      const row = await db.selectFrom('external_accounts').selectAll().where('provider', '=', provider).where('subject', '=', subject).executeTakeFirst();
      return row ? toExternalAccount(row) : null;
    },
    async getExternalAccount(id) {
      const row = await db.selectFrom('external_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toExternalAccount(row) : null;
    },
    async listExternalAccounts(userId) {
      const rows = await db.selectFrom('external_accounts').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toExternalAccount);
    },
    async linkExternalAccount({ account, takeOver, profile, now, emit }) {
      // A unique violation (or a refused take-over) aborts the transaction: nothing is written.
      return withConflicts(() =>
        db.transaction().execute(async (trx) => {
          // The first write tells whether the user exists, and on Postgres row-locks it (a concurrent deletion waits).
          const user = await trx
            .updateTable('users')
            .set({ first_name: fillEmpty('first_name', profile.firstName), last_name: fillEmpty('last_name', profile.lastName), image_url: fillEmpty('image_url', profile.imageUrl), updated_at: now })
            .where('id', '=', account.userId)
            .returning('id')
            .executeTakeFirst();
          if (!user) return false;
          await trx.insertInto('external_accounts').values(fromExternalAccount(account, dialect)).execute();
          const events: Array<readonly [WebhookEventType, string]> = [['user.updated', user.id]];
          if (takeOver) {
            // The unique index refuses it when another account has the address verified meanwhile.
            const email = await trx
              .updateTable('email_addresses')
              .set({ verified_at: sql<number>`coalesce(verified_at, ${now})` })
              .where('id', '=', takeOver.emailAddressId)
              .where('user_id', '=', user.id)
              .returning(['id', 'email_address'])
              .executeTakeFirst();
            // Gone (someone else verified it, which removed this copy) or never the user's.
            if (!email) throw new StoreConflictError('email_address');
            await removeUnverifiedCopies(trx, email.email_address, email.id);
            await trx
              .updateTable('users')
              .set({ password_hash: null, primary_email_address_id: sql<string>`coalesce(primary_email_address_id, ${email.id})` })
              .where('id', '=', user.id)
              .execute();
            const revoked = await trx.updateTable('sessions').set({ status: 'revoked', updated_at: now }).where('user_id', '=', user.id).where('status', '=', 'active').returning('id').execute();
            events.push(...revoked.map((r) => ['session.revoked', r.id] as const));
          }
          await insertEvents(trx, emit, events);
          return true;
        }),
      );
    },
    async deleteExternalAccount(userId, id, now, emit) {
      return db.transaction().execute(async (trx) => {
        const deleted = await trx.deleteFrom('external_accounts').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== 1) return false;
        await trx.updateTable('users').set({ updated_at: now }).where('id', '=', userId).execute();
        await insertEvents(trx, emit, [['user.updated', userId]]);
        return true;
      });
    },
  };
}
