import type { MiddlewareHandler } from 'hono';
import { authenticateRequest, createRequestVerifier, type AuthenticateRequestOptions, type RequestState } from '../request/authenticate-request.ts';
import type { Auth } from '../request/auth-object.ts';
import { unauthorizedBody } from './unauthorized.ts';

/** Context variables the Hono middleware sets: `c.get('auth')` and `c.get('usher')`. */
export interface UsherHonoVariables {
  auth: Auth;
  usher: RequestState;
}

/**
 * Hono middleware: sets `c.get('auth')` on every request; with `{ required: true }` a signed-out
 * request gets 401 JSON instead.
 *
 * @example
 * const app = new Hono<{ Variables: UsherHonoVariables }>();
 * app.use('/api/*', usherHono({ jwksUrl, issuer, required: true }));
 * app.get('/api/me', (c) => c.json({ userId: c.get('auth').userId }));
 */
export function usherHono(options: AuthenticateRequestOptions & { required?: boolean }): MiddlewareHandler<{ Variables: UsherHonoVariables }> {
  const verified = { verifier: createRequestVerifier(options) };
  return async (c, next) => {
    const state = await authenticateRequest(c.req.raw, verified);
    c.set('usher', state);
    c.set('auth', state.toAuth());
    if (options.required && state.status !== 'signed-in') return c.json(unauthorizedBody(state), 401);
    await next();
  };
}

/** `usherHono({ ...options, required: true })`. */
export const requireAuthHono = (options: AuthenticateRequestOptions): MiddlewareHandler<{ Variables: UsherHonoVariables }> => usherHono({ ...options, required: true });
