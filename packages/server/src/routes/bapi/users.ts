import { backendCreateUserBody, backendListUsersQuery, backendMergeMetadataBody, backendUpdateUserBody, emptyBody, type ListJSON, type BackendUserJSON } from '@usher/protocol';
import { parseBody } from '../../http/validate.ts';
import { createUser, deleteUser, disableMfa, getUserOr404, listUsers, mergeUserMetadata, setBanned, setLocked, updateUser } from '../../services/backend/users.ts';
import { loadBackendUserJSON } from '../../services/serializers/load.ts';
import type { Runtime } from '../../services/runtime.ts';
import type { UserRecord } from '../../store/types.ts';
import { pathId, type App, type AppContext } from '../types.ts';

/** /backend/v1/users: list, read, create, update, delete, ban/unban, lock/unlock, merge metadata, disable MFA. */
export function registerBackendUserRoutes(app: App, rt: Runtime): void {
  const json = (c: AppContext, user: UserRecord): Promise<BackendUserJSON> => loadBackendUserJSON(rt, user, c.get('instance'));
  const userId = (c: AppContext) => pathId(c, 'user', 'user_not_found');

  app.get('/backend/v1/users', async (c) => {
    const page = await listUsers(rt, parseBody(backendListUsersQuery, c.req.query()));
    const body: ListJSON<BackendUserJSON> = { data: await Promise.all(page.data.map((u) => json(c, u))), total_count: page.totalCount };
    return c.json(body);
  });
  app.post('/backend/v1/users', async (c) => {
    const user = await createUser(rt, c.get('instance'), parseBody(backendCreateUserBody, c.get('body') ?? {}));
    return c.json(await json(c, user), 201);
  });
  app.get('/backend/v1/users/:id', async (c) => c.json(await json(c, await getUserOr404(rt, userId(c)))));
  app.patch('/backend/v1/users/:id', async (c) => {
    const id = userId(c);
    return c.json(await json(c, await updateUser(rt, c.get('instance'), id, parseBody(backendUpdateUserBody, c.get('body') ?? {}))));
  });
  app.delete('/backend/v1/users/:id', async (c) => {
    const id = userId(c);
    parseBody(emptyBody, c.get('body') ?? {});
    await deleteUser(rt, id);
    return c.json({ object: 'user', id, deleted: true });
  });
  /** Turns 2-step verification off for a user who lost their devices: authenticator, reserved numbers and backup codes. */
  app.delete('/backend/v1/users/:id/mfa', async (c) => {
    const id = userId(c);
    parseBody(emptyBody, c.get('body') ?? {});
    return c.json(await json(c, await disableMfa(rt, id)));
  });
  app.patch('/backend/v1/users/:id/metadata', async (c) => {
    const id = userId(c);
    return c.json(await json(c, await mergeUserMetadata(rt, id, parseBody(backendMergeMetadataBody, c.get('body') ?? {}))));
  });
  for (const [action, apply] of [
    ['ban', (id: string) => setBanned(rt, id, true)],
    ['unban', (id: string) => setBanned(rt, id, false)],
    ['lock', (id: string, c: AppContext) => setLocked(rt, c.get('instance'), id, true)],
    ['unlock', (id: string, c: AppContext) => setLocked(rt, c.get('instance'), id, false)],
  ] as const) {
    app.post(`/backend/v1/users/:id/${action}`, async (c) => {
      const id = userId(c);
      parseBody(emptyBody, c.get('body') ?? {});
      return c.json(await json(c, await apply(id, c)));
    });
  }
}
