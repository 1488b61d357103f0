import { signWebhookPayload } from '@usher/protocol/webhook-signature';
import type { OutboxRecord, Store } from '../store/types.ts';
import { readWebhookDelivery } from './event-deliveries.ts';
import type { WebhookSender } from './webhook-sender.ts';

/** null error: delivered. `final`: retrying cannot help (the endpoint is gone or disabled). */
export type WebhookOutcome = { error: null } | { error: string; final: boolean };

/**
 * Signs one stored event for its endpoint and POSTs it. The `webhook-id` is the event id on every
 * attempt (receivers drop repeats by it); the timestamp and signature are made per attempt, so a
 * retry an hour later still passes the receiver's 5-minute tolerance. Only a 2xx counts.
 */
export async function deliverWebhook(store: Store, sender: WebhookSender, message: OutboxRecord, now: number): Promise<WebhookOutcome> {
  const delivery = readWebhookDelivery(message.payload);
  if (!delivery) return { error: 'The outbox message is not a webhook delivery.', final: true };
  const endpoint = await store.getWebhookEndpoint(delivery.endpointId);
  if (!endpoint) return { error: 'The webhook endpoint was deleted.', final: true };
  if (endpoint.disabledAt !== null) return { error: 'The webhook endpoint is disabled (replay the message once it is enabled).', final: true };
  const timestamp = Math.floor(now / 1000);
  const signature = await signWebhookPayload(endpoint.secret, delivery.eventId, timestamp, delivery.body);
  const headers = { 'webhook-id': delivery.eventId, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
  const { status } = await sender.send({ url: endpoint.url, headers, body: delivery.body });
  if (status >= 200 && status < 300) return { error: null };
  return { error: `The endpoint answered HTTP ${status}.`, final: false };
}
