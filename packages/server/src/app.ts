import { Hono } from 'hono';
import type { UsherAppDeps } from './deps.ts';
import { clientIdentity } from './http/client-identity.ts';
import { cors } from './http/cors.ts';
import type { AppEnv } from './http/env.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { allowedRequestOrigin } from './http/origin.ts';
import { rateLimit } from './http/rate-limit.ts';
import { requestGuard } from './http/request-guard.ts';
import { backendGuard } from './http/backend-guard.ts';
import { registerBackendInstanceRoutes } from './routes/bapi/instance.ts';
import { registerBackendJwtTemplateRoutes } from './routes/bapi/jwt-templates.ts';
import { registerBackendSessionRoutes } from './routes/bapi/sessions.ts';
import { registerBackendUserRoutes } from './routes/bapi/users.ts';
import { registerBackendWebhookRoutes } from './routes/bapi/webhooks.ts';
import { registerDevMailboxRoutes } from './routes/dev/mailbox.ts';
import { registerAvatarRoutes, registerUserImageRoutes } from './routes/fapi/avatars.ts';
import { registerClientRoutes } from './routes/fapi/client.ts';
import { registerEnvironmentRoutes } from './routes/fapi/environment.ts';
import { registerMeRoutes } from './routes/fapi/me.ts';
import { registerSessionRoutes } from './routes/fapi/sessions.ts';
import { registerSignInRoutes } from './routes/fapi/sign-ins.ts';
import { registerSignUpRoutes } from './routes/fapi/sign-ups.ts';
import { registerJwksRoute } from './routes/jwks.ts';
import { registerOAuthForwardRoute, registerOAuthRoutes } from './routes/fapi/oauth.ts';
import { registerBackendOAuthProviderRoutes } from './routes/bapi/oauth-providers.ts';
import { Runtime } from './services/runtime.ts';

/**
 * The Usher HTTP app (Frontend API under /v1, Backend API under /backend/v1, JWKS, dev mailbox), built only on web-standard
 * Request/Response/WebCrypto: the same app runs in Node, in vitest and in a service worker.
 * First-start work (instance secret, signing key) happens lazily on the first request.
 *
 * @example
 * const app = createUsherApp({
 *   store: createMemoryStore(),
 *   hasher: createPbkdf2Hasher(),
 *   clock: systemClock,
 *   random: webCryptoRandom,
 *   config: { environment: 'development', publicUrl: 'http://localhost:4000', allowedOrigins: ['http://localhost:5173'], trustedProxies: [], secureCookies: false },
 * });
 * const res = await app.request('/v1/environment');
 */
export function createUsherApp(deps: UsherAppDeps): Hono {
  const rt = new Runtime(deps);
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(rt.logger));
  app.notFound(notFoundHandler);

  // The SDK learns clock skew from `Date`; in-process (MSW, tests) nothing else sets it, and
  // from the injected clock it follows the time tests move.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Date')) c.res.headers.set('Date', new Date(rt.now()).toUTCString());
  });
  app.use('*', cors(rt));
  registerJwksRoute(app, rt);
  // Public images with their own small chain (rate limit only): registered before the /v1
  // middlewares, so they carry no client identity, no cookie and keep their cache headers.
  registerAvatarRoutes(app, rt);
  registerUserImageRoutes(app, rt);
  registerOAuthForwardRoute(app, rt);

  app.use('/v1/*', async (c, next) => {
    await rt.ready();
    c.set('instance', await rt.instanceConfig());
    c.set('allowedOrigin', allowedRequestOrigin(c.req.raw, rt));
    return next();
  });
  app.use('/v1/*', clientIdentity(rt));
  app.use('/v1/*', requestGuard(rt));
  app.use('/v1/*', rateLimit(rt));

  registerEnvironmentRoutes(app, rt);
  registerClientRoutes(app, rt);
  registerSignUpRoutes(app, rt);
  registerSignInRoutes(app, rt);
  registerSessionRoutes(app, rt);
  registerMeRoutes(app, rt);
  registerOAuthRoutes(app, rt);
  registerDevMailboxRoutes(app, rt);

  // The Backend API, for the app's own server: secret-key auth, its own chain, no CORS.
  app.use('/backend/v1/*', backendGuard(rt));
  registerBackendUserRoutes(app, rt);
  registerBackendSessionRoutes(app, rt);
  registerBackendJwtTemplateRoutes(app, rt);
  registerBackendInstanceRoutes(app, rt);
  registerBackendWebhookRoutes(app, rt);
  registerBackendOAuthProviderRoutes(app, rt);

  return app as unknown as Hono;
}
