import { createHash, randomBytes } from 'node:crypto';
import { compactVerify, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizeError, startOidcProvider, type OidcProviderFixture } from './index.ts';

const redirectUri = 'http://127.0.0.1:4999/v1/oauth_callback';
const client = { clientId: 'usher-app', clientSecret: 'app-secret', redirectUris: [redirectUri] };
const alice = { sub: 'alice', email: 'alice@example.com', email_verified: true, given_name: 'Alice', family_name: 'Liddell', name: 'Alice Liddell', picture: 'https://example.com/alice.png' };

let op: OidcProviderFixture;
let jwks: ReturnType<typeof createRemoteJWKSet>;

beforeAll(async () => {
  op = await startOidcProvider({ clients: [client], accounts: [alice] });
  jwks = createRemoteJWKSet(new URL(op.endpoints.jwks));
});
afterEach(() => op.behave());
afterAll(() => op.close());

interface Started {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

function startFlow(params: Record<string, string | null> = {}, clientId = client.clientId, redirect = redirectUri): Started {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const url = new URL(op.endpoints.authorization);
  const all: Record<string, string | null> = {
    client_id: clientId,
    redirect_uri: redirect,
    response_type: 'code',
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [key, value] of Object.entries(all)) if (value !== null) url.searchParams.set(key, value);
  return { url, verifier, state, nonce };
}

async function redeem(code: string, verifier: string, auth: 'basic' | 'post' = 'basic', secret = client.clientSecret, clientId = client.clientId, redirect = redirectUri) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: verifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'basic') headers.authorization = `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
  else {
    body.set('client_id', clientId);
    body.set('client_secret', secret);
  }
  const res = await fetch(op.endpoints.token, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function signIn(params: Record<string, string | null> = {}) {
  const flow = startFlow(params);
  const callback = await op.authorize(flow.url, { sub: 'alice' });
  const token = await redeem(callback.searchParams.get('code') ?? '', flow.verifier);
  expect(token.status).toBe(200);
  return { ...flow, callback, token: token.body };
}

describe('startOidcProvider', () => {
  it('serves discovery for its loopback issuer', async () => {
    expect(op.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(op.discoveryUrl);
    expect(res.status).toBe(200);
    const d = (await res.json()) as Record<string, unknown>;
    expect(d).toMatchObject({
      issuer: op.issuer,
      authorization_endpoint: op.endpoints.authorization,
      token_endpoint: op.endpoints.token,
      userinfo_endpoint: op.endpoints.userinfo,
      jwks_uri: op.endpoints.jwks,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
    });
    expect(d.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(d.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
    expect(d.claims_supported).toEqual(expect.arrayContaining(['email', 'email_verified', 'given_name', 'family_name', 'name', 'picture']));
    expect(op.url('/jwks')).toBe(op.endpoints.jwks);
  });

  it('runs code + PKCE: authorize() returns the callback, the ID token verifies against the JWKS', async () => {
    const { callback, token, state, nonce } = await signIn();
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(op.issuer);
    expect(callback.searchParams.get('code')).toMatch(/.+/);
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'openid email profile' });
    const { payload, protectedHeader } = await jwtVerify(token.id_token ?? '', jwks, { issuer: op.issuer, audience: client.clientId, algorithms: ['RS256'] });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: 'alice', nonce, aud: client.clientId, iss: op.issuer });
    // conformIdTokenClaims (default): profile and email claims come from userinfo only.
    expect(payload.email).toBeUndefined();
  });

  it('answers userinfo with the account claims the scopes allow, reading changes made later', async () => {
    const { token } = await signIn();
    const read = async () => (await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${token.access_token}` } })).json();
    expect(await read()).toEqual(alice);
    op.updateAccount('alice', { email_verified: false, picture: undefined });
    try {
      expect(await read()).toEqual({ ...alice, email_verified: false, picture: undefined });
    } finally {
      op.updateAccount('alice', alice);
    }
    const limited = await signIn({ scope: 'openid email' });
    expect(await (await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${limited.token.access_token}` } })).json()).toEqual({ sub: 'alice', email: alice.email, email_verified: true });
  });

  it('requires PKCE: a request without code_challenge is redirected back with invalid_request', async () => {
    const flow = startFlow({ code_challenge: null, code_challenge_method: null });
    const callback = await op.authorize(flow.url, { sub: 'alice' });
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('rejects a wrong code_verifier, a reused code and a wrong client secret', async () => {
    const flow = startFlow();
    const code = (await op.authorize(flow.url, { sub: 'alice' })).searchParams.get('code') ?? '';
    expect(await redeem(code, randomBytes(32).toString('base64url'))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const again = startFlow();
    const code2 = (await op.authorize(again.url, { sub: 'alice' })).searchParams.get('code') ?? '';
    expect(await redeem(code2, again.verifier, 'basic', 'wrong')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await redeem(code2, again.verifier)).status).toBe(200);
    expect(await redeem(code2, again.verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    // The client is registered for client_secret_basic: body credentials are refused (strictClientAuth).
    const third = startFlow();
    const code3 = (await op.authorize(third.url, { sub: 'alice' })).searchParams.get('code') ?? '';
    expect(await redeem(code3, third.verifier, 'post')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('registers clients at runtime, client_secret_post included, with a localhost redirect URI', async () => {
    const postRedirect = 'http://localhost:5123/v1/oauth_callback';
    await op.addClient({ clientId: 'post-client', clientSecret: 'post-secret', redirectUris: [postRedirect], tokenEndpointAuthMethod: 'client_secret_post' });
    const flow = startFlow({}, 'post-client', postRedirect);
    const callback = await op.authorize(flow.url, { sub: 'alice' });
    expect(callback.origin).toBe('http://localhost:5123');
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: postRedirect, code_verifier: flow.verifier, client_id: 'post-client', client_secret: 'post-secret' });
    const res = await fetch(op.endpoints.token, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    const { payload } = await jwtVerify(((await res.json()) as { id_token: string }).id_token, jwks, { issuer: op.issuer, audience: 'post-client' });
    expect(payload.nonce).toBe(flow.nonce);
    // Basic auth is refused for a client_secret_post client.
    const flow2 = startFlow({}, 'post-client', postRedirect);
    const code = (await op.authorize(flow2.url, { sub: 'alice' })).searchParams.get('code') ?? '';
    expect(await redeem(code, flow2.verifier, 'basic', 'post-secret', 'post-client', postRedirect)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('shows an accessible login page, and denies with access_denied on Cancel', async () => {
    const flow = startFlow();
    const first = await fetch(flow.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const page = await fetch(new URL(first.headers.get('location') ?? '', op.issuer), { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<label for="sub">Account \(sub\)<\/label>/);
    expect(html).toMatch(/<input id="sub" name="sub"/);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);

    const denied = await op.authorize(startFlow().url, { deny: true });
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('iss')).toBe(op.issuer);

    // An error redirect straight from the authorization endpoint is returned as is.
    const silent = startFlow({ prompt: 'none' });
    const none = await op.authorize(silent.url, { sub: 'alice' });
    expect(none.searchParams.get('error')).toBe('login_required');
    expect(none.searchParams.get('state')).toBe(silent.state);
  });

  it('auto-logs in when asked; throws AuthorizeError for an unregistered redirect_uri', async () => {
    op.setAutoLogin('alice');
    try {
      const callback = await op.authorize(startFlow().url);
      expect(callback.searchParams.get('code')).toMatch(/.+/);
    } finally {
      op.setAutoLogin(null);
    }
    await expect(op.authorize(startFlow({ redirect_uri: 'http://127.0.0.1:1/elsewhere' }).url, { sub: 'alice' })).rejects.toThrow(AuthorizeError);
    await expect(op.authorize(startFlow().url, { sub: 'nobody' })).rejects.toThrow(/no account nobody/);
  });
});

describe('misbehave', () => {
  it('idTokenSignedBy foreign-key: same kid, the signature fails against the JWKS', async () => {
    const real = decodeProtectedHeader((await signIn()).token.id_token ?? '');
    op.misbehave({ idTokenSignedBy: 'foreign-key' });
    const { token, nonce } = await signIn();
    const idToken = token.id_token ?? '';
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'RS256', kid: real.kid });
    expect(decodeJwt(idToken)).toMatchObject({ sub: 'alice', nonce });
    await expect(jwtVerify(idToken, jwks, { issuer: op.issuer, audience: client.clientId })).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it('idTokenSignedBy unknown-kid: no key in the JWKS matches', async () => {
    op.misbehave({ idTokenSignedBy: 'unknown-kid' });
    const { token } = await signIn();
    await expect(jwtVerify(token.id_token ?? '', jwks)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  it('idTokenClaims: the overrides appear, still signed with the real key; undefined removes a claim', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    op.misbehave({ idTokenClaims: { nonce: 'other-nonce', iss: 'http://evil.example', aud: 'someone-else', exp: past, email_verified: false, sub: undefined } });
    const { token } = await signIn();
    const idToken = token.id_token ?? '';
    const { payload } = await compactVerify(idToken, jwks); // signature still good
    const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    expect(claims).toMatchObject({ nonce: 'other-nonce', iss: 'http://evil.example', aud: 'someone-else', exp: past, email_verified: false });
    expect(claims).not.toHaveProperty('sub');
    await expect(jwtVerify(idToken, jwks, { issuer: op.issuer })).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
  });

  it('idTokenAlg none: an unsecured token with the real claims', async () => {
    op.misbehave({ idTokenAlg: 'none' });
    const { token, nonce } = await signIn();
    const idToken = token.id_token ?? '';
    expect(decodeProtectedHeader(idToken)).toEqual({ alg: 'none' });
    expect(idToken.endsWith('.')).toBe(true);
    expect(decodeJwt(idToken)).toMatchObject({ sub: 'alice', nonce, iss: op.issuer });
    await expect(jwtVerify(idToken, jwks)).rejects.toThrow();
  });

  it('tokenResponse and userinfo rewrite the bodies; behave() turns everything off', async () => {
    op.misbehave({ tokenResponse: { id_token: undefined, token_type: 'mac' }, userinfo: { sub: 'mallory', email: 'mallory@example.com' } });
    const { token } = await signIn();
    expect(token).not.toHaveProperty('id_token');
    expect(token.token_type).toBe('mac');
    const info = await (await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${token.access_token}` } })).json();
    expect(info).toMatchObject({ sub: 'mallory', email: 'mallory@example.com', name: alice.name });

    op.behave();
    const good = await signIn();
    await expect(jwtVerify(good.token.id_token ?? '', jwks, { issuer: op.issuer, audience: client.clientId })).resolves.toBeTruthy();
    expect(good.token.token_type).toBe('Bearer');
  });
});

describe('conformIdTokenClaims: false', () => {
  it('puts the scope claims into the ID token too', async () => {
    const other = await startOidcProvider({ clients: [client], accounts: [alice], conformIdTokenClaims: false, autoLogin: 'alice' });
    try {
      const flow = startFlow();
      flow.url.host = new URL(other.issuer).host;
      const callback = await other.authorize(flow.url);
      const body = new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code') ?? '', redirect_uri: redirectUri, code_verifier: flow.verifier });
      const res = await fetch(other.endpoints.token, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` }, body });
      const { id_token } = (await res.json()) as { id_token: string };
      const { payload } = await jwtVerify(id_token, createRemoteJWKSet(new URL(other.endpoints.jwks)), { issuer: other.issuer, audience: client.clientId });
      expect(payload).toMatchObject({ email: alice.email, email_verified: true, name: alice.name, picture: alice.picture });
    } finally {
      await other.close();
    }
  });
});
