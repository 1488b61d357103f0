import type { WebhookEventType } from '@usher/protocol';
import type { OutboxRecord, SessionStatus } from './records.ts';

/**
 * Builds the outbox row that announces one change to webhook endpoints. Store operations that
 * change users or sessions take one and call it, inside their transaction, for every object the
 * operation changed (the sessions a ban revoked included), so an event exists exactly when its
 * change committed.
 */
export type ChangeEventFactory = (type: WebhookEventType, objectId: string) => OutboxRecord;

/** The event a session moving to `status` reports; expiry, replacement and abandonment report none. */
export function sessionEventType(status: SessionStatus): WebhookEventType | null {
  if (status === 'ended') return 'session.ended';
  if (status === 'removed') return 'session.removed';
  if (status === 'revoked') return 'session.revoked';
  return null;
}
