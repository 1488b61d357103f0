import type { WebhookEventType } from '@usher/protocol';
import type { ChangeEventFactory } from '../change-events.ts';
import { copy, type MemoryTables } from './tables.ts';

/**
 * Writes the events an operation reports. The memory adapter has no transaction: operations call
 * this after their last check, alongside their other writes, so a refused operation reports nothing.
 */
export function recordEvents(t: MemoryTables, emit: ChangeEventFactory | undefined, events: ReadonlyArray<readonly [WebhookEventType, string]>): void {
  if (!emit) return;
  for (const [type, objectId] of events) {
    const row = emit(type, objectId);
    t.outbox.set(row.id, copy(row));
  }
}
