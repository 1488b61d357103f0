import type { Runtime } from '../services/runtime.ts';
import type { App } from './types.ts';

/**
 * `GET /.well-known/jwks.json`: the public keys that verify session tokens (active ones, and
 * retired ones until their last token expired). Cached for 5 minutes by verifiers and proxies.
 */
export function registerJwksRoute(app: App, rt: Runtime): void {
  app.get('/.well-known/jwks.json', async (c) => {
    await rt.ready();
    const keys = await rt.keys.publishedKeys();
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=60');
    return c.json({ keys });
  });
}
