import type { MiddlewareHandler } from 'hono';
import { BEARER_MODE_HEADER, CLIENT_TOKEN_HEADER } from '@usher/protocol';
import type { AppEnv } from './env.ts';
import { allowedRequestOrigin, type OriginPolicy } from './origin.ts';

const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = `Content-Type, Authorization, ${BEARER_MODE_HEADER}`;

/**
 * CORS for allowed origins only: their requests get Access-Control-Allow-Origin set to exactly
 * that origin, with credentials, and may read the bearer-mode token header. Other origins get no
 * CORS headers (the browser then keeps the answer from them). Preflights are answered here.
 */
export function cors(policy: OriginPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The Backend API is for servers: no browser origin may read it, however allowed elsewhere.
    if (c.req.path.startsWith('/backend/')) return next();
    const origin = allowedRequestOrigin(c.req.raw, policy);
    if (c.req.method === 'OPTIONS') {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (origin !== undefined) {
        headers['Access-Control-Allow-Origin'] = origin;
        headers['Access-Control-Allow-Credentials'] = 'true';
        headers['Access-Control-Allow-Methods'] = ALLOWED_METHODS;
        headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS;
        headers['Access-Control-Max-Age'] = '600';
      }
      return c.body(null, 204, headers);
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (origin !== undefined) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Allow-Credentials', 'true');
      c.res.headers.set('Access-Control-Expose-Headers', CLIENT_TOKEN_HEADER);
    }
  };
}
