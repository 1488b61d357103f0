import type { BackendDeletedObjectJSON, BackendEmailJSON, BackendSmsJSON, WebhookEventJSON, WebhookEventType } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import type { OutboxEmail, OutboxSms } from '../mail/outbox-message.ts';
import type { ChangeEventPayload } from '../services/events.ts';
import { toBackendSessionJSON, toBackendUserJSON } from '../services/serializers/backend.ts';
import { pendingOutbox } from '../store/pending-outbox.ts';
import type { OutboxRecord, Store, WebhookEndpointRecord } from '../store/types.ts';

/** What a 'webhook' outbox row carries: the frozen event body, so every retry sends the same bytes. */
export interface WebhookDelivery {
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  body: string;
}

/**
 * The data of a change event: the object as it is when the event is dispatched (normally within
 * a second of the change), in the Backend API's shape. A deleted user is a tombstone. null when
 * the object no longer exists (a session whose user was deleted meanwhile): nothing is sent.
 */
export async function changeEventData(store: Store, event: ChangeEventPayload, context: { publicUrl: string; instance: InstanceConfig; now: number }): Promise<unknown> {
  if (event.type === 'user.deleted') return { object: 'user', id: event.objectId, deleted: true } satisfies BackendDeletedObjectJSON;
  if (event.type.startsWith('user.')) {
    const user = await store.getUser(event.objectId);
    if (!user) return null;
    const avatars = { publicUrl: context.publicUrl, defaultAvatar: context.instance.branding.defaultAvatar };
    return toBackendUserJSON(user, await store.listEmailAddresses(user.id), avatars, context.now, await store.listPhoneNumbers(user.id));
  }
  if (event.type.startsWith('session.')) {
    const session = await store.getSession(event.objectId);
    return session ? toBackendSessionJSON(session, context.now) : null;
  }
  return null;
}

/** The data of email.created. */
export function emailEventData(row: OutboxRecord, email: OutboxEmail, deliveredByUsher: boolean): BackendEmailJSON {
  return {
    object: 'email',
    id: row.id,
    slug: email.slug,
    to_email_address: email.to,
    subject: email.subject,
    body: email.html,
    body_plain: email.text,
    data: { ...email.data },
    delivered_by_usher: deliveredByUsher,
    created_at: row.createdAt,
  };
}

/** The data of sms.created. */
export function smsEventData(row: OutboxRecord, sms: OutboxSms, deliveredByUsher: boolean): BackendSmsJSON {
  return { object: 'sms_message', id: row.id, slug: sms.slug, to_phone_number: sms.to, message: sms.body, data: { ...sms.data }, delivered_by_usher: deliveredByUsher, created_at: row.createdAt };
}

const receives = (endpoint: WebhookEndpointRecord, type: WebhookEventType): boolean =>
  endpoint.disabledAt === null && (endpoint.events === null || endpoint.events.includes(type));

/** The enabled endpoints that receive `type`; read first, so an event nobody receives costs nothing more. */
export async function subscribers(store: Store, type: WebhookEventType): Promise<WebhookEndpointRecord[]> {
  return (await store.listWebhookEndpoints()).filter((endpoint) => receives(endpoint, type));
}

/**
 * One 'webhook' row per subscribed endpoint. Row ids derive from the source row and the endpoint,
 * so a fan-out repeated after a crash stores nothing new.
 */
export function webhookDeliveries(endpoints: readonly WebhookEndpointRecord[], source: OutboxRecord, event: WebhookEventJSON, now: number): OutboxRecord[] {
  if (endpoints.length === 0) return [];
  const body = JSON.stringify(event);
  return endpoints.map((endpoint) =>
    pendingOutbox(`${source.id}.${endpoint.id}`, 'webhook', { endpoint_id: endpoint.id, event_id: event.id, event_type: event.type, body }, now),
  );
}

/** Reads a 'webhook' row's payload back; null when it is not one. */
export function readWebhookDelivery(payload: Record<string, unknown>): WebhookDelivery | null {
  const { endpoint_id: endpointId, event_id: eventId, event_type: eventType, body } = payload;
  if (typeof endpointId !== 'string' || typeof eventId !== 'string' || typeof eventType !== 'string' || typeof body !== 'string') return null;
  return { endpointId, eventId, eventType: eventType as WebhookEventType, body };
}
