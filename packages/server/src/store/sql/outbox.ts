import { sql, type ExpressionBuilder } from 'kysely';
import type { OutboxRecord, Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { fromDevMessage, fromOutbox, toDevMessage, toOutbox } from './mappers.ts';
import type { Database } from './schema.ts';

type OutboxMethods = Pick<
  Store,
  'enqueueOutbox' | 'enqueueOutboxOnce' | 'requeueOutbox' | 'getOutbox' | 'claimOutbox' | 'markOutboxSent' | 'markOutboxFailed' | 'listOutbox' | 'insertDevMessage' | 'listDevMessages' | 'clearDevMessages'
>;

/** Due: pending and scheduled, or leased to a worker whose lease ran out (it crashed or stalled). */
const due = (now: number) => (eb: ExpressionBuilder<Database, 'outbox'>) =>
  eb.or([
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
    eb.and([eb('status', '=', 'processing'), eb('locked_until', '<=', now)]),
  ]);

const byDueTime = (a: OutboxRecord, b: OutboxRecord): number =>
  a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sqlOutbox({ db, dialect }: SqlContext): OutboxMethods {
  return {
    async enqueueOutbox(message) {
      await db.insertInto('outbox').values(fromOutbox(message)).execute();
    },
    async enqueueOutboxOnce(messages) {
      if (messages.length === 0) return 0;
      // ON CONFLICT DO NOTHING on both dialects: a concurrent fan-out of the same event inserts nothing twice.
      const result = await db
        .insertInto('outbox')
        .values(messages.map(fromOutbox))
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },
    async requeueOutbox(id, now) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, last_error: null, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', ['sent', 'dead'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async getOutbox(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOutbox(row) : null;
    },
    async claimOutbox({ now, limit, leaseMs }) {
      if (limit <= 0) return [];
      let pick = db.selectFrom('outbox').select('id').where(due(now)).orderBy('next_attempt_at').orderBy('created_at').orderBy('id').limit(limit);
      // Postgres: concurrent workers skip rows another worker is leasing right now instead of
      // waiting for them or taking them twice. SQLite has one writer, so the statement is atomic.
      if (dialect === 'postgres') pick = pick.forUpdate().skipLocked();
      const rows = await db
        .updateTable('outbox')
        .set({ status: 'processing', locked_until: now + leaseMs, attempts: sql<number>`attempts + 1`, updated_at: now })
        .where('id', 'in', pick)
        .where(due(now))
        .returningAll()
        .execute();
      return rows.map(toOutbox).sort(byDueTime);
    },
    async markOutboxSent(id, now) {
      await db.updateTable('outbox').set({ status: 'sent', locked_until: null, updated_at: now }).where('id', '=', id).execute();
    },
    async markOutboxFailed(id, { error, nextAttemptAt, dead, now }) {
      await db
        .updateTable('outbox')
        .set({ status: dead ? 'dead' : 'pending', last_error: error, next_attempt_at: nextAttemptAt, locked_until: null, updated_at: now })
        .where('id', '=', id)
        .execute();
    },
    async listOutbox({ status, kind, idSuffix, newestFirst, limit }) {
      const order = newestFirst ? 'desc' : 'asc';
      let query = db.selectFrom('outbox').selectAll().orderBy('created_at', order).orderBy('id', order);
      if (status !== undefined) query = query.where('status', '=', status);
      if (kind !== undefined) query = query.where('kind', '=', kind);
      if (idSuffix !== undefined) {
        // `%`, `_` and the escape character match literally.
        const pattern = `%${idSuffix.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
        query = query.where(sql`id`, 'like', sql`${pattern} escape '\\'`);
      }
      if (limit !== undefined) query = query.limit(limit);
      return (await query.execute()).map(toOutbox);
    },

    async insertDevMessage(message) {
      await db.insertInto('dev_messages').values(fromDevMessage(message)).execute();
    },
    async listDevMessages({ channel, limit, offset, newestFirst = false }) {
      const direction = newestFirst ? 'desc' : 'asc';
      const [rows, count] = await Promise.all([
        db
          .selectFrom('dev_messages')
          .selectAll()
          .where('channel', '=', channel)
          .orderBy('created_at', direction)
          .orderBy('id', direction)
          .limit(Math.max(0, limit))
          .offset(Math.max(0, offset))
          .execute(),
        db.selectFrom('dev_messages').select((eb) => eb.fn.countAll().as('total')).where('channel', '=', channel).executeTakeFirstOrThrow(),
      ]);
      return { data: rows.map(toDevMessage), totalCount: Number(count.total) };
    },
    async clearDevMessages() {
      await db.deleteFrom('dev_messages').execute();
    },
  };
}
