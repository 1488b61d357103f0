import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createUsherApp } from '../../app.ts';
import { createPbkdf2Hasher } from '../../crypto/pbkdf2-hasher.ts';
import { webCryptoRandom } from '../../crypto/random.ts';
import { APP_ORIGIN, call, createTestApp, PUBLIC_URL, signUp, testServerConfig } from '../test-support.ts';

const DAY = 24 * 3600_000;

describe('POST /v1/client/sessions/:id/tokens', () => {
  it('mints a 60-second ES256 token that verifies against /.well-known/jwks.json', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    t.clock.advance(5 * 60_000);
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ object: 'token', jwt: expect.any(String) });

    const jwksRes = await t.app.request(`${PUBLIC_URL}/.well-known/jwks.json`);
    expect(jwksRes.status).toBe(200);
    expect(jwksRes.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const jwks = (await jwksRes.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const header = decodeProtectedHeader(res.body.jwt);
    expect(header).toMatchObject({ alg: 'ES256', kid: jwks.keys[0]?.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(res.body.jwt, createLocalJWKSet(jwks as never), {
      issuer: PUBLIC_URL,
      algorithms: ['ES256'],
      currentDate: new Date(t.clock.now()),
    });
    const now = Math.floor(t.clock.now() / 1000);
    expect(payload).toEqual({ iss: PUBLIC_URL, sub: user.userId, sid: user.sessionId, azp: APP_ORIGIN, iat: now, nbf: now, exp: now + 60, fva: [5, -1] });
  });

  it('omits azp for a native client that sends no Origin', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token, origin: null });
    expect(res.status).toBe(200);
    const payload = JSON.parse(atob(res.body.jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    expect(payload).not.toHaveProperty('azp');
  });

  it('a second app instance on the same store publishes the same key, so its JWKS verifies the first one\'s tokens', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const minted = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    const second = createUsherApp({ store: t.store, hasher: createPbkdf2Hasher({ iterations: 1000 }), clock: t.clock, random: webCryptoRandom, config: testServerConfig() });
    const jwks = await (await second.request(`${PUBLIC_URL}/.well-known/jwks.json`)).json();
    const { payload } = await jwtVerify(minted.body.jwt, createLocalJWKSet(jwks as never), { currentDate: new Date(t.clock.now()) });
    expect(payload.sid).toBe(user.sessionId);
    expect(await t.store.listSigningKeys()).toHaveLength(1);
  });

  it("another device's session is 404 session_not_found; no client is 401", async () => {
    const t = createTestApp();
    const jane = await signUp(t, 'jane@example.com');
    const john = await signUp(t, 'john@example.com');
    const stolen = await call(t.app, 'POST', `/v1/client/sessions/${jane.sessionId}/tokens`, { token: john.token });
    expect(stolen.status).toBe(404);
    expect(stolen.body.errors[0].code).toBe('session_not_found');
    const anonymous = await call(t.app, 'POST', `/v1/client/sessions/${jane.sessionId}/tokens`, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].code).toBe('authentication_invalid');
  });

  it('fails right after the session ended (401 session_not_active)', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const ended = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/end`, { token: user.token });
    expect(ended.status).toBe(200);
    expect(ended.body.response.status).toBe('ended');
    expect(ended.body.client.sessions).toEqual([]);
    expect(ended.body.client.last_active_session_id).toBeNull();
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].code).toBe('session_not_active');
  });

  it('fails right after signing out of all sessions', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const out = await call(t.app, 'DELETE', '/v1/client/sessions', { token: user.token });
    expect(out.status).toBe(200);
    expect(out.body.response.sessions).toEqual([]);
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect(res.status).toBe(401);
  });

  it('a removed session is gone: 404', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const removed = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/remove`, { token: user.token });
    expect(removed.status).toBe(200);
    expect(removed.body.response.status).toBe('removed');
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect(res.status).toBe(404);
  });

  it('expires after the inactivity timeout (7 days by default) and is marked expired', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    t.clock.advance(7 * DAY - 1);
    expect((await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token })).status).toBe(200);
    t.clock.advance(7 * DAY);
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].code).toBe('session_not_active');
    expect((await t.store.getSession(user.sessionId))?.status).toBe('expired');
  });

  it('activity pushes the inactivity deadline, but never past the maximum lifetime (30 days)', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    for (let day = 0; day < 29; day++) {
      t.clock.advance(DAY);
      expect((await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token })).status).toBe(200);
    }
    t.clock.advance(DAY);
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect(res.status).toBe(401);
    expect((await t.store.getSession(user.sessionId))?.status).toBe('expired');
  });

  it('records activity at most once a minute', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const created = (await t.store.getSession(user.sessionId))?.lastActiveAt;
    t.clock.advance(30_000);
    await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect((await t.store.getSession(user.sessionId))?.lastActiveAt).toBe(created);
    t.clock.advance(61_000);
    await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token });
    expect((await t.store.getSession(user.sessionId))?.lastActiveAt).toBe(t.clock.now());
  });

  it('takes no body fields', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/tokens`, { token: user.token, body: { template: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'template' } });
  });
});

describe('touch, end and remove', () => {
  it('touch makes the session the active one and answers it with the client', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/touch`, { token: user.token, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.response).toMatchObject({ object: 'session', id: user.sessionId, status: 'active' });
    expect(res.body.client.last_active_session_id).toBe(user.sessionId);
  });

  it('touch refuses an organization on an instance without organizations', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/touch`, { token: user.token, body: { active_organization_id: 'org_1' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].meta.param_name).toBe('active_organization_id');
  });

  it('touching an ended session is 401', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/end`, { token: user.token });
    const res = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/touch`, { token: user.token });
    expect(res.status).toBe(401);
  });

  it('ending twice answers the ended session again', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/end`, { token: user.token });
    const again = await call(t.app, 'POST', `/v1/client/sessions/${user.sessionId}/end`, { token: user.token });
    expect(again.status).toBe(200);
    expect(again.body.response.status).toBe('ended');
  });

  it("cannot end or remove another device's session", async () => {
    const t = createTestApp();
    const jane = await signUp(t, 'jane@example.com');
    const john = await signUp(t, 'john@example.com');
    for (const action of ['end', 'remove', 'touch']) {
      const res = await call(t.app, 'POST', `/v1/client/sessions/${jane.sessionId}/${action}`, { token: john.token });
      expect(res.status).toBe(404);
    }
    expect((await t.store.getSession(jane.sessionId))?.status).toBe('active');
  });
});
