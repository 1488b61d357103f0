import type { MiddlewareHandler } from 'hono';
import { UsherError } from '../errors.ts';
import { authenticateSecretKey } from '../services/backend/secret-keys.ts';
import type { Runtime } from '../services/runtime.ts';
import { isJsonContentType, parseJsonText, readBodyText } from './body.ts';
import type { AppEnv } from './env.ts';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The Backend API's chain: a valid secret key first (401 secret_key_invalid, before the body is
 * read), then the same JSON body rules as the Frontend API (415, 413, 400). There are no cookies,
 * no client identity and no origin check: the caller is the app's server, not a browser (and the
 * Backend API answers no CORS, so a page cannot read it).
 */
export function backendGuard(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await rt.ready();
    await authenticateSecretKey(rt.store, c.req.header('authorization'));
    c.set('instance', await rt.instanceConfig());
    if (MUTATIONS.has(c.req.method)) {
      const contentType = c.req.header('content-type') ?? null;
      if (contentType !== null && !isJsonContentType(contentType)) throw new UsherError('unsupported_media_type');
      const text = await readBodyText(c.req.raw);
      if (contentType === null && text.length > 0) throw new UsherError('unsupported_media_type');
      c.set('body', parseJsonText(text));
    }
    return next();
  };
}
