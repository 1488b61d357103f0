import { changePasswordBody, emptyBody, updateMeBody } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { getMe, updateMe } from '../../services/me.ts';
import { changePassword, deleteMe } from '../../services/me-account.ts';
import { loadUserJSON } from '../../services/serializers/user.ts';
import type { Runtime } from '../../services/runtime.ts';
import { withClient, type App, type AppContext } from '../types.ts';

/** `?_session_id=` picks the session; without it, the device's last active session acts. */
function requestedSessionId(c: AppContext): string | null {
  const value = c.req.query('_session_id');
  return value === undefined || value === '' ? null : value;
}

export function registerMeRoutes(app: App, rt: Runtime): void {
  app.get('/v1/me', async (c) => {
    const { user } = await getMe(rt, c.get('clientContext'), requestedSessionId(c));
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  app.patch('/v1/me', async (c) => {
    const body = parseBody(updateMeBody, c.get('body'));
    const { user } = await updateMe(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body);
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  /** `{ current_password, new_password, sign_out_of_other_sessions }`. */
  app.post('/v1/me/change_password', async (c) => {
    const body = parseBody(changePasswordBody, c.get('body'));
    const { user } = await changePassword(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c), body);
    return c.json(await withClient(rt, c, await loadUserJSON(rt, user, c.get('instance'))));
  });

  /** Deletes the account (re-verification within 10 minutes required). */
  app.delete('/v1/me', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    const id = await deleteMe(rt, c.get('instance'), c.get('clientContext'), requestedSessionId(c));
    return c.json(await withClient(rt, c, { object: 'user', id, deleted: true }));
  });
}
