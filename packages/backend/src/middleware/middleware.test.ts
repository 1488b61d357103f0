import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { testKeys } from '../request/test-tokens.ts';
import { requireAuthExpress, usherExpress } from './express.ts';
import { requireAuthHono, usherHono, type UsherHonoVariables } from './hono.ts';
import { getAuth, requireAuthNode, usherNodeMiddleware } from './node.ts';

const keys = await testKeys();
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Node http middleware', () => {
  it('getAuth(req) is signed out on a request the middleware did not see', () => {
    expect(getAuth({}).userId).toBeNull();
    expect(getAuth({ auth: 'forged' }).has({ role: 'admin' })).toBe(false);
  });

  it('sets req.auth for signed-in and signed-out requests; requireAuthNode answers 401 JSON', async () => {
    const withAuth = usherNodeMiddleware(keys.options);
    const required = requireAuthNode(keys.options);
    const base = await listen(
      createServer((req, res) => {
        const handler = req.url === '/private' ? required : withAuth;
        handler(req, res, (error) => {
          if (error) return res.writeHead(500).end(String(error));
          res.end(JSON.stringify({ userId: getAuth(req).userId }));
        });
      }),
    );
    const token = await keys.mint();
    expect(await (await fetch(`${base}/`, { headers: { authorization: `Bearer ${token}` } })).json()).toEqual({ userId: 'user_1' });
    expect(await (await fetch(`${base}/`, { headers: { cookie: `__session=${token}` } })).json()).toEqual({ userId: 'user_1' });
    expect(await (await fetch(`${base}/`)).json()).toEqual({ userId: null });
    const refused = await fetch(`${base}/private`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ errors: [{ code: 'authentication_invalid', meta: { reason: 'session-token-missing' } }] });
    expect((await fetch(`${base}/private`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('Express middleware', () => {
  it('app.use(usherExpress()) sets req.auth; requireAuthExpress guards a route', async () => {
    const app = express();
    app.use(usherExpress(keys.options));
    app.get('/me', (req, res) => {
      res.json({ userId: getAuth(req).userId });
    });
    app.get('/admin', requireAuthExpress(keys.options), (req, res) => {
      const { has } = getAuth(req);
      res.status(has({ role: 'admin' }) ? 200 : 403).json({ ok: has({ role: 'admin' }) });
    });
    const base = await listen(createServer(app));
    const member = await keys.mint({ org_id: 'org_1', org_role: 'org:member' });
    const admin = await keys.mint({ org_id: 'org_1', org_role: 'org:admin' });
    expect(await (await fetch(`${base}/me`, { headers: { cookie: `__session=${member}` } })).json()).toEqual({ userId: 'user_1' });
    expect((await fetch(`${base}/admin`)).status).toBe(401);
    expect((await fetch(`${base}/admin`, { headers: { authorization: `Bearer ${member}` } })).status).toBe(403);
    expect((await fetch(`${base}/admin`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
  });
});

describe('Hono middleware', () => {
  it('sets c.get("auth"); required answers 401 JSON with the reason', async () => {
    const app = new Hono<{ Variables: UsherHonoVariables }>();
    app.use('/api/*', usherHono(keys.options));
    app.use('/private/*', requireAuthHono(keys.options));
    app.get('/api/me', (c) => c.json({ userId: c.get('auth').userId, status: c.get('usher').status }));
    app.get('/private/me', (c) => c.json({ userId: c.get('auth').userId }));
    const token = await keys.mint();
    expect(await (await app.request('/api/me', { headers: { authorization: `Bearer ${token}` } })).json()).toEqual({ userId: 'user_1', status: 'signed-in' });
    expect(await (await app.request('/api/me')).json()).toEqual({ userId: null, status: 'signed-out' });
    const refused = await app.request('/private/me', { headers: { authorization: 'Bearer x.y.z' } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ errors: [{ code: 'authentication_invalid', meta: { reason: 'token-invalid' } }] });
  });
});
