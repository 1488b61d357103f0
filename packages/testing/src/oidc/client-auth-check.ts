import type { Middleware } from 'oidc-provider';

/**
 * oidc-provider accepts `client_secret_basic` and `client_secret_post` interchangeably for any
 * client with a secret. This middleware makes the registered method binding, as strict providers
 * do: a token response to a client that authenticated the other way becomes `401 invalid_client`
 * (the tokens issued on the way are simply never handed out).
 */
export function strictClientAuth(enabled: () => boolean): Middleware {
  return async (ctx, next) => {
    await next();
    const client = ctx.oidc?.client;
    if (!enabled() || ctx.oidc?.route !== 'token' || ctx.status !== 200 || !client) return;
    const used = typeof ctx.headers.authorization === 'string' && /^basic /i.test(ctx.headers.authorization) ? 'client_secret_basic' : 'client_secret_post';
    if (used === client.tokenEndpointAuthMethod) return;
    ctx.status = 401;
    if (used === 'client_secret_post') ctx.set('www-authenticate', 'Basic realm="token"');
    ctx.body = {
      error: 'invalid_client',
      error_description: `client authentication failed: ${client.clientId} is registered for ${client.tokenEndpointAuthMethod}, the request used ${used}`,
    };
  };
}
