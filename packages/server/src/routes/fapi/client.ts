import { emptyBody } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { loadClientJSON } from '../../services/serializers/load.ts';
import { endAllSessions } from '../../services/sessions.ts';
import type { Runtime } from '../../services/runtime.ts';
import type { App } from '../types.ts';

export function registerClientRoutes(app: App, rt: Runtime): void {
  /** The device's client, or `{ response: null, client: null }` before its first sign-in/sign-up. */
  app.get('/v1/client', async (c) => {
    const client = await loadClientJSON(rt, c.get('clientContext').client, c.get('instance'));
    return c.json({ response: client, client });
  });

  /** Signs the device out of every session. */
  app.delete('/v1/client/sessions', async (c) => {
    parseBody(emptyBody, c.get('body'));
    await endAllSessions(rt, c.get('clientContext'));
    const client = await loadClientJSON(rt, c.get('clientContext').client, c.get('instance'));
    return c.json({ response: client, client });
  });
}
