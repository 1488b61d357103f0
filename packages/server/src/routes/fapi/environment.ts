import { toEnvironmentJSON } from '../../services/serializers/environment.ts';
import type { Runtime } from '../../services/runtime.ts';
import { socialProvidersJSON } from '../../services/oauth-providers.ts';
import type { App } from '../types.ts';

/** `GET /v1/environment`: the instance settings the UI renders from. */
export function registerEnvironmentRoutes(app: App, rt: Runtime): void {
  app.get('/v1/environment', async (c) => c.json(toEnvironmentJSON(c.get('instance'), rt.config, await socialProvidersJSON(rt))));
}
