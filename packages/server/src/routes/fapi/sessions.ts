import { emptyBody, sessionTouchBody, sessionVerifyAttemptBody, sessionVerifyPrepareBody, type TokenJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import { UsherError } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { loadSessionJSON } from '../../services/serializers/load.ts';
import { changeSession, mintSessionToken, touchSession } from '../../services/sessions.ts';
import { mintTemplateToken } from '../../services/tokens/template-token.ts';
import { attemptReverification, prepareReverification, startReverification } from '../../services/reverification.ts';
import type { Runtime } from '../../services/runtime.ts';
import type { SessionRecord } from '../../store/types.ts';
import { pathId, withClient, type App } from '../types.ts';

export function registerSessionRoutes(app: App, rt: Runtime): void {
  async function sessionJSON(session: SessionRecord, config: InstanceConfig) {
    const json = await loadSessionJSON(rt, session, config);
    if (!json) throw new UsherError('session_not_found');
    return json;
  }

  /** Mints a 60-second session token: `{ object: 'token', jwt }`. */
  app.post('/v1/client/sessions/:id/tokens', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(emptyBody, c.get('body'));
    const jwt = await mintSessionToken(rt, c.get('instance'), c.get('clientContext'), id, c.get('allowedOrigin'));
    const token: TokenJSON = { object: 'token', jwt };
    return c.json(token);
  });

  /** Mints a token from a JWT template (`getToken({ template })`): `{ object: 'token', jwt }`. */
  app.post('/v1/client/sessions/:id/tokens/:template', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    const name = c.req.param('template');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new UsherError('jwt_template_not_found');
    parseBody(emptyBody, c.get('body'));
    const jwt = await mintTemplateToken(rt, c.get('instance'), c.get('clientContext'), id, name, c.get('allowedOrigin'));
    const token: TokenJSON = { object: 'token', jwt };
    return c.json(token);
  });

  /** Re-verification: what the user can confirm it is them with ('complete' when recent enough). */
  app.post('/v1/client/sessions/:id/verify', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(emptyBody, c.get('body') ?? {});
    return c.json(await withClient(rt, c, await startReverification(rt, c.get('instance'), c.get('clientContext'), id)));
  });
  app.post('/v1/client/sessions/:id/verify/prepare_first_factor', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(sessionVerifyPrepareBody, c.get('body'));
    return c.json(await withClient(rt, c, await prepareReverification(rt, c.get('instance'), c.get('clientContext'), id)));
  });
  app.post('/v1/client/sessions/:id/verify/attempt_first_factor', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    const body = parseBody(sessionVerifyAttemptBody, c.get('body'));
    return c.json(await withClient(rt, c, await attemptReverification(rt, c.get('instance'), c.get('clientContext'), id, body)));
  });

  /** Makes the session the device's active one. */
  app.post('/v1/client/sessions/:id/touch', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    const body = parseBody(sessionTouchBody, c.get('body'));
    if (body.active_organization_id != null) {
      throw new UsherError('form_param_value_invalid', { paramName: 'active_organization_id', longMessage: 'Organizations are not enabled on this instance.' });
    }
    const session = await touchSession(rt, c.get('instance'), c.get('clientContext'), id);
    return c.json(await withClient(rt, c, await sessionJSON(session, c.get('instance'))));
  });

  /** Signs this session out (status ended). */
  app.post('/v1/client/sessions/:id/end', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(emptyBody, c.get('body'));
    const session = await changeSession(rt, c.get('clientContext'), id, 'end');
    return c.json(await withClient(rt, c, await sessionJSON(session, c.get('instance'))));
  });

  /** Takes the session off this device (status removed). */
  app.post('/v1/client/sessions/:id/remove', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(emptyBody, c.get('body'));
    const session = await changeSession(rt, c.get('clientContext'), id, 'remove');
    return c.json(await withClient(rt, c, await sessionJSON(session, c.get('instance'))));
  });
}
