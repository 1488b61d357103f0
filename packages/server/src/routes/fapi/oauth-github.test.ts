import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// The fixture lives in @usher/testing (which depends on this package); tests reach it by path.
import { startFakeGitHub, type FakeGitHub } from '../../../../testing/src/github/index.ts';
import { backendCall, givenSecretKey } from '../bapi/backend-test-support.ts';
import { call, createTestApp, signUp, type TestApp } from '../test-support.ts';
import { CLIENT_SECRET, forwardedParams, postCallback, REDIRECT_URI } from './oauth-test-support.ts';

let github: FakeGitHub;
let t: TestApp;

beforeAll(async () => {
  github = await startFakeGitHub();
  github.addClient({ clientId: 'gh-client', clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
  github.addUser({ id: 4242, login: 'octocat', name: 'Mona Lisa Octocat', avatar_url: 'https://avatars.example/octocat.png', email: 'public@example.com', emails: [{ email: 'unverified@example.com', primary: true, verified: false }, { email: 'mona@example.com', primary: false, verified: true }] });
  github.addUser({ id: 7, login: 'ghost', name: 'Ghost', email: 'ghost@example.com', emails: [{ email: 'ghost@example.com', primary: true, verified: false }] });
});
afterAll(() => github.close());
beforeEach(async () => {
  t = createTestApp();
  const key = await givenSecretKey(t);
  const res = await backendCall(t, 'PUT', '/oauth_providers/github', {
    key,
    body: { preset: 'github', client_id: 'gh-client', client_secret: CLIENT_SECRET, authorization_endpoint: github.authorizeUrl, token_endpoint: github.tokenUrl, api_base_url: github.apiUrl },
  });
  expect(res.status).toBe(200);
});

async function viaGitHub(login: string, token: string | null = null) {
  const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token, body: { strategy: 'oauth_github', redirect_url: '/sso-callback' } });
  const url = started.body.response.first_factor_verification.external_verification_redirect_url as string;
  const back = await github.authorize(url, { login });
  const res = await postCallback(t, started.token!, await forwardedParams(t, back));
  return { ...res, token: res.token ?? started.token! };
}

describe('GitHub (OAuth2, emails from its verified-emails API)', () => {
  it('trusts only an address the emails API marks verified, and takes name, login and avatar', async () => {
    const res = await viaGitHub('octocat');
    expect(res.body.response.outcome).toBe('signed_in');
    const user = (await call(t.app, 'GET', '/v1/me', { token: res.token })).body.response;
    expect(user.email_addresses.map((e: { email_address: string }) => e.email_address)).toEqual(['mona@example.com']);
    expect(user).toMatchObject({ first_name: 'Mona', last_name: 'Lisa Octocat', image_url: 'https://avatars.example/octocat.png' });
    expect(user.external_accounts[0]).toMatchObject({ provider: 'github', provider_user_id: '4242', username: 'octocat' });
  });

  it('an address GitHub has not verified links nothing: the existing account must sign in first', async () => {
    await signUp(t, 'ghost@example.com');
    const res = await viaGitHub('ghost');
    expect(res.body.response.outcome).toBe('needs_sign_in');
    expect(res.body.client.sessions).toHaveLength(0);
  });

  it('a code GitHub refuses (HTTP 200 with an error body) is a typed 422', async () => {
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { strategy: 'oauth_github', redirect_url: '/sso-callback' } });
    const back = await github.authorize(started.body.response.first_factor_verification.external_verification_redirect_url, { login: 'octocat' });
    back.searchParams.set('code', 'not-a-code');
    const res = await postCallback(t, started.token!, await forwardedParams(t, back));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'oauth_token_exchange_failed', meta: { provider_error: 'bad_verification_code' } });
  });
});
