import { sql } from 'kysely';
import type { ConsumeVerificationResult, Store, VerificationRecord } from '../types.ts';
import type { SqlContext } from './context.ts';
import { fromOutbox, fromVerification, toVerification } from './mappers.ts';

type VerificationMethods = Pick<Store, 'prepareVerification' | 'getVerification' | 'consumeVerification'>;

/** A redemption re-reads when a concurrent one changed the row between its read and its write. */
const MAX_ROUNDS = 8;

export function sqlVerifications({ db }: SqlContext): VerificationMethods {
  const read = async (ownerId: string, purpose: VerificationRecord['purpose']) => {
    const row = await db.selectFrom('verifications').selectAll().where('owner_id', '=', ownerId).where('purpose', '=', purpose).executeTakeFirst();
    return row ? toVerification(row) : null;
  };

  return {
    async prepareVerification(verification, message) {
      return db.transaction().execute(async (trx) => {
        // One upsert decides atomically: insert, or renew an unverified/expired code while keeping
        // its attempts; a failed or verified one is left alone and the upsert returns no row.
        const renewed = await trx
          .insertInto('verifications')
          .values(fromVerification(verification))
          .onConflict((oc) =>
            oc
              .columns(['owner_id', 'purpose'])
              .doUpdateSet((eb) => ({
                code_hash: eb.ref('excluded.code_hash'),
                expire_at: eb.ref('excluded.expire_at'),
                status: 'unverified',
                updated_at: eb.ref('excluded.updated_at'),
              }))
              .where('verifications.status', 'in', ['unverified', 'expired']),
          )
          .returningAll()
          .executeTakeFirst();
        if (!renewed) {
          const kept = await trx.selectFrom('verifications').selectAll().where('owner_id', '=', verification.ownerId).where('purpose', '=', verification.purpose).executeTakeFirstOrThrow();
          return toVerification(kept);
        }
        await trx.insertInto('outbox').values(fromOutbox(message)).execute();
        return toVerification(renewed);
      });
    },
    getVerification: read,
    async consumeVerification({ ownerId, purpose, codeHash, now }): Promise<ConsumeVerificationResult> {
      // Every write below is conditional on the status read just before, so of concurrent
      // redemptions exactly one moves the row; the others match no row and decide again.
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const current = await read(ownerId, purpose);
        if (!current) return { outcome: 'not_found' };
        if (current.status === 'verified') return { outcome: 'already_verified', verification: current };
        if (current.status === 'failed') return { outcome: 'failed', verification: current };
        if (current.status === 'expired') return { outcome: 'expired', verification: current };
        const pending = db.updateTable('verifications').where('id', '=', current.id).where('status', '=', 'unverified');

        if (now >= current.expireAt) {
          const expired = await pending.set({ status: 'expired', updated_at: now }).returningAll().executeTakeFirst();
          if (expired) return { outcome: 'expired', verification: toVerification(expired) };
          continue;
        }
        // Comparing code_hash in SQL is not a timing oracle: it is an HMAC under the instance secret, so nobody can aim at its prefix.
        const verified = await pending
          .set({ status: 'verified', verified_at: now, updated_at: now })
          .where('expire_at', '>', now)
          .where('code_hash', '=', codeHash)
          .returningAll()
          .executeTakeFirst();
        if (verified) return { outcome: 'verified', verification: toVerification(verified) };
        const spent = await pending
          .set({ attempts: sql<number>`attempts + 1`, status: sql<string>`case when attempts + 1 >= max_attempts then 'failed' else status end`, updated_at: now })
          .where('expire_at', '>', now)
          .where('code_hash', '<>', codeHash)
          .returningAll()
          .executeTakeFirst();
        if (spent) {
          const verification = toVerification(spent);
          return { outcome: verification.status === 'failed' ? 'failed' : 'incorrect', verification };
        }
      }
      throw new Error('consumeVerification: the verification kept changing under concurrent writes');
    },
  };
}
