import {
  backendCreateWebhookEndpointBody,
  backendListWebhookMessagesQuery,
  backendUpdateWebhookEndpointBody,
  emptyBody,
  type BackendWebhookEndpointJSON,
  type BackendWebhookMessageJSON,
  type ListJSON,
} from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import type { Runtime } from '../../services/runtime.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpointOr404,
  listWebhookMessages,
  replayWebhookMessage,
  rotateWebhookSecret,
  toWebhookEndpointJSON,
  updateWebhookEndpoint,
} from '../../services/backend/webhook-endpoints.ts';
import { UsherError } from '../../errors.ts';
import { pathId, type App, type AppContext } from '../types.ts';

/** Delivery ids are `<event message id>.<endpoint id>`. */
const MESSAGE_ID = /^msg_[0-9a-z]{36}\.whep_[0-9a-z]{36}$/;

/**
 * /backend/v1/webhooks: endpoints (CRUD; the secret is shown when created, at GET …/secret and
 * when rotated) and their deliveries (list, replay).
 */
export function registerBackendWebhookRoutes(app: App, rt: Runtime): void {
  const endpointId = (c: AppContext) => pathId(c, 'whep', 'webhook_endpoint_not_found');
  const body = (c: AppContext) => c.get('body') ?? {};

  app.get('/backend/v1/webhooks/endpoints', async (c) => {
    const all = await rt.store.listWebhookEndpoints();
    const json: ListJSON<BackendWebhookEndpointJSON> = { data: all.map((e) => toWebhookEndpointJSON(e)), total_count: all.length };
    return c.json(json);
  });
  app.post('/backend/v1/webhooks/endpoints', async (c) => {
    const endpoint = await createWebhookEndpoint(rt, parseBody(backendCreateWebhookEndpointBody, body(c)));
    return c.json(toWebhookEndpointJSON(endpoint, { withSecret: true }), 201);
  });
  app.get('/backend/v1/webhooks/endpoints/:id', async (c) => c.json(toWebhookEndpointJSON(await getWebhookEndpointOr404(rt, endpointId(c)))));
  app.get('/backend/v1/webhooks/endpoints/:id/secret', async (c) => {
    const endpoint = await getWebhookEndpointOr404(rt, endpointId(c));
    return c.json({ object: 'webhook_endpoint_secret', id: endpoint.id, secret: endpoint.secret });
  });
  app.post('/backend/v1/webhooks/endpoints/:id/rotate_secret', async (c) => {
    const id = endpointId(c);
    parseBody(emptyBody, body(c));
    return c.json(toWebhookEndpointJSON(await rotateWebhookSecret(rt, id), { withSecret: true }));
  });
  app.patch('/backend/v1/webhooks/endpoints/:id', async (c) => {
    const id = endpointId(c);
    return c.json(toWebhookEndpointJSON(await updateWebhookEndpoint(rt, id, parseBody(backendUpdateWebhookEndpointBody, body(c)))));
  });
  app.delete('/backend/v1/webhooks/endpoints/:id', async (c) => {
    const id = endpointId(c);
    parseBody(emptyBody, body(c));
    await deleteWebhookEndpoint(rt, id);
    return c.json({ object: 'webhook_endpoint', id, deleted: true });
  });

  app.get('/backend/v1/webhooks/messages', async (c) => {
    const query = parseBody(backendListWebhookMessagesQuery, c.req.query());
    const data = await listWebhookMessages(rt, { limit: query.limit, ...(query.status ? { status: query.status } : {}), ...(query.endpoint_id ? { endpointId: query.endpoint_id } : {}) });
    const json: ListJSON<BackendWebhookMessageJSON> = { data, total_count: data.length };
    return c.json(json);
  });
  app.post('/backend/v1/webhooks/messages/:id/replay', async (c) => {
    const id = c.req.param('id');
    if (!MESSAGE_ID.test(id)) throw new UsherError('webhook_message_not_found');
    parseBody(emptyBody, body(c));
    return c.json(await replayWebhookMessage(rt, id));
  });
}
