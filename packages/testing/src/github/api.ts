import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http.ts';
import type { GitHubState } from './state.ts';
import type { FakeGitHubEmail, FakeGitHubUser } from './types.ts';

const restDocs = 'https://docs.github.com/rest';

function visibilityOf(email: FakeGitHubEmail): 'public' | 'private' | null {
  if (email.visibility !== undefined) return email.visibility;
  return email.primary ? 'private' : null;
}

export function publicEmailOf(user: FakeGitHubUser): string | null {
  if (user.email !== undefined) return user.email;
  const primary = user.emails?.find((e) => e.primary);
  return primary && visibilityOf(primary) === 'public' ? primary.email : null;
}

/** The JSON of `GET /user` for an OAuth token (the fields an app reads, plus a few GitHub always sends). */
export function userJson(user: FakeGitHubUser, apiUrl: string): Record<string, unknown> {
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString('base64'),
    avatar_url: user.avatar_url ?? `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    url: `${apiUrl}/users/${user.login}`,
    html_url: `https://github.com/${user.login}`,
    type: 'User',
    site_admin: false,
    name: user.name ?? null,
    email: publicEmailOf(user),
  };
}

export function emailsJson(user: FakeGitHubUser): Array<{ email: string; primary: boolean; verified: boolean; visibility: 'public' | 'private' | null }> {
  return (user.emails ?? []).map((e) => ({ email: e.email, primary: e.primary ?? false, verified: e.verified ?? false, visibility: visibilityOf(e) }));
}

/**
 * `GET /api/user` and `GET /api/user/emails` (api.github.com/user, /user/emails). The token
 * comes as `Authorization: Bearer <t>` or `token <t>`; a bad one is 401 "Bad credentials".
 * `/user/emails` needs the `user:email` or `user` scope (404 otherwise, as GitHub answers).
 * Requests without a User-Agent are refused with 403, as api.github.com does.
 */
export function handleApi(state: GitHubState, req: IncomingMessage, res: ServerResponse, path: string, apiUrl: string): void {
  if (!req.headers['user-agent']) {
    sendJson(res, 403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.', documentation_url: restDocs });
    return;
  }
  if (req.method !== 'GET' || (path !== '/user' && path !== '/user/emails')) {
    sendJson(res, 404, { message: 'Not Found', documentation_url: restDocs, status: '404' });
    return;
  }
  const match = /^(?:Bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const token = match?.[1] ? state.tokens.get(match[1]) : undefined;
  const user = token ? state.user(token.login) : undefined;
  if (!token || !user) {
    sendJson(res, 401, { message: 'Bad credentials', documentation_url: restDocs, status: '401' });
    return;
  }
  const headers = { 'x-oauth-scopes': token.scopes.join(', '), 'x-accepted-oauth-scopes': path === '/user/emails' ? 'user, user:email' : '' };
  if (path === '/user') {
    sendJson(res, 200, userJson(user, apiUrl), headers);
    return;
  }
  if (!token.scopes.includes('user:email') && !token.scopes.includes('user')) {
    sendJson(res, 404, { message: 'Not Found', documentation_url: restDocs, status: '404' }, headers);
    return;
  }
  sendJson(res, 200, emailsJson(user), headers);
}
