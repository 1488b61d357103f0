import type { DevMessageJSON, ListResponseJSON } from '@usher/protocol';
import { emptyBody } from '@usher/protocol';
import { UsherError } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import type { Runtime } from '../../services/runtime.ts';
import type { App, AppContext } from '../types.ts';

const MAX_LIMIT = 500;

function intParam(c: AppContext, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) > max) {
    throw new UsherError('form_param_format_invalid', { paramName: name, longMessage: `\`${name}\` must be an integer between 0 and ${max}.` });
  }
  return Number(raw);
}

function orderParam(c: AppContext): 'created_at' | '-created_at' {
  const raw = c.req.query('order_by') ?? 'created_at';
  if (raw !== 'created_at' && raw !== '-created_at') {
    throw new UsherError('form_param_format_invalid', { paramName: 'order_by', longMessage: '`order_by` must be `created_at` (oldest first) or `-created_at` (newest first).' });
  }
  return raw;
}

/**
 * The development mailbox (`/v1/dev/mailbox`) and SMS box (`/v1/dev/sms`): every email and text
 * message the instance "sent", oldest first (`order_by=-created_at`: newest first, so a long-lived
 * dev database still shows its newest codes on the first page). Exists only when
 * config.environment is 'development'; elsewhere it is a plain 404 like any unknown address.
 */
export function registerDevMailboxRoutes(app: App, rt: Runtime): void {
  const enabled = rt.config.environment === 'development';
  const assertEnabled = () => {
    if (!enabled) throw new UsherError('not_found');
  };

  for (const [path, channel] of [['/v1/dev/mailbox', 'email'], ['/v1/dev/sms', 'sms']] as const) {
    app.get(path, async (c) => {
      assertEnabled();
      const limit = intParam(c, 'limit', 100, MAX_LIMIT);
      const offset = intParam(c, 'offset', 0, 1_000_000_000);
      const page = await rt.store.listDevMessages({ channel, limit, offset, newestFirst: orderParam(c) === '-created_at' });
      const body: ListResponseJSON<DevMessageJSON> = {
        data: page.data.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, html: m.html, created_at: m.createdAt })),
        total_count: page.totalCount,
      };
      return c.json(body);
    });
  }

  app.delete('/v1/dev/mailbox', async (c) => {
    assertEnabled();
    parseBody(emptyBody, c.get('body'));
    await rt.store.clearDevMessages();
    return c.json({ data: [], total_count: 0 });
  });
}
