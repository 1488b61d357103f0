import { browserDance } from '../oidc/browser-dance.ts';
import { startLoopbackServer } from '../oidc/loopback.ts';
import { handleApi } from './api.ts';
import { handleAuthorize } from './authorize-endpoint.ts';
import { sendJson } from './http.ts';
import { GitHubState } from './state.ts';
import { handleToken } from './token-endpoint.ts';
import type { FakeGitHub, FakeGitHubOptions, GitHubAuthorizeOptions } from './types.ts';

const paths = { authorize: '/login/oauth/authorize', token: '/login/oauth/access_token', api: '/api' } as const;

/**
 * A loopback imitation of github.com's OAuth app endpoints and the api.github.com calls a
 * sign-in needs (`/user`, `/user/emails`). GitHub does OAuth 2 without OIDC: no ID token,
 * no discovery; emails come from a separate API whose entries say which address is verified.
 *
 * @example
 * const github = await startFakeGitHub({
 *   clients: [{ clientId: 'Iv1.test', clientSecret: 'shh', redirectUris: ['http://127.0.0.1:4000/v1/oauth_callback'] }],
 *   users: [{ id: 1, login: 'octocat', name: 'The Octocat', emails: [{ email: 'octo@example.com', primary: true, verified: true }] }],
 * });
 * const callback = await github.authorize(authorizeUrl, { login: 'octocat' }); // ...?code=...&state=...
 * afterAll(() => github.close());
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const server = await startLoopbackServer();
  const base = server.origin;
  const apiUrl = `${base}${paths.api}`;
  const state = new GitHubState({ autoApprove: options.autoApprove ?? null, requirePkce: options.requirePkce ?? true, now: options.now ?? Date.now });
  for (const client of options.clients ?? []) state.addClient(client);
  for (const user of options.users ?? []) state.addUser(user);

  server.setHandler(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === paths.authorize && (req.method === 'GET' || req.method === 'POST')) return handleAuthorize(state, req, res, url);
    if (url.pathname === paths.token && req.method === 'POST') return handleToken(state, req, res, url);
    if (url.pathname.startsWith(`${paths.api}/`)) return handleApi(state, req, res, url.pathname.slice(paths.api.length), apiUrl);
    sendJson(res, 404, { message: 'Not Found' });
  });

  const dance = {
    origin: base,
    isFlowPath: (pathname: string) => pathname === paths.authorize,
    formAction: (pageUrl: URL, opts: GitHubAuthorizeOptions) => {
      if (opts.deny) return { url: pageUrl, body: new URLSearchParams({ cancel: '1' }) };
      const login = opts.login ?? state.autoApprove;
      if (!login) throw new Error('github.authorize: the page asks who signs in; pass { login }');
      if (!state.user(login)) throw new Error(`github.authorize: no user ${login}; add it with addUser()`);
      return { url: pageUrl, body: new URLSearchParams({ login }) };
    },
  };

  return {
    url: base,
    authorizeUrl: `${base}${paths.authorize}`,
    tokenUrl: `${base}${paths.token}`,
    apiUrl,
    addUser: (user) => state.addUser(user),
    updateUser: (login, patch) => state.updateUser(login, patch),
    addClient: (client) => state.addClient(client),
    setAutoApprove(login) {
      state.autoApprove = login;
    },
    authorize: (authorizationUrl, opts = {}) => browserDance(dance, authorizationUrl, opts),
    tokens: state.tokens,
    revokeTokens() {
      state.tokens.clear();
    },
    close: () => server.close(),
  };
}
