import type { Store } from '../types.ts';
import { assertAbsent, byCreation, copy, type MemoryTables } from './tables.ts';

type WebhookMethods = Pick<Store, 'createWebhookEndpoint' | 'getWebhookEndpoint' | 'listWebhookEndpoints' | 'updateWebhookEndpoint' | 'deleteWebhookEndpoint'>;

export function memoryWebhooks(t: MemoryTables): WebhookMethods {
  return {
    async createWebhookEndpoint(endpoint) {
      assertAbsent(t.webhookEndpoints, endpoint.id, 'webhook endpoint');
      t.webhookEndpoints.set(endpoint.id, copy(endpoint));
    },
    async getWebhookEndpoint(id) {
      const endpoint = t.webhookEndpoints.get(id);
      return endpoint ? copy(endpoint) : null;
    },
    async listWebhookEndpoints() {
      return [...t.webhookEndpoints.values()].sort(byCreation((e) => e.id)).map(copy);
    },
    async updateWebhookEndpoint(id, patch, now) {
      const endpoint = t.webhookEndpoints.get(id);
      if (!endpoint) return null;
      // null is a value here (no description, every event, enabled): written, unlike undefined.
      for (const key of ['url', 'description', 'events', 'disabledAt', 'secret'] as const) {
        if (patch[key] !== undefined) (endpoint as unknown as Record<string, unknown>)[key] = copy(patch[key]);
      }
      endpoint.updatedAt = now;
      return copy(endpoint);
    },
    async deleteWebhookEndpoint(id) {
      return t.webhookEndpoints.delete(id);
    },
  };
}
