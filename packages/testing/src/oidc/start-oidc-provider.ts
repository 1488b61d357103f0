import { randomBytes } from 'node:crypto';
import type { OidcProviderContext } from 'oidc-provider';
import { AccountStore } from './accounts.ts';
import { MemoryStore } from './adapter.ts';
import { browserDance } from './browser-dance.ts';
import { registerClient } from './clients.ts';
import { autoConsentGrant } from './consent.ts';
import { handleInteraction } from './interactions.ts';
import { generateProviderKeys } from './keys.ts';
import { loadProvider } from './load-provider.ts';
import { errorPage } from './login-page.ts';
import { startLoopbackServer } from './loopback.ts';
import { misbehaviourMiddleware } from './misbehaviour.ts';
import { strictClientAuth } from './client-auth-check.ts';
import type { AuthorizeOptions, OidcMisbehaviour, OidcProviderFixture, OidcProviderOptions } from './types.ts';

const routes = { authorization: '/auth', token: '/token', userinfo: '/me', jwks: '/jwks' } as const;

const scopeClaims = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  profile: ['name', 'given_name', 'family_name', 'picture'],
};

/**
 * A real OpenID Provider (oidc-provider 9) on `http://127.0.0.1:<free port>`: code flow with
 * PKCE S256 required, RS256 ID tokens from a key the fixture holds, userinfo, an HTML login
 * page (for Chromium) and `authorize()` for programmatic flows, plus switches that make the
 * token/userinfo answers misbehave.
 *
 * @example
 * const op = await startOidcProvider({
 *   clients: [{ clientId: 'usher', clientSecret: 's3cret', redirectUris: ['http://127.0.0.1:4000/v1/oauth_callback'] }],
 *   accounts: [{ sub: 'alice', email: 'alice@example.com', email_verified: true }],
 * });
 * const callback = await op.authorize(authorizationUrl, { sub: 'alice' }); // ...?code=...&state=...&iss=...
 * afterAll(() => op.close());
 */
export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<OidcProviderFixture> {
  const server = await startLoopbackServer();
  const issuer = server.origin;
  try {
    const [Provider, keys] = await Promise.all([loadProvider(), generateProviderKeys()]);
    const accounts = new AccountStore();
    const store = new MemoryStore();
    let misbehaviour: OidcMisbehaviour = {};
    let autoLogin: string | null = options.autoLogin ?? null;

    const provider = new Provider(issuer, {
      adapter: store.factory,
      jwks: { keys: [keys.real.privateJwk] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      findAccount: accounts.findAccount,
      loadExistingGrant: autoConsentGrant,
      scopes: Object.keys(scopeClaims),
      claims: scopeClaims,
      conformIdTokenClaims: options.conformIdTokenClaims ?? true,
      responseTypes: ['code'],
      pkce: { required: () => true },
      clientDefaults: { grant_types: ['authorization_code'], response_types: ['code'], id_token_signed_response_alg: 'RS256', token_endpoint_auth_method: 'client_secret_basic' },
      clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: true },
        rpInitiatedLogout: { enabled: false },
        pushedAuthorizationRequests: { enabled: false },
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      routes,
      // Browser tests call userinfo from any loopback origin.
      clientBasedCORS: () => true,
      renderError: async (ctx: OidcProviderContext, out: { error: string; error_description?: string }) => {
        ctx.type = 'html';
        ctx.body = errorPage(out.error, out.error_description);
      },
      // Explicit lifetimes, so oidc-provider prints no "you SHOULD change" notices.
      ttl: { AccessToken: 3600, AuthorizationCode: 600, IdToken: 3600, Interaction: 3600, Session: 86_400, Grant: 86_400, RefreshToken: 86_400 },
    });
    // Outer to inner: the misbehaviour rewrite only sees token answers that passed the auth check.
    provider.use(misbehaviourMiddleware(keys, () => misbehaviour));
    provider.use(strictClientAuth(() => options.strictClientAuth ?? true));

    const callback = provider.callback();
    const interactionState = { provider, accounts, autoLogin: () => autoLogin };
    server.setHandler(async (req, res) => {
      if (await handleInteraction(interactionState, req, res)) return;
      callback(req, res);
    });

    for (const account of options.accounts ?? []) accounts.add(account);
    for (const client of options.clients ?? []) await registerClient(provider, store, client);

    const url = (path: string) => new URL(path, `${issuer}/`).href;
    const dance = {
      origin: issuer,
      isFlowPath: (pathname: string) => pathname.startsWith(`${routes.authorization}`) || pathname.startsWith('/interaction/'),
      formAction: (pageUrl: URL, opts: AuthorizeOptions) => {
        const body = new URLSearchParams();
        if (opts.deny) return { url: new URL(`${pageUrl.pathname}/abort`, pageUrl), body };
        const sub = opts.sub ?? autoLogin;
        if (!sub) throw new Error('authorize: the provider shows its login page; pass { sub }');
        if (!accounts.has(sub)) throw new Error(`authorize: no account ${sub}; add it with addAccount()`);
        body.set('sub', sub);
        return { url: new URL(`${pageUrl.pathname}/login`, pageUrl), body };
      },
    };

    return {
      issuer,
      discoveryUrl: url('/.well-known/openid-configuration'),
      endpoints: { authorization: url(routes.authorization), token: url(routes.token), userinfo: url(routes.userinfo), jwks: url(routes.jwks) },
      url,
      addClient: (client) => registerClient(provider, store, client),
      addAccount: (account) => accounts.add(account),
      updateAccount: (sub, patch) => accounts.update(sub, patch),
      setAutoLogin(sub) {
        autoLogin = sub;
      },
      authorize: (authorizationUrl, opts = {}) => browserDance(dance, authorizationUrl, opts),
      misbehave(next) {
        misbehaviour = { ...misbehaviour, ...next };
      },
      behave() {
        misbehaviour = {};
      },
      async close() {
        store.clear();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
