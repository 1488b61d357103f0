/** What the OAuth HTTP tests share: a real OpenID provider on loopback registered with a test app. */
// The fixture lives in @usher/testing (which depends on this package); tests reach it by path, the build never does.
import { startOidcProvider, type OidcProviderFixture } from '../../../../testing/src/oidc/index.ts';
import { givenSecretKey, backendCall } from '../bapi/backend-test-support.ts';
import { APP_ORIGIN, BASE, call, PUBLIC_URL, type ApiResult, type TestApp } from '../test-support.ts';

export const CLIENT_ID = 'usher-test-app';
export const CLIENT_SECRET = 'a-client-secret-of-some-length-0123456789';
export const REDIRECT_URI = `${PUBLIC_URL}/v1/oauth_callback`;

export async function startProvider(): Promise<OidcProviderFixture> {
  return startOidcProvider({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }] });
}

/** Registers the fixture as provider `acme` (generic OpenID Connect by discovery). */
export async function registerProvider(t: TestApp, oidc: OidcProviderFixture, id = 'acme'): Promise<ApiResult> {
  const key = await givenSecretKey(t);
  const res = await backendCall(t, 'PUT', `/oauth_providers/${id}`, { key, body: { preset: 'oidc', name: 'Acme ID', issuer: oidc.issuer, client_id: CLIENT_ID, client_secret: CLIENT_SECRET } });
  if (res.status !== 200) throw new Error(`provider registration failed: ${JSON.stringify(res.body)}`);
  return res;
}

export interface Started {
  token: string;
  authorizationUrl: string;
  body: ApiResult['body'];
}

/** POST /v1/client/sign_ins (or sign_ups) with the provider strategy; answers the provider page to open. */
export async function startFlow(t: TestApp, kind: 'sign_ins' | 'sign_ups' = 'sign_ins', token: string | null = null, extra: Record<string, unknown> = {}): Promise<Started> {
  const res = await call(t.app, 'POST', `/v1/client/${kind}`, { token, body: { strategy: 'oauth_acme', redirect_url: '/sso-callback', action_complete_redirect_url: '/dashboard', ...extra } });
  if (res.status !== 200) throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
  const verification = kind === 'sign_ins' ? res.body.response.first_factor_verification : res.body.response.verifications.external_account;
  return { token: res.token as string, authorizationUrl: verification.external_verification_redirect_url, body: res.body };
}

/** The provider's redirect, followed through our forward route: the `__usher_oauth` value the app page would post. */
export async function forwardedParams(t: TestApp, providerRedirect: URL): Promise<string> {
  const res = await t.app.request(`${BASE}${providerRedirect.pathname}${providerRedirect.search}`);
  if (res.status !== 303) throw new Error(`forward answered ${res.status}: ${await res.text()}`);
  const location = new URL(res.headers.get('location') ?? '');
  if (location.origin !== APP_ORIGIN || location.pathname !== '/sso-callback') throw new Error(`forwarded to ${location.href}`);
  return location.searchParams.get('__usher_oauth') ?? '';
}

export function postCallback(t: TestApp, token: string, params: string): Promise<ApiResult> {
  return call(t.app, 'POST', '/v1/client/oauth_callback', { token, body: { params } });
}

/** The whole trip as `sub`: start, log in at the provider, come back, post. */
export async function signInWithProvider(t: TestApp, oidc: OidcProviderFixture, sub: string, kind: 'sign_ins' | 'sign_ups' = 'sign_ins', token: string | null = null): Promise<ApiResult & { token: string }> {
  const started = await startFlow(t, kind, token);
  const back = await oidc.authorize(started.authorizationUrl, { sub });
  const res = await postCallback(t, started.token, await forwardedParams(t, back));
  return { ...res, token: res.token ?? started.token };
}
