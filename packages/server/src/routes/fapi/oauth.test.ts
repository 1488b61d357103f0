import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OidcProviderFixture } from '../../../../testing/src/oidc/index.ts';
import { call, createTestApp, latestCode, signUp, type TestApp } from '../test-support.ts';
import { forwardedParams, postCallback, registerProvider, signInWithProvider, startFlow, startProvider } from './oauth-test-support.ts';

let oidc: OidcProviderFixture;
let t: TestApp;

beforeAll(async () => {
  oidc = await startProvider();
  oidc.addAccount({ sub: 'alice-sub', email: 'alice@example.com', email_verified: true, given_name: 'Alice', family_name: 'Liddell', picture: 'https://images.example/alice.png' });
  oidc.addAccount({ sub: 'mallory-sub', email: 'victim@example.com', email_verified: false, given_name: 'Mallory' });
  oidc.addAccount({ sub: 'bob-sub', email: 'bob@example.com', email_verified: false, given_name: 'Bob' });
});
afterAll(() => oidc.close());
beforeEach(async () => {
  oidc.behave();
  t = createTestApp();
  await registerProvider(t, oidc);
});

const me = (token: string) => call(t.app, 'GET', '/v1/me', { token });
const sessionCount = async (token: string) => ((await call(t.app, 'GET', '/v1/client', { token })).body.response?.sessions ?? []).length as number;

describe('sign-in with an OpenID provider', () => {
  it('creates the user from a verified identity, with the provider’s name and picture, and signs in', async () => {
    const res = await signInWithProvider(t, oidc, 'alice-sub');
    expect(res.status).toBe(200);
    expect(res.body.response).toMatchObject({ object: 'oauth_callback', outcome: 'signed_in', redirect_url: '/dashboard' });
    const user = (await me(res.token)).body.response;
    expect(user).toMatchObject({ first_name: 'Alice', last_name: 'Liddell', image_url: 'https://images.example/alice.png', password_enabled: false });
    expect(user.email_addresses).toEqual([expect.objectContaining({ email_address: 'alice@example.com', verification: expect.objectContaining({ status: 'verified' }) })]);
    expect(user.external_accounts).toEqual([expect.objectContaining({ provider: 'acme', provider_user_id: 'alice-sub', email_address: 'alice@example.com' })]);
  });

  it('signs the same person in again by (provider, subject), also through sign-up (transfer)', async () => {
    const first = await signInWithProvider(t, oidc, 'alice-sub');
    const firstUser = (await me(first.token)).body.response.id;
    const again = await signInWithProvider(t, oidc, 'alice-sub', 'sign_ups');
    expect(again.body.response.outcome).toBe('signed_in');
    expect((await me(again.token)).body.response.id).toBe(firstUser);
  });

  it('links to the existing user of a verified email the provider vouches for', async () => {
    const existing = await signUp(t, 'alice@example.com');
    const res = await signInWithProvider(t, oidc, 'alice-sub');
    expect(res.body.response.outcome).toBe('signed_in');
    const user = (await me(res.token)).body.response;
    expect(user.id).toBe(existing.userId);
    expect(user.password_enabled).toBe(true);
    expect(user.external_accounts).toHaveLength(1);
  });

  it('does not link on an unverified email: the account must be proven first, then the link follows', async () => {
    await signUp(t, 'bob@example.com', 'bobs long passphrase');
    const res = await signInWithProvider(t, oidc, 'bob-sub');
    expect(res.body.response.outcome).toBe('needs_sign_in');
    const signIn = res.body.client.sign_in;
    expect(signIn).toMatchObject({ status: 'needs_first_factor', identifier: 'bob@example.com' });
    expect(res.body.client.sessions).toHaveLength(0);
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${signIn.id}/attempt_first_factor`, { token: res.token, body: { strategy: 'password', password: 'bobs long passphrase' } });
    expect(done.body.response.status).toBe('complete');
    expect((await me(done.token ?? res.token)).body.response.external_accounts).toEqual([expect.objectContaining({ provider_user_id: 'bob-sub' })]);
  });

  it('an unverified email of nobody’s becomes a sign-up that verifies the address by code (no password needed)', async () => {
    const res = await signInWithProvider(t, oidc, 'bob-sub');
    expect(res.body.response.outcome).toBe('needs_sign_up');
    const pending = res.body.client.sign_up;
    expect(pending).toMatchObject({ email_address: 'bob@example.com', unverified_fields: ['email_address'], missing_fields: [], verifications: { external_account: { status: 'verified', strategy: 'oauth_acme' } } });
    await call(t.app, 'POST', `/v1/client/sign_ups/${pending.id}/prepare_verification`, { token: res.token, body: { strategy: 'email_code' } });
    const code = await latestCode(t, 'bob@example.com');
    const done = await call(t.app, 'POST', `/v1/client/sign_ups/${pending.id}/attempt_verification`, { token: res.token, body: { strategy: 'email_code', code } });
    expect(done.body.response.status).toBe('complete');
    const user = (await me(done.token ?? res.token)).body.response;
    expect(user).toMatchObject({ first_name: 'Bob', password_enabled: false });
    expect(user.external_accounts).toEqual([expect.objectContaining({ provider_user_id: 'bob-sub' })]);
  });

  it('an unverified pre-registration of the address is taken over without its password when the owner proves it', async () => {
    const now = t.clock.now();
    await t.store.createUser({
      user: { id: 'user_prereg', username: null, firstName: 'Attacker', lastName: null, passwordHash: 'x', imageUrl: null, primaryEmailAddressId: null, primaryPhoneNumberId: null, publicMetadata: {}, privateMetadata: {}, unsafeMetadata: {}, failedAttempts: 0, defaultSecondFactor: null, lockedUntil: null, bannedAt: null, lastSignInAt: null, createdAt: now, updatedAt: now },
      emailAddresses: [{ id: 'idn_prereg', userId: 'user_prereg', emailAddress: 'alice@example.com', verifiedAt: null, createdAt: now }],
    });
    const res = await signInWithProvider(t, oidc, 'alice-sub');
    expect(res.body.response.outcome).toBe('signed_in');
    const user = (await me(res.token)).body.response;
    expect(user).toMatchObject({ id: 'user_prereg', password_enabled: false, primary_email_address_id: 'idn_prereg' });
    expect(user.email_addresses[0].verification.status).toBe('verified');
  });

  it('refuses a new user when sign-ups are closed', async () => {
    t = createTestApp({ instance: (c) => void (c.signUp.mode = 'restricted') });
    await registerProvider(t, oidc);
    const res = await signInWithProvider(t, oidc, 'alice-sub');
    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe('sign_up_not_allowed');
  });
});

describe('a provider answer that fails a check is refused and signs nobody in', () => {
  const refused = async (misbehave: Parameters<OidcProviderFixture['misbehave']>[0], code: string, check?: string) => {
    oidc.misbehave(misbehave);
    const res = await signInWithProvider(t, oidc, 'alice-sub');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe(code);
    if (check) expect(res.body.errors[0].meta.check).toBe(check);
    expect(await sessionCount(res.token)).toBe(0);
    expect((await t.store.listUsers({ limit: 10, offset: 0, order: 'asc' })).totalCount).toBe(0);
  };
  it('a bad signature', () => refused({ idTokenSignedBy: 'foreign-key' }, 'oauth_id_token_invalid', 'signature'));
  it('a key the provider does not publish', () => refused({ idTokenSignedBy: 'unknown-kid' }, 'oauth_id_token_invalid'));
  it('an unsigned token (alg none)', () => refused({ idTokenAlg: 'none' }, 'oauth_id_token_invalid'));
  it('a wrong nonce', () => refused({ idTokenClaims: { nonce: 'not-the-nonce' } }, 'oauth_id_token_invalid', 'nonce'));
  it('a wrong iss', () => refused({ idTokenClaims: { iss: 'https://evil.example' } }, 'oauth_id_token_invalid', 'iss'));
  it('a wrong aud', () => refused({ idTokenClaims: { aud: 'someone-else' } }, 'oauth_id_token_invalid', 'aud'));
  it('an expired token', () => refused({ idTokenClaims: { exp: Math.floor(Date.now() / 1000) - 3600 } }, 'oauth_id_token_invalid', 'exp'));
  it('userinfo about another subject', () => refused({ userinfo: { sub: 'someone-else' } }, 'oauth_id_token_invalid'));
});

describe('state: bound to the attempt, the provider and the browser; spent once', () => {
  it('a swapped state (another attempt’s) makes the code exchange fail (PKCE)', async () => {
    const a = await startFlow(t);
    const b = await startFlow(t, 'sign_ins', a.token);
    const backA = await oidc.authorize(a.authorizationUrl, { sub: 'alice-sub' });
    const stateB = new URL(b.authorizationUrl).searchParams.get('state')!;
    backA.searchParams.set('state', stateB);
    const res = await postCallback(t, a.token, await forwardedParams(t, backA));
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('oauth_token_exchange_failed');
    expect(await sessionCount(a.token)).toBe(0);
  });

  it('a state from another browser is refused before anything is spent (login CSRF)', async () => {
    const attacker = await startFlow(t);
    const back = await oidc.authorize(attacker.authorizationUrl, { sub: 'alice-sub' });
    const params = await forwardedParams(t, back);
    const victim = await call(t.app, 'GET', '/v1/client', { token: null });
    const victimToken = victim.token ?? (await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: {} })).token!;
    const res = await postCallback(t, victimToken, params);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'oauth_state_mismatch', meta: { check: 'client' } });
  });

  it('a tampered state secret is refused', async () => {
    const a = await startFlow(t);
    const back = await oidc.authorize(a.authorizationUrl, { sub: 'alice-sub' });
    back.searchParams.set('state', `${back.searchParams.get('state')!.split('.')[0]}.AAAA`);
    const res = await postCallback(t, a.token, await forwardedParams(t, back));
    expect(res.body.errors[0]).toMatchObject({ code: 'oauth_state_mismatch', meta: { check: 'state' } });
  });

  it('the same answer works once; 20 parallel posts sign in exactly once', async () => {
    const a = await startFlow(t);
    const params = await forwardedParams(t, await oidc.authorize(a.authorizationUrl, { sub: 'alice-sub' }));
    const results = await Promise.all(Array.from({ length: 20 }, () => postCallback(t, a.token, params)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.errors[0].code === 'oauth_callback_invalid')).toBe(true);
  });

  it('the person cancelling at the provider gets oauth_access_denied', async () => {
    const a = await startFlow(t);
    const back = await oidc.authorize(a.authorizationUrl, { deny: true });
    const res = await postCallback(t, a.token, await forwardedParams(t, back));
    expect(res.body.errors[0].code).toBe('oauth_access_denied');
  });

  it('the forward route answers an unknown state with a page, never a redirect', async () => {
    const res = await t.app.request('http://localhost:4000/v1/oauth_callback?code=x&state=oat_nope.secret');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('location')).toBeNull();
  });

  it('the forward route takes a provider’s form POST (response_mode=form_post) without an Origin', async () => {
    const a = await startFlow(t);
    const back = await oidc.authorize(a.authorizationUrl, { sub: 'alice-sub' });
    const res = await t.app.request('http://localhost:4000/v1/oauth_callback', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://appleid.apple.com' }, body: back.searchParams.toString() });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).searchParams.get('__usher_oauth')).toBe(back.searchParams.toString());
  });

  it('refuses a strategy that is not enabled, and a redirect_url off the allowed origins', async () => {
    const off = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { strategy: 'oauth_nope', redirect_url: '/sso-callback' } });
    expect(off.body.errors[0].code).toBe('strategy_not_allowed');
    const evil = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { strategy: 'oauth_acme', redirect_url: 'https://evil.example/cb' } });
    expect(evil.body.errors[0].code).toBe('redirect_url_invalid');
  });
});
