import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizePage, notFoundPage } from './authorize-page.ts';
import { readBody, redirect, sendHtml, withQuery } from './http.ts';
import type { GitHubState } from './state.ts';

const troubleshooting = 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors';

/** Scopes as GitHub reads them: space- or comma-separated. */
export function parseScopes(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? '').split(/[\s,]+/).filter(Boolean))];
}

/**
 * `GET|POST /login/oauth/authorize`. GET shows the "Sign in as <login>" page (or approves at once
 * in auto-approve mode); the page's form POSTs to the same URL with `login` or `cancel`.
 * Errors after the client is known go back to the app like GitHub's: `redirect_uri_mismatch`
 * goes to the first registered callback, the others to the requested redirect URI.
 */
export async function handleAuthorize(state: GitHubState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const q = url.searchParams;
  const client = state.clients.get(q.get('client_id') ?? '');
  if (!client) {
    sendHtml(res, 404, notFoundPage(`No OAuth app with client_id "${q.get('client_id') ?? ''}".`));
    return;
  }
  const stateParam = q.get('state');
  const requested = q.get('redirect_uri');
  const registered = client.redirectUris[0] as string;
  if (requested !== null && !client.redirectUris.includes(requested)) {
    redirect(res, withQuery(registered, { error: 'redirect_uri_mismatch', error_description: 'The redirect_uri MUST match the registered callback URL for this application.', error_uri: `${troubleshooting}/#redirect-uri-mismatch`, state: stateParam }));
    return;
  }
  const redirectUri = requested ?? registered;
  const fail = (error: string, description: string) => redirect(res, withQuery(redirectUri, { error, error_description: description, error_uri: troubleshooting, state: stateParam }));

  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method');
  if (challenge !== null || method !== null || state.requirePkce) {
    if (!challenge || method !== 'S256') {
      fail('invalid_request', 'PKCE requires code_challenge and code_challenge_method=S256.');
      return;
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      fail('invalid_request', 'code_challenge must be a base64url SHA-256 hash (43 characters).');
      return;
    }
  }

  const scopes = parseScopes(q.get('scope'));
  const approve = (login: string) => {
    const code = state.issueCode({ clientId: client.clientId, redirectUri, login, scopes, codeChallenge: challenge });
    redirect(res, withQuery(redirectUri, { code, state: stateParam }));
  };

  if (req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    if (form.has('cancel')) {
      fail('access_denied', 'The user has denied your application access.');
      return;
    }
    const login = form.get('login') ?? '';
    if (!state.user(login)) {
      sendHtml(res, 400, notFoundPage(`No user "${login}".`));
      return;
    }
    approve(login);
    return;
  }

  if (state.autoApprove !== null) {
    if (!state.user(state.autoApprove)) sendHtml(res, 500, notFoundPage(`The auto-approve user "${state.autoApprove}" does not exist.`));
    else approve(state.autoApprove);
    return;
  }
  sendHtml(res, 200, authorizePage({ action: `${url.pathname}${url.search}`, clientId: client.clientId, scopes, logins: state.logins() }));
}
