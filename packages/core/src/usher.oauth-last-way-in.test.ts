import { startOidcProvider, type OidcProviderFixture } from '@usher/testing/oidc';
import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, expect, it, vi } from 'vitest';
import { isUsherAPIError } from './errors.ts';
import { Usher } from './usher.ts';

// An instance where addresses sign in with a password only: a provider-only account has no other way in.
const mock = startUsherMockServer({ instanceConfig: { attributes: { emailAddress: { firstFactors: [] } } } });
let oidc: OidcProviderFixture | null = null;
afterAll(async () => {
  mock.close();
  await oidc?.close();
});

it('the only way into an account cannot be disconnected: external_account_last_identification (422)', async () => {
  oidc = await startOidcProvider({ clients: [{ clientId: 'core-tests', clientSecret: 'core-tests-secret-0123456789', redirectUris: [`${mock.origin}/v1/oauth_callback`] }] });
  oidc.addAccount({ sub: 'only', email: 'only@example.com', email_verified: true });
  const key = await mock.createSecretKey();
  const put = await fetch(`${mock.origin}/backend/v1/oauth_providers/acme`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ preset: 'oidc', name: 'Acme ID', issuer: oidc.issuer, client_id: 'core-tests', client_secret: 'core-tests-secret-0123456789' }),
  });
  expect(put.status).toBe(200);

  const navigate = vi.fn();
  const usher = new Usher({ frontendApi: mock.origin, storage: null, navigate });
  await usher.load();
  await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: 'http://localhost:3000/sso-callback' });
  const back = await oidc.authorize(navigate.mock.calls[0]![0] as string, { sub: 'only' });
  const forward = await mock.app.fetch(new Request(back));
  const result = await usher.handleRedirectCallback({ url: forward.headers.get('location')! });
  expect(result.outcome).toBe('signed_in');
  expect(usher.user?.passwordEnabled).toBe(false);

  const error = await usher.user!.externalAccounts[0]!.destroy().catch((e: unknown) => e);
  expect(isUsherAPIError(error) && [error.status, error.errors[0]?.code]).toEqual([422, 'external_account_last_identification']);
  expect(usher.user?.externalAccounts).toHaveLength(1);
  usher.destroy();
});
