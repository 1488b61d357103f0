import { backendListSessionsQuery, emptyBody, type BackendSessionJSON, type ListJSON } from '@usher/protocol';
import { UsherError } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { toBackendSessionJSON } from '../../services/serializers/backend.ts';
import type { Runtime } from '../../services/runtime.ts';
import { pathId, type App } from '../types.ts';
import { changeEvents } from '../../services/events.ts';

/** /backend/v1/sessions: list (by user and status) and revoke. */
export function registerBackendSessionRoutes(app: App, rt: Runtime): void {
  app.get('/backend/v1/sessions', async (c) => {
    const query = parseBody(backendListSessionsQuery, c.req.query());
    const page = await rt.store.listSessions({ userId: query.user_id, status: query.status, limit: query.limit, offset: query.offset });
    const now = rt.now();
    const body: ListJSON<BackendSessionJSON> = { data: page.data.map((s) => toBackendSessionJSON(s, now)), total_count: page.totalCount };
    return c.json(body);
  });
  app.get('/backend/v1/sessions/:id', async (c) => {
    const session = await rt.store.getSession(pathId(c, 'sess', 'session_not_found'));
    if (!session) throw new UsherError('session_not_found');
    return c.json(toBackendSessionJSON(session, rt.now()));
  });
  /** Revoked: its next token mint fails, so the app's users are out within one token lifetime. */
  app.post('/backend/v1/sessions/:id/revoke', async (c) => {
    const id = pathId(c, 'sess', 'session_not_found');
    parseBody(emptyBody, c.get('body') ?? {});
    const now = rt.now();
    if (!(await rt.store.setSessionStatus(id, ['active'], 'revoked', now, changeEvents(rt)))) {
      const session = await rt.store.getSession(id);
      if (!session) throw new UsherError('session_not_found');
      throw new UsherError('session_not_active', { status: 422, longMessage: `This session is already ${session.status}.` });
    }
    const session = await rt.store.getSession(id);
    if (!session) throw new UsherError('session_not_found');
    return c.json(toBackendSessionJSON(session, now));
  });
}
