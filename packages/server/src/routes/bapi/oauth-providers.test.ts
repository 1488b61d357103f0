import { beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';

let t: TestApp;
let key: string;
beforeEach(async () => {
  t = createTestApp();
  key = await givenSecretKey(t);
});

const put = (id: string, body: unknown) => backendCall(t, 'PUT', `/oauth_providers/${id}`, { key, body });

describe('/backend/v1/oauth_providers', () => {
  it('creates a preset provider with its defaults; the secret is write-only and sealed at rest', async () => {
    const res = await put('google', { preset: 'google', client_id: 'abc.apps.example', client_secret: 'shh-very-secret' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'oauth_provider', id: 'google', strategy: 'oauth_google', name: 'Google', enabled: true, client_secret_set: true, scopes: ['openid', 'email', 'profile'], redirect_uri: 'http://localhost:4000/v1/oauth_callback' });
    expect(JSON.stringify(res.body)).not.toContain('shh-very-secret');
    expect(JSON.stringify(await t.store.getSetting('oauth_providers'))).not.toContain('shh-very-secret');
    const list = await backendCall(t, 'GET', '/oauth_providers', { key });
    expect(list.body).toMatchObject({ total_count: 1, data: [expect.objectContaining({ id: 'google' })] });
  });

  it('shows enabled providers to the components, without client ids or endpoints', async () => {
    await put('google', { preset: 'google', client_id: 'abc', client_secret: 's' });
    await put('corp', { preset: 'oidc', name: 'Corp SSO', issuer: 'https://sso.corp.example', client_id: 'c', client_secret: 's' });
    await put('off', { preset: 'github', client_id: 'g', client_secret: 's', enabled: false });
    const env = await call(t.app, 'GET', '/v1/environment');
    expect(env.body.user_settings.social).toEqual([
      { strategy: 'oauth_google', provider: 'google', name: 'Google', icon: 'google' },
      { strategy: 'oauth_corp', provider: 'corp', name: 'Corp SSO', icon: null },
    ]);
  });

  it('keeps the stored secret when a replacement leaves it out; refuses one without any secret', async () => {
    await put('google', { preset: 'google', client_id: 'abc', client_secret: 's' });
    const renamed = await put('google', { preset: 'google', client_id: 'abc', name: 'Google Workspace' });
    expect(renamed.body).toMatchObject({ name: 'Google Workspace', client_secret_set: true });
    const none = await put('x', { preset: 'google', client_id: 'abc' });
    expect(none.status).toBe(422);
    expect(none.body.errors[0].meta.param_name).toBe('client_secret');
  });

  it('validates: ids, endpoints (https or loopback http), required issuer/endpoints, unknown fields', async () => {
    expect((await put('Bad-Id', { preset: 'google', client_id: 'a', client_secret: 's' })).status).toBe(404);
    expect((await put('a', { preset: 'oidc', issuer: 'http://sso.example', client_id: 'a', client_secret: 's' })).body.errors[0].meta.param_name).toBe('issuer');
    expect((await put('a', { preset: 'oidc', client_id: 'a', client_secret: 's' })).body.errors[0].meta.param_name).toBe('issuer');
    expect((await put('a', { preset: 'oauth2', client_id: 'a', client_secret: 's', authorization_endpoint: 'https://a.example/auth' })).status).toBe(422);
    expect((await put('a', { preset: 'google', client_id: 'a', client_secret: 's', surprise: true })).status).toBe(422);
    expect((await put('a', { preset: 'apple', client_id: 'a', client_secret: 's' })).body.errors[0].meta.param_name).toBe('apple_private_key');
    expect((await put('a', { preset: 'oidc', issuer: 'http://127.0.0.1:9999', client_id: 'a', client_secret: 's' })).status).toBe(200);
  });

  it('deletes, then 404s', async () => {
    await put('google', { preset: 'google', client_id: 'abc', client_secret: 's' });
    expect((await backendCall(t, 'DELETE', '/oauth_providers/google', { key })).status).toBe(200);
    expect((await backendCall(t, 'DELETE', '/oauth_providers/google', { key })).status).toBe(404);
    expect((await backendCall(t, 'GET', '/oauth_providers/google', { key })).status).toBe(404);
  });

  it('needs the secret key', async () => {
    expect((await backendCall(t, 'GET', '/oauth_providers')).status).toBe(401);
  });
});
