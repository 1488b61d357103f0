import { backendOAuthProviderBody, emptyBody, oauthProviderIdParam, type BackendOAuthProviderJSON, type ListJSON } from '@usher/protocol';
import { UsherError } from '../../errors.ts';
import { parseBody } from '../../http/validate.ts';
import { deleteProvider, listProviders, putProvider, toProviderJSON } from '../../services/oauth-providers.ts';
import type { Runtime } from '../../services/runtime.ts';
import type { App, AppContext } from '../types.ts';

function providerId(c: AppContext): string {
  const parsed = oauthProviderIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new UsherError('oauth_provider_not_found');
  return parsed.data;
}

/**
 * /backend/v1/oauth_providers: the social / OpenID Connect providers (`PUT …/{id}` creates or
 * replaces one; client secrets are write-only). The answer names the redirect URI to register.
 */
export function registerBackendOAuthProviderRoutes(app: App, rt: Runtime): void {
  app.get('/backend/v1/oauth_providers', async (c) => {
    const data = (await listProviders(rt)).map((p) => toProviderJSON(rt, p));
    const body: ListJSON<BackendOAuthProviderJSON> = { data, total_count: data.length };
    return c.json(body);
  });
  app.get('/backend/v1/oauth_providers/:id', async (c) => {
    const id = providerId(c);
    const provider = (await listProviders(rt)).find((p) => p.id === id);
    if (!provider) throw new UsherError('oauth_provider_not_found');
    return c.json(toProviderJSON(rt, provider));
  });
  app.put('/backend/v1/oauth_providers/:id', async (c) => {
    const record = await putProvider(rt, providerId(c), parseBody(backendOAuthProviderBody, c.get('body') ?? {}));
    return c.json(toProviderJSON(rt, record));
  });
  app.delete('/backend/v1/oauth_providers/:id', async (c) => {
    parseBody(emptyBody, c.get('body') ?? {});
    const id = providerId(c);
    if (!(await deleteProvider(rt, id))) throw new UsherError('oauth_provider_not_found');
    return c.json({ object: 'oauth_provider', id, deleted: true });
  });
}
