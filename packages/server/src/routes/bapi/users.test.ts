import { describe, expect, it } from 'vitest';
import { call, createTestApp, signUp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';

const signInWith = (t: ReturnType<typeof createTestApp>, identifier: string, password: string) =>
  call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier, strategy: 'password', password } });

describe('Backend API: secret keys', () => {
  it('refuses a missing, malformed, unknown or revoked key with 401 secret_key_invalid', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    for (const authorization of [undefined, 'Bearer', 'Basic abc', `Bearer ${key}x`, `Bearer sk_test_${'A'.repeat(43)}`, `Bearer ${key.replace('sk_test_', 'sk_live_')}`]) {
      const res = await backendCall(t, 'GET', '/users', { headers: authorization ? { authorization } : {} });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.body.errors[0].code).toBe('secret_key_invalid');
    }
    expect((await backendCall(t, 'GET', '/users', { key })).status).toBe(200);
    const [record] = await t.store.listApiKeys();
    await t.store.revokeApiKey(record!.id, t.clock.now());
    expect((await backendCall(t, 'GET', '/users', { key })).status).toBe(401);
  });

  it('several keys work at once (rotation without downtime), and only hashes are stored', async () => {
    const t = createTestApp();
    const oldKey = await givenSecretKey(t, 'old');
    const newKey = await givenSecretKey(t, 'new');
    expect((await backendCall(t, 'GET', '/users', { key: oldKey })).status).toBe(200);
    expect((await backendCall(t, 'GET', '/users', { key: newKey })).status).toBe(200);
    const stored = JSON.stringify(await t.store.listApiKeys());
    expect(stored).not.toContain(oldKey);
    expect(stored).not.toContain(newKey.slice(16));
  });

  it('answers no CORS to a browser origin, even an allowed one', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const res = await backendCall(t, 'GET', '/users', { key, headers: { origin: 'http://localhost:3000' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await t.app.request('http://localhost:4000/backend/v1/users', { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Backend API: users', () => {
  it('creates a user who can sign in at once with the password, reads, lists and searches users', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const created = await backendCall(t, 'POST', '/users', {
      key,
      body: { email_address: ['Grace@Example.com'], password: 'correct horse battery', first_name: 'Grace', last_name: 'Hopper', public_metadata: { plan: 'pro' }, private_metadata: { stripe: 'cus_1' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      object: 'user',
      first_name: 'Grace',
      email_addresses: [{ email_address: 'grace@example.com', verified: true }],
      password_enabled: true,
      public_metadata: { plan: 'pro' },
      private_metadata: { stripe: 'cus_1' },
      banned: false,
      locked: false,
    });
    expect((await signInWith(t, 'grace@example.com', 'correct horse battery')).body.response.status).toBe('complete');
    await signUp(t, 'ada@example.com');

    expect((await backendCall(t, 'GET', `/users/${created.body.id}`, { key })).body.id).toBe(created.body.id);
    const all = await backendCall(t, 'GET', '/users?limit=1', { key });
    expect(all.body.total_count).toBe(2);
    expect(all.body.data).toHaveLength(1);
    const found = await backendCall(t, 'GET', '/users?query=hopp', { key });
    expect(found.body.data.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
    expect((await backendCall(t, 'GET', '/users?query=ADA%40', { key })).body.total_count).toBe(1);
  });

  it('a taken address is 422 form_identifier_exists; a bad password or address is 422; nothing is created', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    await signUp(t, 'ada@example.com');
    const taken = await backendCall(t, 'POST', '/users', { key, body: { email_address: ['ADA@example.com'] } });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'email_address' } });
    expect((await backendCall(t, 'POST', '/users', { key, body: { email_address: ['x@example.com'], password: 'short' } })).body.errors[0].code).toBe('form_password_length_too_short');
    expect((await backendCall(t, 'POST', '/users', { key, body: { email_address: ['not an address'] } })).body.errors[0].code).toBe('form_email_address_invalid');
    expect((await backendCall(t, 'POST', '/users', { key, body: {} })).body.errors[0].code).toBe('form_param_missing');
    expect((await backendCall(t, 'GET', '/users', { key })).body.total_count).toBe(1);
  });

  it('updates fields and replaces metadata; PATCH …/metadata deep-merges and null removes a key', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const { userId } = await signUp(t, 'ada@example.com');
    const updated = await backendCall(t, 'PATCH', `/users/${userId}`, { key, body: { first_name: 'Ada', public_metadata: { plan: 'pro', limits: { seats: 5, storage: 10 } } } });
    expect(updated.body).toMatchObject({ first_name: 'Ada', public_metadata: { plan: 'pro', limits: { seats: 5, storage: 10 } } });
    const merged = await backendCall(t, 'PATCH', `/users/${userId}/metadata`, { key, body: { public_metadata: { limits: { storage: null, seats: 8 } }, private_metadata: { note: 'vip' } } });
    expect(merged.body.public_metadata).toEqual({ plan: 'pro', limits: { seats: 8 } });
    expect(merged.body.private_metadata).toEqual({ note: 'vip' });
    const huge = await backendCall(t, 'PATCH', `/users/${userId}/metadata`, { key, body: { public_metadata: { blob: 'x'.repeat(5000) } } });
    expect(huge.status).toBe(422);
    expect(huge.body.errors[0].meta.param_name).toBe('public_metadata');
    // The password set here is the one that works from now on.
    await backendCall(t, 'PATCH', `/users/${userId}`, { key, body: { password: 'set by the admin' } });
    expect((await signInWith(t, 'ada@example.com', 'set by the admin')).body.response.status).toBe('complete');
  });

  it('private metadata never reaches the Frontend API; public and unsafe do', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    await backendCall(t, 'PATCH', `/users/${me.userId}/metadata`, { key, body: { public_metadata: { plan: 'pro' }, private_metadata: { secret: 'cus_42' }, unsafe_metadata: { theme: 'dark' } } });
    const client = await call(t.app, 'GET', '/v1/client', { token: me.token });
    const text = JSON.stringify(client.body);
    expect(text).toContain('"plan":"pro"');
    expect(text).toContain('"theme":"dark"');
    expect(text).not.toContain('cus_42');
    expect(text).not.toContain('private_metadata');
  });

  it('deleting a user ends their sessions (the next token mint fails) and frees the address', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    const res = await backendCall(t, 'DELETE', `/users/${me.userId}`, { key });
    expect(res.body).toEqual({ object: 'user', id: me.userId, deleted: true });
    const mint = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens`, { token: me.token });
    expect(mint.status).toBe(404);
    expect((await backendCall(t, 'GET', `/users/${me.userId}`, { key })).status).toBe(404);
    expect((await backendCall(t, 'DELETE', `/users/${me.userId}`, { key })).body.errors[0].code).toBe('user_not_found');
    await signUp(t, 'ada@example.com');
  });

  it('a ban revokes every session and refuses sign-in after the right password only; unban lets the user back', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    const banned = await backendCall(t, 'POST', `/users/${me.userId}/ban`, { key });
    expect(banned.body.banned).toBe(true);
    const mint = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens`, { token: me.token });
    expect(mint.status).toBe(401);
    expect((await signInWith(t, 'ada@example.com', 'wrong password here')).body.errors[0].code).toBe('form_password_incorrect');
    const refused = await signInWith(t, 'ada@example.com', 'correct horse battery');
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('user_banned');
    expect((await backendCall(t, 'POST', `/users/${me.userId}/unban`, { key })).body.banned).toBe(false);
    expect((await signInWith(t, 'ada@example.com', 'correct horse battery')).body.response.status).toBe('complete');
  });

  it('lock refuses even the right password until unlock', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const { userId } = await signUp(t, 'ada@example.com');
    const locked = await backendCall(t, 'POST', `/users/${userId}/lock`, { key });
    expect(locked.body).toMatchObject({ locked: true, lockout_expires_at: t.clock.now() + t.config.lockout.lockSeconds * 1000 });
    expect((await signInWith(t, 'ada@example.com', 'correct horse battery')).body.errors[0].code).toBe('user_locked');
    expect((await backendCall(t, 'POST', `/users/${userId}/unlock`, { key })).body).toMatchObject({ locked: false, lockout_expires_at: null });
    expect((await signInWith(t, 'ada@example.com', 'correct horse battery')).body.response.status).toBe('complete');
  });

  it('unknown or malformed user ids are 404 user_not_found on every route', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const { userId } = await signUp(t, 'ada@example.com');
    const ghost = `${userId.slice(0, -4)}zzzz`;
    for (const id of [ghost, 'nope', '..%2Fsessions']) {
      for (const [method, suffix] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/ban'], ['POST', '/unlock'], ['PATCH', '/metadata']] as const) {
        const res = await backendCall(t, method, `/users/${id}${suffix}`, { key, body: method === 'GET' ? undefined : {} });
        expect(res.status, `${method} ${id}${suffix}`).toBe(404);
      }
    }
  });
});
