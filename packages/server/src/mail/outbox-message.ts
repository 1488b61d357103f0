import type { MailMessage } from '../deps.ts';
import type { RenderedEmail } from './templates.ts';
import type { OutboxRecord } from '../store/types.ts';
import { pendingOutbox } from '../store/pending-outbox.ts';
import type { Runtime } from '../services/runtime.ts';

/** An email as the outbox keeps it: the message, and which template made it with what values (for email.created). */
export interface OutboxEmail extends MailMessage {
  slug: RenderedEmail['slug'] | '';
  data: RenderedEmail['data'];
}

/** An outbox row that sends `message` through the Mailer once the surrounding change committed. */
export function emailOutboxRecord(rt: Runtime, message: MailMessage & Partial<Pick<RenderedEmail, 'slug' | 'data'>>): OutboxRecord {
  const { to, subject, text, html, slug = '', data = {} } = message;
  return pendingOutbox(rt.newId('msg'), 'email', { to, subject, text, html, slug, data }, rt.now());
}

/**
 * An outbox row that sends nothing: written where the API must do the same work as when it sends
 * a code (an unknown identifier at sign-in) but must not email anyone. The worker marks it sent.
 */
export function suppressedOutboxRecord(rt: Runtime): OutboxRecord {
  const record = emailOutboxRecord(rt, { to: '', subject: '', text: '', html: '' });
  return { ...record, payload: { suppressed: true } };
}

/** Reads an email payload back; null when the row is not a deliverable email. Rows written before slugs existed read with an empty one. */
export function readEmailPayload(payload: Record<string, unknown>): OutboxEmail | null {
  const { to, subject, text, html, slug, data } = payload;
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string' || typeof html !== 'string' || to === '') return null;
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as OutboxEmail['data']) : {};
  return { to, subject, text, html, slug: typeof slug === 'string' ? (slug as OutboxEmail['slug']) : '', data: fields };
}

export function isSuppressedPayload(payload: Record<string, unknown>): boolean {
  return payload.suppressed === true;
}

/** A text message as the outbox keeps it. */
export interface OutboxSms {
  to: string;
  body: string;
  slug: string;
  data: Record<string, string | number | boolean>;
}

/** An outbox row that sends a text message once the surrounding change committed. */
export function smsOutboxRecord(rt: Runtime, message: OutboxSms): OutboxRecord {
  return pendingOutbox(rt.newId('msg'), 'sms', { to: message.to, body: message.body, slug: message.slug, data: message.data }, rt.now());
}

export function readSmsPayload(payload: Record<string, unknown>): OutboxSms | null {
  const { to, body, slug, data } = payload;
  if (typeof to !== 'string' || to === '' || typeof body !== 'string') return null;
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as OutboxSms['data']) : {};
  return { to, body, slug: typeof slug === 'string' ? slug : '', data: fields };
}
