/**
 * What the social sign-in tests share: a real OpenID provider on loopback (`@usher/testing/oidc`)
 * registered with the in-process server through the Backend API, and the browser's trip there and
 * back (log in at the provider, follow the server's forward to the app's return page).
 * Test-only; not exported.
 */
import './node-binary-globals.ts';
import { startOidcProvider, type OidcProviderFixture } from '@usher/testing/oidc';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { MockApp } from './mock-app.ts';

export const OIDC_CLIENT = { clientId: 'react-tests', clientSecret: 'react-tests-secret-0123456789' } as const;

/** The registration of the test app at the provider: the redirect URI is the server's `/v1/oauth_callback`. */
export function oidcClientFor(mock: MockApp['mock']) {
  return { ...OIDC_CLIENT, redirectUris: [`${mock.origin}/v1/oauth_callback`] };
}

/** PUT /backend/v1/oauth_providers/{id} with the instance's secret key, as an app's server would. */
export async function putProvider(mock: MockApp['mock'], id: string, body: Record<string, unknown>): Promise<void> {
  const key = await mock.createSecretKey();
  const res = await fetch(`${mock.origin}/backend/v1/oauth_providers/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`provider ${id}: ${res.status} ${await res.text()}`);
}

/** Registers the loopback provider as `acme` ("Acme ID", no built-in icon). */
export function putAcme(mock: MockApp['mock'], oidc: OidcProviderFixture): Promise<void> {
  return putProvider(mock, 'acme', { preset: 'oidc', name: 'Acme ID', issuer: oidc.issuer, client_id: OIDC_CLIENT.clientId, client_secret: OIDC_CLIENT.clientSecret });
}

/** Logs in at the provider as `sub` (or declines), then follows the server's 303: the return page's URL. */
export async function returnFromProvider(mock: MockApp['mock'], oidc: OidcProviderFixture, providerPage: string, sub: string, options: { deny?: boolean } = {}): Promise<string> {
  const back = await oidc.authorize(providerPage, { sub, deny: options.deny });
  const forward = await mock.app.fetch(new Request(back));
  if (forward.status !== 303) throw new Error(`forward answered ${forward.status}`);
  return forward.headers.get('location') ?? '';
}

/** Puts the browser on a URL of this origin (the return page, a continue step), as a full load would. */
export function openPage(url: string): void {
  const { pathname, search, hash } = new URL(url, window.location.href);
  window.history.replaceState(null, '', `${pathname}${search}${hash}`);
}

/**
 * Starts the loopback provider for this test file and registers it as `acme` before each test.
 * @example const acme = useLoopbackProvider(mock); … acme().addAccount({ sub: 'ada', email, email_verified: true });
 */
export function useLoopbackProvider(mock: MockApp['mock']): () => OidcProviderFixture {
  let oidc: OidcProviderFixture | null = null;
  beforeAll(async () => {
    oidc = await startOidcProvider({ clients: [oidcClientFor(mock)] });
  });
  beforeEach(() => putAcme(mock, oidc!));
  afterAll(() => oidc?.close());
  return () => oidc!;
}
