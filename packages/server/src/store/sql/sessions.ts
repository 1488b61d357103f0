import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { sessionEventType } from '../change-events.ts';
import { insertEvents } from './events.ts';
import { fromOutbox, toSession } from './mappers.ts';

type SessionMethods = Pick<Store, 'getSession' | 'listClientSessions' | 'setSessionStatus' | 'endClientSessions' | 'touchSession' | 'setLastActiveSession' | 'markSessionVerified' | 'changePassword'>;

export function sqlSessions({ db }: SqlContext): SessionMethods {
  return {
    async getSession(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async listClientSessions(clientId) {
      const rows = await db.selectFrom('sessions').selectAll().where('client_id', '=', clientId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toSession);
    },
    async setSessionStatus(id, from, to, now, emit) {
      if (from.length === 0) return false;
      const type = sessionEventType(to);
      return db.transaction().execute(async (trx) => {
        const result = await trx.updateTable('sessions').set({ status: to, updated_at: now }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        if (type) await insertEvents(trx, emit, [[type, id]]);
        return true;
      });
    },
    async endClientSessions(clientId, to, now, emit) {
      const type = sessionEventType(to);
      return db.transaction().execute(async (trx) => {
        const ended = await trx
          .updateTable('sessions')
          .set({ status: to, updated_at: now })
          .where('client_id', '=', clientId)
          .where('status', '=', 'active')
          .returning('id')
          .execute();
        await trx.updateTable('clients').set({ last_active_session_id: null, updated_at: now }).where('id', '=', clientId).execute();
        if (type) await insertEvents(trx, emit, ended.map((r) => [type, r.id] as const));
        return ended.length;
      });
    },
    async touchSession(id, now, inactivityMs, minIntervalMs) {
      // The throttle lives in the WHERE clause, so a burst of requests makes at most one write.
      // Activity never revives a session that already ended or ran past its inactivity deadline.
      await db
        .updateTable('sessions')
        .set({ last_active_at: now, expire_at: now + inactivityMs, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'active')
        .where('expire_at', '>', now)
        .where('last_active_at', '<', now - minIntervalMs)
        .execute();
    },
    async markSessionVerified(id, now) {
      const result = await db.updateTable('sessions').set({ first_factor_verified_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async changePassword({ userId, passwordHash, revokeOtherSessionsExcept, notification, now, emit }) {
      return db.transaction().execute(async (trx) => {
        const changed = await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) return false;
        await insertEvents(trx, emit, [['user.updated', userId]]);
        if (revokeOtherSessionsExcept !== null) {
          const revoked = await trx
            .updateTable('sessions')
            .set({ status: 'revoked', updated_at: now })
            .where('user_id', '=', userId)
            .where('status', '=', 'active')
            .where('id', '!=', revokeOtherSessionsExcept)
            .returning('id')
            .execute();
          await insertEvents(trx, emit, revoked.map((r) => ['session.revoked', r.id] as const));
        }
        if (notification) await trx.insertInto('outbox').values(fromOutbox(notification)).execute();
        return true;
      });
    },
    async setLastActiveSession(clientId, sessionId, now) {
      await db.updateTable('clients').set({ last_active_session_id: sessionId, updated_at: now }).where('id', '=', clientId).execute();
    },
  };
}
