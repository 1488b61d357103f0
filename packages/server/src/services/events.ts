import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@usher/protocol';
import type { ChangeEventFactory } from '../store/change-events.ts';
import { pendingOutbox } from '../store/pending-outbox.ts';
import type { Runtime } from './runtime.ts';

/** What an 'event' outbox row says: which object changed how, and when. */
export interface ChangeEventPayload {
  type: WebhookEventType;
  objectId: string;
  occurredAt: number;
}

/**
 * The factory a service hands to the store operation that makes a change, so the change and its
 * event commit together. The row's id becomes the event's id (and `webhook-id`): `msg_…`, as
 * Standard Webhooks suggests.
 *
 * @example
 * await rt.store.updateUser(id, patch, now, changeEvents(rt));
 */
export function changeEvents(rt: Runtime): ChangeEventFactory {
  return (type, objectId) => {
    const now = rt.now();
    return pendingOutbox(rt.newId('msg'), 'event', { type, object_id: objectId, occurred_at: now }, now);
  };
}

/** Reads an 'event' row's payload back; null when it is not one. */
export function readChangeEvent(payload: Record<string, unknown>): ChangeEventPayload | null {
  const { type, object_id: objectId, occurred_at: occurredAt } = payload;
  if (typeof type !== 'string' || !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)) return null;
  if (typeof objectId !== 'string' || typeof occurredAt !== 'number') return null;
  return { type: type as WebhookEventType, objectId, occurredAt };
}
