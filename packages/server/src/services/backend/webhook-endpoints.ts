import type { BackendCreateWebhookEndpointBody, BackendUpdateWebhookEndpointBody, BackendWebhookEndpointJSON, BackendWebhookMessageJSON, WebhookEventType } from '@usher/protocol';
import { bytesToBase64 } from '../../crypto/encoding.ts';
import { UsherError } from '../../errors.ts';
import { readWebhookDelivery } from '../../jobs/event-deliveries.ts';
import type { OutboxRecord, WebhookEndpointRecord } from '../../store/types.ts';
import type { Runtime } from '../runtime.ts';

/** 24 random bytes, `whsec_<base64>`: the Standard Webhooks secret format every verifier reads. */
function newSecret(rt: Runtime): string {
  return `whsec_${bytesToBase64(rt.random.bytes(24))}`;
}

export function toWebhookEndpointJSON(endpoint: WebhookEndpointRecord, options: { withSecret?: boolean } = {}): BackendWebhookEndpointJSON {
  return {
    object: 'webhook_endpoint',
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events === null ? null : (endpoint.events as WebhookEventType[]),
    disabled: endpoint.disabledAt !== null,
    created_at: endpoint.createdAt,
    updated_at: endpoint.updatedAt,
    ...(options.withSecret ? { secret: endpoint.secret } : {}),
  };
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * In production a signed event only travels over TLS: plain http is refused unless the host is
 * the machine itself (a receiver beside the server). Development accepts any http(s) URL.
 */
function acceptUrl(rt: Runtime, raw: string): string {
  const url = new URL(raw);
  if (url.username || url.password) throw new UsherError('form_param_format_invalid', { paramName: 'url', longMessage: 'Put no credentials in the URL; verify the webhook signature instead.' });
  if (rt.config.environment === 'production' && url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new UsherError('form_param_format_invalid', { paramName: 'url', longMessage: 'Webhook URLs must use https in production.' });
  }
  return url.toString();
}

const uniqueEvents = (events: WebhookEventType[] | null | undefined): string[] | null => (events ? [...new Set(events)] : null);

export async function createWebhookEndpoint(rt: Runtime, body: BackendCreateWebhookEndpointBody): Promise<WebhookEndpointRecord> {
  const now = rt.now();
  const endpoint: WebhookEndpointRecord = {
    id: rt.newId('whep'),
    url: acceptUrl(rt, body.url),
    secret: newSecret(rt),
    description: body.description ?? null,
    events: uniqueEvents(body.events),
    disabledAt: body.disabled ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  await rt.store.createWebhookEndpoint(endpoint);
  return endpoint;
}

export async function getWebhookEndpointOr404(rt: Runtime, id: string): Promise<WebhookEndpointRecord> {
  const endpoint = await rt.store.getWebhookEndpoint(id);
  if (!endpoint) throw new UsherError('webhook_endpoint_not_found');
  return endpoint;
}

/** Changes the given fields; `disabled: false` resumes delivery (replay what was dead-lettered meanwhile). */
export async function updateWebhookEndpoint(rt: Runtime, id: string, body: BackendUpdateWebhookEndpointBody): Promise<WebhookEndpointRecord> {
  const current = await getWebhookEndpointOr404(rt, id);
  const now = rt.now();
  const patch: Parameters<Runtime['store']['updateWebhookEndpoint']>[1] = {};
  if (body.url !== undefined) patch.url = acceptUrl(rt, body.url);
  if (body.description !== undefined) patch.description = body.description;
  if (body.events !== undefined) patch.events = uniqueEvents(body.events);
  if (body.disabled !== undefined) patch.disabledAt = body.disabled ? (current.disabledAt ?? now) : null;
  const updated = await rt.store.updateWebhookEndpoint(id, patch, now);
  if (!updated) throw new UsherError('webhook_endpoint_not_found');
  return updated;
}

/** A new secret signs every later attempt; receivers must switch to it. */
export async function rotateWebhookSecret(rt: Runtime, id: string): Promise<WebhookEndpointRecord> {
  await getWebhookEndpointOr404(rt, id);
  const updated = await rt.store.updateWebhookEndpoint(id, { secret: newSecret(rt) }, rt.now());
  if (!updated) throw new UsherError('webhook_endpoint_not_found');
  return updated;
}

export async function deleteWebhookEndpoint(rt: Runtime, id: string): Promise<void> {
  if (!(await rt.store.deleteWebhookEndpoint(id))) throw new UsherError('webhook_endpoint_not_found');
}

/** A delivery row as the Backend API lists it; null for rows that are not webhook deliveries. */
export function toWebhookMessageJSON(message: OutboxRecord): BackendWebhookMessageJSON | null {
  const delivery = message.kind === 'webhook' ? readWebhookDelivery(message.payload) : null;
  if (!delivery) return null;
  return {
    object: 'webhook_message',
    id: message.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    endpoint_id: delivery.endpointId,
    status: message.status,
    attempts: message.attempts,
    next_attempt_at: message.status === 'pending' ? message.nextAttemptAt : null,
    last_error: message.lastError,
    created_at: message.createdAt,
    updated_at: message.updatedAt,
  };
}

/** Newest first, at most `limit`. */
export async function listWebhookMessages(rt: Runtime, filter: { status?: OutboxRecord['status']; endpointId?: string; limit: number }): Promise<BackendWebhookMessageJSON[]> {
  const rows = await rt.store.listOutbox({
    kind: 'webhook',
    newestFirst: true,
    limit: filter.limit,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.endpointId ? { idSuffix: `.${filter.endpointId}` } : {}),
  });
  return rows.map(toWebhookMessageJSON).filter((m): m is BackendWebhookMessageJSON => m !== null);
}

/**
 * Sends a delivery again from scratch (attempts reset, due now), with the same `webhook-id`, so a
 * receiver that did process it can still drop it. Only a sent or dead-lettered delivery.
 */
export async function replayWebhookMessage(rt: Runtime, id: string): Promise<BackendWebhookMessageJSON> {
  const message = await rt.store.getOutbox(id);
  if (!message || message.kind !== 'webhook') throw new UsherError('webhook_message_not_found');
  if (!(await rt.store.requeueOutbox(id, rt.now()))) throw new UsherError('webhook_message_not_replayable');
  const replayed = await rt.store.getOutbox(id);
  const json = replayed ? toWebhookMessageJSON(replayed) : null;
  if (!json) throw new UsherError('webhook_message_not_found');
  return json;
}
