import { createRequestVerifier, type AuthenticateRequestOptions } from '../request/authenticate-request.ts';
import { authenticateNodeRequest, type IncomingMessage } from './node.ts';
import { unauthorizedBody } from './unauthorized.ts';

/** The parts of Express's req/res/next the middleware uses (Express itself is not a dependency). */
type ExpressNext = (error?: unknown) => void;
type ExpressResponse = { status(code: number): { json(body: unknown): unknown } };

/**
 * Express middleware: sets `req.auth` (userId, sessionId, orgId, has()…) on every request.
 *
 * @example
 * app.use(usherExpress({ jwksUrl, issuer: 'https://auth.example.com' }));
 * app.get('/api/me', (req, res) => res.json({ userId: req.auth.userId }));
 */
export function usherExpress(options: AuthenticateRequestOptions) {
  const verified = { verifier: createRequestVerifier(options) };
  return (req: IncomingMessage, _res: unknown, next: ExpressNext): void => {
    authenticateNodeRequest(req, verified).then(() => next(), next);
  };
}

/**
 * Express middleware that answers 401 JSON to a signed-out request.
 *
 * @example
 * app.get('/api/private', requireAuthExpress({ jwksUrl, issuer }), (req, res) => res.json({ ok: true }));
 */
export function requireAuthExpress(options: AuthenticateRequestOptions) {
  const verified = { verifier: createRequestVerifier(options) };
  return (req: IncomingMessage, res: ExpressResponse, next: ExpressNext): void => {
    authenticateNodeRequest(req, verified).then((authed) => {
      if (authed.usher.status === 'signed-in') return next();
      res.status(401).json(unauthorizedBody(authed.usher));
    }, next);
  };
}
