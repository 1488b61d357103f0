import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OidcProviderFixture } from '../../../../testing/src/oidc/index.ts';
import { call, createTestApp, signUp, type TestApp } from '../test-support.ts';
import { forwardedParams, postCallback, registerProvider, signInWithProvider, startProvider } from './oauth-test-support.ts';

let oidc: OidcProviderFixture;
let t: TestApp;

beforeAll(async () => {
  oidc = await startProvider();
  oidc.addAccount({ sub: 'carol-sub', email: 'carol@work.example', email_verified: true, given_name: 'Carol' });
  oidc.addAccount({ sub: 'dave-sub', email: 'dave@example.com', email_verified: true, given_name: 'Dave' });
});
afterAll(() => oidc.close());
beforeEach(async () => {
  t = createTestApp();
  await registerProvider(t, oidc);
});

async function connect(token: string, sub: string) {
  const started = await call(t.app, 'POST', '/v1/me/external_accounts', { token, body: { strategy: 'oauth_acme', redirect_url: '/account/connected' } });
  expect(started.body.response.object).toBe('oauth_authorization');
  const back = await oidc.authorize(started.body.response.external_verification_redirect_url, { sub });
  const res = await t.app.request(`http://localhost:4000${back.pathname}${back.search}`);
  const params = new URL(res.headers.get('location')!).searchParams.get('__usher_oauth')!;
  return postCallback(t, token, params);
}

describe('connected accounts (UserProfile)', () => {
  it('connects a provider account to the signed-in user, whatever its email', async () => {
    const me = await signUp(t, 'carol@example.com');
    const res = await connect(me.token, 'carol-sub');
    expect(res.body.response).toMatchObject({ outcome: 'connected', external_account: { provider: 'acme', provider_user_id: 'carol-sub', email_address: 'carol@work.example' } });
    const user = (await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response;
    expect(user.external_accounts).toHaveLength(1);
    expect(user.email_addresses).toHaveLength(1);
  });

  it('refuses an account already linked to another user', async () => {
    await signInWithProvider(t, oidc, 'dave-sub');
    const me = await signUp(t, 'someone@example.com');
    const res = await connect(me.token, 'dave-sub');
    expect(res.body.errors[0].code).toBe('external_account_exists');
  });

  it('needs a session: a signed-out device cannot start one', async () => {
    const res = await call(t.app, 'POST', '/v1/me/external_accounts', { token: null, body: { strategy: 'oauth_acme', redirect_url: '/x' } });
    expect(res.status).toBe(401);
  });

  it('disconnects, unless it is the last way in', async () => {
    const only = await signInWithProvider(t, oidc, 'dave-sub');
    const user = (await call(t.app, 'GET', '/v1/me', { token: only.token })).body.response;
    const id = user.external_accounts[0].id;
    // Dave has a verified address and email codes sign in by default: the account is not the last way in.
    const ok = await call(t.app, 'DELETE', `/v1/me/external_accounts/${id}`, { token: only.token });
    expect(ok.status).toBe(200);
    expect(ok.body.response.external_accounts).toEqual([]);
  });

  it('keeps the last way in (no password, no code sign-in)', async () => {
    t = createTestApp({ instance: (c) => void (c.attributes.emailAddress.firstFactors = []) });
    await registerProvider(t, oidc);
    const only = await signInWithProvider(t, oidc, 'dave-sub');
    const id = (await call(t.app, 'GET', '/v1/me', { token: only.token })).body.response.external_accounts[0].id;
    const res = await call(t.app, 'DELETE', `/v1/me/external_accounts/${id}`, { token: only.token });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('external_account_last_identification');
    const other = await signUp(t, 'eve@example.com');
    expect((await call(t.app, 'DELETE', `/v1/me/external_accounts/${id}`, { token: other.token })).status).toBe(404);
  });

  it('a connection started by one user cannot be finished in another browser', async () => {
    const me = await signUp(t, 'frank@example.com');
    const started = await call(t.app, 'POST', '/v1/me/external_accounts', { token: me.token, body: { strategy: 'oauth_acme', redirect_url: '/x' } });
    const back = await oidc.authorize(started.body.response.external_verification_redirect_url, { sub: 'carol-sub' });
    const params = await forwardedParams(t, back).catch(() => '');
    const stranger = await signUp(t, 'grace@example.com');
    const res = await postCallback(t, stranger.token, params || back.searchParams.toString());
    expect(res.body.errors[0].code).toBe('oauth_state_mismatch');
  });
});
