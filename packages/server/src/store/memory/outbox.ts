import type { OutboxRecord, Store } from '../types.ts';
import { assertAbsent, byCreation, copy, type MemoryTables } from './tables.ts';

type OutboxMethods = Pick<
  Store,
  'enqueueOutbox' | 'enqueueOutboxOnce' | 'requeueOutbox' | 'getOutbox' | 'claimOutbox' | 'markOutboxSent' | 'markOutboxFailed' | 'listOutbox' | 'insertDevMessage' | 'listDevMessages' | 'clearDevMessages'
>;

/** Due: pending and scheduled, or leased to a worker whose lease ran out (it crashed or stalled). */
export const isDue = (m: OutboxRecord, now: number): boolean =>
  (m.status === 'pending' && m.nextAttemptAt <= now) || (m.status === 'processing' && m.lockedUntil !== null && m.lockedUntil <= now);

const byDueTime = (a: OutboxRecord, b: OutboxRecord): number => a.nextAttemptAt - b.nextAttemptAt || byCreation<OutboxRecord>((m) => m.id)(a, b);

export function memoryOutbox(t: MemoryTables): OutboxMethods {
  return {
    async enqueueOutbox(message) {
      assertAbsent(t.outbox, message.id, 'outbox message');
      t.outbox.set(message.id, copy(message));
    },
    async enqueueOutboxOnce(messages) {
      let inserted = 0;
      for (const message of messages) {
        if (t.outbox.has(message.id)) continue;
        t.outbox.set(message.id, copy(message));
        inserted += 1;
      }
      return inserted;
    },
    async requeueOutbox(id, now) {
      const m = t.outbox.get(id);
      if (!m || (m.status !== 'sent' && m.status !== 'dead')) return false;
      Object.assign(m, { status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, updatedAt: now });
      return true;
    },
    async getOutbox(id) {
      const m = t.outbox.get(id);
      return m ? copy(m) : null;
    },
    async claimOutbox({ now, limit, leaseMs }) {
      const claimed = [...t.outbox.values()].filter((m) => isDue(m, now)).sort(byDueTime).slice(0, Math.max(0, limit));
      for (const m of claimed) Object.assign(m, { status: 'processing', lockedUntil: now + leaseMs, attempts: m.attempts + 1, updatedAt: now });
      return claimed.map(copy);
    },
    async markOutboxSent(id, now) {
      const m = t.outbox.get(id);
      if (m) Object.assign(m, { status: 'sent', lockedUntil: null, updatedAt: now });
    },
    async markOutboxFailed(id, { error, nextAttemptAt, dead, now }) {
      const m = t.outbox.get(id);
      if (m) Object.assign(m, { status: dead ? 'dead' : 'pending', lastError: error, nextAttemptAt, lockedUntil: null, updatedAt: now });
    },
    async listOutbox({ status, kind, idSuffix, newestFirst, limit }) {
      const rows = [...t.outbox.values()]
        .filter((m) => (status === undefined || m.status === status) && (kind === undefined || m.kind === kind) && (idSuffix === undefined || m.id.endsWith(idSuffix)))
        .sort(byCreation((m) => m.id));
      if (newestFirst) rows.reverse();
      return rows.slice(0, limit ?? rows.length).map(copy);
    },

    async insertDevMessage(message) {
      assertAbsent(t.devMessages, message.id, 'dev message');
      t.devMessages.set(message.id, copy(message));
    },
    async listDevMessages({ channel, limit, offset, newestFirst = false }) {
      const all = [...t.devMessages.values()].filter((m) => m.channel === channel).sort(byCreation((m) => m.id));
      if (newestFirst) all.reverse();
      const start = Math.max(0, offset);
      return { data: all.slice(start, start + Math.max(0, limit)).map(copy), totalCount: all.length };
    },
    async clearDevMessages() {
      t.devMessages.clear();
    },
  };
}
