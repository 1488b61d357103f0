import type { OutboxRecord } from './records.ts';

/** A fresh outbox row, due now. */
export function pendingOutbox(id: string, kind: OutboxRecord['kind'], payload: Record<string, unknown>, now: number): OutboxRecord {
  return { id, kind, payload, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, updatedAt: now };
}
