import { describe, expect, it } from 'vitest';
import { call, createTestApp, signUp } from '../test-support.ts';

describe('GET /v1/client', () => {
  it('answers { response: null, client: null } for a device without a client, and creates none', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'GET', '/v1/client', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response: null, client: null });
    expect(res.token).toBeNull();
  });

  it('an unknown or malformed token is the same as none', async () => {
    const t = createTestApp();
    for (const token of ['A'.repeat(43), 'garbage', 'x'.repeat(500)]) {
      const res = await call(t.app, 'GET', '/v1/client', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ response: null, client: null });
    }
  });

  it('answers the client with its sessions once signed in', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'GET', '/v1/client', { token: user.token });
    expect(res.body.response).toEqual(res.body.client);
    expect(res.body.client).toMatchObject({ object: 'client', last_active_session_id: user.sessionId, sign_in: null, sign_up: null });
    expect(res.body.client.id).toMatch(/^client_/);
    expect(res.body.client.sessions.map((s: { id: string }) => s.id)).toEqual([user.sessionId]);
    expect(JSON.stringify(res.body)).not.toMatch(/password_hash|passwordHash|private_metadata|\$pbkdf2/);
  });

  it('shows the sign-in in progress', async () => {
    const t = createTestApp();
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const res = await call(t.app, 'GET', '/v1/client', { token: started.token });
    expect(res.body.client.sign_in.id).toBe(started.body.response.id);
  });
});

describe('DELETE /v1/client/sessions', () => {
  it('signs the device out of every session', async () => {
    const t = createTestApp({ instance: (c) => void (c.sessions.singleSessionMode = false) });
    const jane = await signUp(t, 'jane@example.com');
    await signUp(t, 'john@example.com');
    const second = await call(t.app, 'POST', '/v1/client/sign_ins', { token: jane.token, body: { identifier: 'john@example.com', strategy: 'password', password: 'correct horse battery' } });
    // The sign-in rotated the device's token.
    const token = second.token;
    const before = await call(t.app, 'GET', '/v1/client', { token });
    expect(before.body.client.sessions).toHaveLength(2);
    const res = await call(t.app, 'DELETE', '/v1/client/sessions', { token });
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({ sessions: [], last_active_session_id: null });
  });

  it('is harmless without a client', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'DELETE', '/v1/client/sessions', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response: null, client: null });
  });

  it('refuses a body with fields', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'DELETE', '/v1/client/sessions', { token: user.token, body: { everything: true } });
    expect(res.status).toBe(422);
    expect((await call(t.app, 'GET', '/v1/client', { token: user.token })).body.client.sessions).toHaveLength(1);
  });
});

describe('GET /v1/environment', () => {
  it('describes the instance for the UI', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'GET', '/v1/environment');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'environment',
      instance_environment_type: 'development',
      display_config: { application_name: 'Usher', sign_in_url: '/sign-in', default_avatar: 'marble' },
      user_settings: {
        attributes: {
          email_address: { enabled: true, required: true, used_for_first_factor: true, first_factors: ['email_code'], verifications: ['email_code'] },
          password: { enabled: true, required: true, first_factors: ['password'] },
          username: { enabled: false },
        },
        password_settings: { min_length: 8, max_length: 256 },
        sign_up: { mode: 'public', legal_consent_enabled: false },
        sign_in: { enumeration_protection: true },
      },
      auth_config: { single_session_mode: true, session_token_lifetime_seconds: 60 },
    });
  });

  it('follows the instance settings', async () => {
    const t = createTestApp({ instance: (c) => ((c.applicationName = 'Acme'), (c.password.minLength = 12)) });
    const res = await call(t.app, 'GET', '/v1/environment');
    expect(res.body.display_config.application_name).toBe('Acme');
    expect(res.body.user_settings.password_settings.min_length).toBe(12);
  });
});
