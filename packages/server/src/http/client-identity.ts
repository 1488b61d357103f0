import type { MiddlewareHandler } from 'hono';
import { BEARER_MODE_HEADER, CLIENT_COOKIE, CLIENT_TOKEN_HEADER } from '@usher/protocol';
import { ClientContext } from '../services/client-context.ts';
import type { Runtime } from '../services/runtime.ts';
import { clientCookie, clientUatCookie, readCookie } from './cookies.ts';
import type { AppEnv } from './env.ts';
import { deviceInfo } from './device-info.ts';
import { parseIpRangeList } from '../ratelimit/ip-range.ts';

export interface ClientCredential {
  bearer: boolean;
  token: string | null;
}

/**
 * How the request names its client. `Authorization: Bearer <token>` or `x-usher-bearer: 1` select
 * bearer mode (the token then travels in headers only); otherwise the `__client` cookie is used.
 */
export function readClientCredential(request: Request): ClientCredential {
  const authorization = request.headers.get('authorization');
  const match = authorization === null ? null : /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization);
  if (match) return { bearer: true, token: match[1] ?? null };
  const mode = request.headers.get(BEARER_MODE_HEADER);
  if (mode !== null && mode.trim() !== '' && mode.trim() !== '0' && mode.trim().toLowerCase() !== 'false') return { bearer: true, token: null };
  return { bearer: false, token: readCookie(request.headers.get('cookie'), CLIENT_COOKIE) };
}

/**
 * Resolves the client before the route and writes its credential after it, even when the route
 * failed: a client created (or rotated) before a 4xx must still reach the device.
 * Bearer mode: the current token is always echoed in `x-usher-client-token`.
 * Cookie mode: `__client` is set when the token is new, `__client_uat` when the signed-in state changed.
 */
export function clientIdentity(rt: Runtime): MiddlewareHandler<AppEnv> {
  const trustedProxies = parseIpRangeList(rt.config.trustedProxies);
  return async (c, next) => {
    const credential = readClientCredential(c.req.raw);
    c.set('bearer', credential.bearer);
    const context = await ClientContext.resolve(rt, credential.token);
    context.device = deviceInfo(c.req.raw, rt.peerAddress(c.req.raw), trustedProxies);
    c.set('clientContext', context);
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    if (credential.bearer) {
      const token = context.effectiveToken;
      if (token !== null) c.res.headers.set(CLIENT_TOKEN_HEADER, token);
      return;
    }
    const secure = rt.config.secureCookies;
    if (context.issuedToken !== null) c.res.headers.append('Set-Cookie', clientCookie(context.issuedToken, secure));
    if (context.authStateChangedAt !== null) c.res.headers.append('Set-Cookie', clientUatCookie(Math.floor(context.authStateChangedAt / 1000), secure));
  };
}
