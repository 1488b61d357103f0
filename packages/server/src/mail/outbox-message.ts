import type { MailMessage } from '../deps.ts';
import type { OutboxRecord } from '../store/types.ts';
import type { Runtime } from '../services/runtime.ts';

/** An outbox row that sends `message` through the Mailer once the surrounding change committed. */
export function emailOutboxRecord(rt: Runtime, message: MailMessage): OutboxRecord {
  const now = rt.now();
  return {
    id: rt.newId('msg'),
    kind: 'email',
    payload: { to: message.to, subject: message.subject, text: message.text, html: message.html },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lockedUntil: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * An outbox row that sends nothing: written where the API must do the same work as when it sends
 * a code (an unknown identifier at sign-in) but must not email anyone. The worker marks it sent.
 */
export function suppressedOutboxRecord(rt: Runtime): OutboxRecord {
  const record = emailOutboxRecord(rt, { to: '', subject: '', text: '', html: '' });
  return { ...record, payload: { suppressed: true } };
}

/** Reads an email payload back; null when the row is not a deliverable email. */
export function readEmailPayload(payload: Record<string, unknown>): MailMessage | null {
  const { to, subject, text, html } = payload;
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string' || typeof html !== 'string' || to === '') return null;
  return { to, subject, text, html };
}

export function isSuppressedPayload(payload: Record<string, unknown>): boolean {
  return payload.suppressed === true;
}
