import { describe, expect, it } from 'vitest';
import { call, createTestApp, latestCode, signUp } from '../test-support.ts';

describe('GET /v1/me', () => {
  it('answers the signed-in user', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'GET', '/v1/me', { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body.response).toMatchObject({ object: 'user', id: user.userId, password_enabled: true });
    expect(res.body.response).not.toHaveProperty('private_metadata');
  });

  it('is 401 without a session', async () => {
    const t = createTestApp();
    expect((await call(t.app, 'GET', '/v1/me', { token: null })).status).toBe(401);
    const user = await signUp(t, 'jane@example.com');
    await call(t.app, 'DELETE', '/v1/client/sessions', { token: user.token });
    const res = await call(t.app, 'GET', '/v1/me', { token: user.token });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].code).toBe('authentication_invalid');
  });

  it("?_session_id= picks a session of this device; another device's is 404", async () => {
    const t = createTestApp();
    const jane = await signUp(t, 'jane@example.com');
    const john = await signUp(t, 'john@example.com');
    expect((await call(t.app, 'GET', `/v1/me?_session_id=${jane.sessionId}`, { token: jane.token })).body.response.id).toBe(jane.userId);
    expect((await call(t.app, 'GET', `/v1/me?_session_id=${jane.sessionId}`, { token: john.token })).status).toBe(404);
  });
});

describe('PATCH /v1/me', () => {
  it('updates first and last name', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'PATCH', '/v1/me', { token: user.token, body: { first_name: ' Jane ', last_name: 'Doe' } });
    expect(res.status).toBe(200);
    expect(res.body.response).toMatchObject({ first_name: 'Jane', last_name: 'Doe' });
    expect(res.body.client.sessions[0].user).toMatchObject({ first_name: 'Jane', last_name: 'Doe' });
  });

  it.each([['id'], ['email_verified'], ['private_metadata'], ['public_metadata'], ['created_at'], ['password_hash']])('refuses %s with 422 form_param_unknown and changes nothing', async (field) => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'PATCH', '/v1/me', { token: user.token, body: { first_name: 'Mallory', [field]: field === 'id' ? 'user_x' : true } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: field } });
    const me = await call(t.app, 'GET', '/v1/me', { token: user.token });
    expect(me.body.response.first_name).toBeNull();
    expect(me.body.response.id).toBe(user.userId);
  });

  it('unsafe_metadata is the user’s to write (replaced whole, size-limited); public metadata stays read-only', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'PATCH', '/v1/me', { token: user.token, body: { unsafe_metadata: { onboarding: { step: 2 } } } });
    expect(res.status).toBe(200);
    expect(res.body.response.unsafe_metadata).toEqual({ onboarding: { step: 2 } });
    const huge = await call(t.app, 'PATCH', '/v1/me', { token: user.token, body: { unsafe_metadata: { blob: 'x'.repeat(4100) } } });
    expect(huge.status).toBe(422);
    expect(huge.body.errors[0].meta.param_name).toBe('unsafe_metadata');
    expect((await t.store.getUser(user.userId))?.unsafeMetadata).toEqual({ onboarding: { step: 2 } });
  });

  it('usernames: refused when the instance has none; validated and unique when it has', async () => {
    const off = createTestApp();
    const jane = await signUp(off, 'jane@example.com');
    const refused = await call(off.app, 'PATCH', '/v1/me', { token: jane.token, body: { username: 'jane' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'username' } });

    const on = createTestApp({ instance: (c) => void (c.attributes.username = { enabled: true, required: false, usedForFirstFactor: true }) });
    const a = await signUp(on, 'a@example.com');
    const b = await signUp(on, 'b@example.com');
    expect((await call(on.app, 'PATCH', '/v1/me', { token: a.token, body: { username: 'Alpha' } })).body.response.username).toBe('alpha');
    const taken = await call(on.app, 'PATCH', '/v1/me', { token: b.token, body: { username: 'alpha' } });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'username' } });
    const invalid = await call(on.app, 'PATCH', '/v1/me', { token: b.token, body: { username: 'no spaces' } });
    expect(invalid.body.errors[0].code).toBe('form_username_invalid');
  });

  it('a required name cannot be cleared', async () => {
    const t = createTestApp({ instance: (c) => void (c.attributes.firstName.required = true) });
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery', first_name: 'Jane' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const done = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code: await latestCode(t, 'jane@example.com') } });
    expect(done.body.response.status).toBe('complete');
    for (const first_name of [null, '   ']) {
      const res = await call(t.app, 'PATCH', '/v1/me', { token: done.token, body: { first_name } });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'first_name' } });
    }
  });

  it('is 401 without a session', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'PATCH', '/v1/me', { token: null, body: { first_name: 'X' } });
    expect(res.status).toBe(401);
  });
});
