import { startOidcProvider, type OidcProviderFixture } from '@usher/testing/oidc';
import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isUsherAPIError, type UsherAPIError } from './errors.ts';
import { Usher } from './usher.ts';
import type { UsherOptions } from './usher-options.ts';

const mock = startUsherMockServer();
const CALLBACK_PAGE = 'http://localhost:3000/sso-callback';
const PASSWORD = 'correct horse battery staple';
let oidc: OidcProviderFixture;
const instances: Usher[] = [];

beforeAll(async () => {
  oidc = await startOidcProvider({ clients: [{ clientId: 'core-tests', clientSecret: 'core-tests-secret-0123456789', redirectUris: [`${mock.origin}/v1/oauth_callback`] }] });
});
beforeEach(async () => {
  // Registered through the Backend API, as an app's server would.
  const key = await mock.createSecretKey();
  const res = await fetch(`${mock.origin}/backend/v1/oauth_providers/acme`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ preset: 'oidc', name: 'Acme ID', issuer: oidc.issuer, client_id: 'core-tests', client_secret: 'core-tests-secret-0123456789' }),
  });
  expect(res.status).toBe(200);
});
afterEach(() => {
  instances.splice(0).forEach((u) => u.destroy());
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(async () => {
  mock.close();
  await oidc.close();
});

function newUsher(options: Partial<UsherOptions> = {}) {
  const navigate = vi.fn();
  const usher = new Usher({ frontendApi: mock.origin, storage: null, navigate, ...options });
  instances.push(usher);
  return { usher, navigate };
}

/** Plays the browser: logs in at the provider as `sub`, then follows the server's forward to the callback page. */
async function returnFromProvider(providerPage: string, sub: string, options: { deny?: boolean } = {}): Promise<string> {
  const back = await oidc.authorize(providerPage, { sub, deny: options.deny });
  const forward = await mock.app.fetch(new Request(back));
  expect(forward.status).toBe(303);
  return forward.headers.get('location') ?? '';
}

describe.each(['cookie', 'bearer'] as const)('social sign-in (%s mode)', (transport) => {
  it('the environment lists the provider; a new person signs in through it with the profile the provider vouches for', async () => {
    oidc.addAccount({ sub: 'ada', email: 'ada@example.com', email_verified: true, given_name: 'Ada', family_name: 'Lovelace' });
    const { usher, navigate } = newUsher({ transport });
    await usher.load();
    expect(usher.environment?.userSettings.social).toEqual([{ strategy: 'oauth_acme', provider: 'acme', name: 'Acme ID', icon: null }]);

    const attempt = await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE, redirectUrlComplete: '/dashboard' });
    expect(navigate).toHaveBeenCalledTimes(1);
    const providerPage = navigate.mock.calls[0]![0] as string;
    expect(new URL(providerPage).origin).toBe(oidc.issuer);
    expect(attempt.firstFactorVerification?.externalVerificationRedirectUrl).toBe(providerPage);

    const callbackPage = await returnFromProvider(providerPage, 'ada');
    expect(callbackPage.startsWith(`${CALLBACK_PAGE}?__usher_oauth=`)).toBe(true);
    const result = await usher.handleRedirectCallback({ url: callbackPage });
    expect(result).toMatchObject({ outcome: 'signed_in', redirectUrl: '/dashboard', externalAccount: null });
    expect(usher.session?.id).toBe(result.createdSessionId);
    expect(usher.user?.primaryEmailAddress?.emailAddress).toBe('ada@example.com');
    expect(usher.user?.firstName).toBe('Ada');
    expect(usher.user?.externalAccounts.map((a) => [a.provider, a.emailAddress])).toEqual([['acme', 'ada@example.com']]);
    expect(await usher.getToken()).toMatch(/^ey/);
  });
});

describe('social sign-in and sign-up: further steps', () => {
  it('an address the provider does not vouch for: needs_sign_up, verified by the emailed code, with no password', async () => {
    oidc.addAccount({ sub: 'una', email: 'una@example.com', email_verified: false, given_name: 'Una' });
    const { usher, navigate } = newUsher();
    await usher.load();
    await usher.signUp.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE });
    const result = await usher.handleRedirectCallback({ url: await returnFromProvider(navigate.mock.calls[0]![0] as string, 'una') });
    expect(result.outcome).toBe('needs_sign_up');
    expect(usher.session).toBeNull();

    let signUp = usher.signUp;
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.unverifiedFields).toEqual(['email_address']);
    expect(signUp.missingFields).not.toContain('password');
    expect(signUp.verifications.externalAccount?.status).toBe('verified');
    signUp = await signUp.prepareEmailAddressVerification();
    signUp = await signUp.attemptEmailAddressVerification({ code: (await mock.mailbox.latestCode('una@example.com'))! });
    expect(signUp.status).toBe('complete');
    await signUp.finalize();
    expect(usher.user?.externalAccounts.map((a) => a.provider)).toEqual(['acme']);
    expect(usher.user?.passwordEnabled).toBe(false);
  });

  it('an existing account whose address the provider does not vouch for: needs_sign_in, the account proves itself first', async () => {
    await mock.seedUser({ email: 'grace@example.com', password: PASSWORD });
    oidc.addAccount({ sub: 'grace', email: 'grace@example.com', email_verified: false });
    const { usher, navigate } = newUsher();
    await usher.load();
    await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE });
    const result = await usher.handleRedirectCallback({ url: await returnFromProvider(navigate.mock.calls[0]![0] as string, 'grace') });
    expect(result.outcome).toBe('needs_sign_in');
    expect(usher.signIn.status).toBe('needs_first_factor');
    expect(usher.signIn.identifier).toBe('grace@example.com');
    const done = await usher.signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD });
    expect(done.status).toBe('complete');
    await done.finalize();
    // Proving the account linked the provider's.
    expect(usher.user?.externalAccounts.map((a) => a.provider)).toEqual(['acme']);
  });

  it('the same forwarded answer handled twice (StrictMode effects) is posted once', async () => {
    oidc.addAccount({ sub: 'twice', email: 'twice@example.com', email_verified: true });
    const { usher, navigate } = newUsher();
    await usher.load();
    await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE });
    const url = await returnFromProvider(navigate.mock.calls[0]![0] as string, 'twice');
    const posts: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/v1/client/oauth_callback')) posts.push(request.url);
    });
    const [first, second] = await Promise.all([usher.handleRedirectCallback({ url }), usher.handleRedirectCallback({ url })]);
    expect(second).toBe(first);
    expect(posts).toHaveLength(1);
    mock.server.events.removeAllListeners();
  });

  it('a person who declines at the provider gets oauth_access_denied; a page without the parameter is a misuse', async () => {
    oidc.addAccount({ sub: 'no', email: 'no@example.com', email_verified: true });
    const { usher, navigate } = newUsher();
    await usher.load();
    await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE });
    const url = await returnFromProvider(navigate.mock.calls[0]![0] as string, 'no', { deny: true });
    const error = (await usher.handleRedirectCallback({ url }).catch((e: unknown) => e)) as UsherAPIError;
    expect(isUsherAPIError(error) && error.errors[0]?.code).toBe('oauth_access_denied');
    await expect(usher.handleRedirectCallback({ url: CALLBACK_PAGE })).rejects.toMatchObject({ name: 'UsherMisuseError', code: 'argument_invalid' });
  });

  it('without a navigate option and no page (Node), starting is a misuse, after the sign-in was created', async () => {
    const usher = new Usher({ frontendApi: mock.origin, storage: null });
    instances.push(usher);
    await usher.load();
    await expect(usher.signIn.authenticateWithRedirect({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE })).rejects.toMatchObject({ name: 'UsherMisuseError' });
  });

  it('an unknown provider is refused with strategy_not_allowed before anything is opened', async () => {
    const { usher, navigate } = newUsher();
    await usher.load();
    const error = await usher.signIn.authenticateWithRedirect({ strategy: 'oauth_nope', redirectUrl: CALLBACK_PAGE }).catch((e: unknown) => e);
    expect(isUsherAPIError(error) && error.errors[0]?.code).toBe('strategy_not_allowed');
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('connected accounts', () => {
  it('a signed-in user connects a provider account, sees it, and disconnects it', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: PASSWORD });
    oidc.addAccount({ sub: 'ada-work', email: 'ada@work.example', email_verified: true });
    const { usher, navigate } = newUsher();
    await usher.load();
    const attempt = await usher.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password: PASSWORD });
    await usher.setActive({ session: attempt.createdSessionId });
    expect(usher.user?.externalAccounts).toEqual([]);

    const providerPage = await usher.user!.createExternalAccount({ strategy: 'oauth_acme', redirectUrl: CALLBACK_PAGE, redirectUrlComplete: '/account' });
    expect(navigate).toHaveBeenCalledWith(providerPage);
    const result = await usher.handleRedirectCallback({ url: await returnFromProvider(providerPage, 'ada-work') });
    expect(result.outcome).toBe('connected');
    expect(result.redirectUrl).toBe('/account');
    expect(result.externalAccount?.emailAddress).toBe('ada@work.example');
    const [account] = usher.user!.externalAccounts;
    expect(account?.id).toBe(result.externalAccount?.id);

    await account!.destroy();
    expect(usher.user?.externalAccounts).toEqual([]);
  });
});
