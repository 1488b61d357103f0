/**
 * The playground's own backend, a separate Node server behind the same origin (Vite proxies
 * /api to it), the way an app's API runs next to its front end. `GET /api/me` is protected with
 * @usher/backend: it reads the `__session` cookie the SDK writes (or `Authorization: Bearer`) and
 * verifies it offline against the instance's JWKS.
 */
import { createServer } from 'node:http';
import { getAuth, requireAuthNode } from '@usher/backend';

const port = Number(process.env.PLAYGROUND_API_PORT ?? 5174);
const apiTarget = process.env.USHER_API_TARGET ?? 'http://127.0.0.1:4000';
const appOrigin = process.env.PLAYGROUND_ORIGIN ?? 'http://localhost:5173';
// Behind this proxy the Usher API's public URL is the app's origin, so that is the tokens' `iss`.
const issuer = process.env.USHER_ISSUER ?? appOrigin;

const requireAuth = requireAuthNode({ jwksUrl: `${apiTarget}/.well-known/jwks.json`, issuer, authorizedParties: [appOrigin] });

const json = (status: number, body: unknown) => ({ status, text: JSON.stringify(body) });

createServer((req, res) => {
  const send = ({ status, text }: { status: number; text: string }) => res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(text);
  if (req.method !== 'GET' || req.url?.split('?')[0] !== '/api/me') return send(json(404, { errors: [{ code: 'not_found', message: 'Not found' }] }));
  requireAuth(req, res, (error) => {
    if (error) return send(json(500, { errors: [{ code: 'internal_error', message: 'The token check failed' }] }));
    const auth = getAuth(req);
    send(json(200, { userId: auth.userId, sessionId: auth.sessionId, orgId: auth.orgId }));
  });
}).listen(port, '127.0.0.1', () => process.stdout.write(`playground API on http://127.0.0.1:${port}\n`));
