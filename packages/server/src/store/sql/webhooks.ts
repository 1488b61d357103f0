import type { Store } from '../types.ts';
import type { SqlContext } from './context.ts';
import { fromWebhookEndpoint, toWebhookEndpoint } from './mappers.ts';

type WebhookMethods = Pick<Store, 'createWebhookEndpoint' | 'getWebhookEndpoint' | 'listWebhookEndpoints' | 'updateWebhookEndpoint' | 'deleteWebhookEndpoint'>;

export function sqlWebhooks({ db }: SqlContext): WebhookMethods {
  return {
    async createWebhookEndpoint(endpoint) {
      await db.insertInto('webhook_endpoints').values(fromWebhookEndpoint(endpoint)).execute();
    },
    async getWebhookEndpoint(id) {
      const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toWebhookEndpoint(row) : null;
    },
    async listWebhookEndpoints() {
      const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toWebhookEndpoint);
    },
    async updateWebhookEndpoint(id, patch, now) {
      const row = await db
        .updateTable('webhook_endpoints')
        .set({
          url: patch.url,
          description: patch.description,
          events: patch.events === undefined ? undefined : patch.events === null ? null : JSON.stringify(patch.events),
          disabled_at: patch.disabledAt,
          secret: patch.secret,
          updated_at: now,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toWebhookEndpoint(row) : null;
    },
    async deleteWebhookEndpoint(id) {
      const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
