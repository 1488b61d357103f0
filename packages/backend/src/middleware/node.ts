import { authenticateRequest, createRequestVerifier, type AuthenticateRequestOptions, type RequestLike, type RequestState } from '../request/authenticate-request.ts';
import { authOf, type Auth } from '../request/auth-object.ts';
import { unauthorizedBody } from './unauthorized.ts';

/**
 * The parts of Node's `IncomingMessage` / `ServerResponse` the middleware uses, written out so the
 * package imports nothing from `node:` (it also runs where Node's types are absent).
 */
export interface IncomingMessage {
  headers: Record<string, string | string[] | undefined>;
  url?: string;
}
export interface ServerResponse {
  writeHead(status: number, headers?: Record<string, string>): { end(body?: string): unknown };
}

/** A Node request once the middleware ran: `req.auth` (and `req.usher`, the whole state). */
export type AuthenticatedIncomingMessage = IncomingMessage & { auth: Auth; usher: RequestState };

/**
 * The auth the middleware put on a request (`req.auth`); signed out when it did not run.
 *
 * @example
 * app.get('/api/me', (req, res) => res.json({ userId: getAuth(req).userId }));
 */
export function getAuth(req: object): Auth {
  const auth = (req as { auth?: Auth }).auth;
  return auth && typeof auth.has === 'function' ? auth : authOf(null);
}

/** Headers of a Node request, read like WHATWG Headers (never the body). */
export function nodeRequestLike(req: IncomingMessage): RequestLike {
  return {
    headers: {
      get(name: string) {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(name.toLowerCase() === 'cookie' ? '; ' : ', ') : (value ?? null);
      },
    },
  };
}

/** Sets `req.auth` and `req.usher`; a signed-out request continues with a signed-out auth. */
export async function authenticateNodeRequest<R extends IncomingMessage>(req: R, options: AuthenticateRequestOptions): Promise<R & { auth: Auth; usher: RequestState }> {
  const state = await authenticateRequest(nodeRequestLike(req), options);
  return Object.assign(req, { auth: state.toAuth(), usher: state });
}

/**
 * For `node:http` servers (and frameworks that pass Node's request/response: Connect, Fastify's
 * raw mode…): `(req, res, next)` that sets `req.auth`.
 *
 * @example
 * const withAuth = usherNodeMiddleware({ jwksUrl, issuer });
 * http.createServer((req, res) => withAuth(req, res, () => res.end(req.auth.userId ?? 'nobody')));
 */
export function usherNodeMiddleware(options: AuthenticateRequestOptions) {
  // Built once, so its JWKS cache serves every request.
  const verified = { verifier: createRequestVerifier(options) };
  return (req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void): void => {
    authenticateNodeRequest(req, verified).then(() => next(), next);
  };
}

/**
 * Like `usherNodeMiddleware`, but answers 401 (JSON, the Usher error shape) to a signed-out
 * request instead of calling `next`.
 */
export function requireAuthNode(options: AuthenticateRequestOptions) {
  const verified = { verifier: createRequestVerifier(options) };
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    authenticateNodeRequest(req, verified).then((authed) => {
      if (authed.usher.status === 'signed-in') return next();
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(unauthorizedBody(authed.usher)));
    }, next);
  };
}
