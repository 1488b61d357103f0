import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readParams } from './http.ts';
import type { GitHubState } from './state.ts';

const docs = 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors';

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

/** GitHub's answer format: JSON with `Accept: application/json`, else form-encoded; always HTTP 200. */
function answer(req: IncomingMessage, res: ServerResponse, body: Record<string, string>): void {
  res.statusCode = 200;
  if ((req.headers.accept ?? '').includes('json')) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  } else {
    res.setHeader('content-type', 'application/x-www-form-urlencoded; charset=utf-8');
    res.end(new URLSearchParams(body).toString());
  }
}

/**
 * `POST /login/oauth/access_token`: client_id + client_secret in the body or Basic auth, code,
 * redirect_uri (must equal the authorize one when sent), code_verifier (checked against the
 * S256 challenge). Errors are HTTP 200 with `error`/`error_description`/`error_uri`, like GitHub.
 * A code is removed on its first exchange attempt with the right client credentials, whatever the outcome.
 */
export async function handleToken(state: GitHubState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const params = await readParams(req, url);
  const basic = basicCredentials(req.headers.authorization);
  const clientId = basic?.id ?? params.get('client_id') ?? '';
  const clientSecret = basic?.secret ?? params.get('client_secret') ?? '';
  const fail = (error: string, description: string, anchor: string) => answer(req, res, { error, error_description: description, error_uri: `${docs}/#${anchor}` });

  const client = state.clients.get(clientId);
  if (!client || !safeEqual(client.clientSecret, clientSecret)) {
    fail('incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.', 'incorrect-client-credentials');
    return;
  }

  const code = state.takeCode(params.get('code') ?? '');
  if (!code || code.clientId !== client.clientId) {
    fail('bad_verification_code', 'The code passed is incorrect or expired.', 'bad-verification-code');
    return;
  }
  const redirectUri = params.get('redirect_uri');
  if (redirectUri !== undefined && redirectUri !== code.redirectUri) {
    fail('redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.', 'redirect-uri-mismatch');
    return;
  }
  if (code.codeChallenge !== null) {
    const verifier = params.get('code_verifier') ?? '';
    const ok = /^[A-Za-z0-9._~-]{43,128}$/.test(verifier) && safeEqual(createHash('sha256').update(verifier).digest('base64url'), code.codeChallenge);
    if (!ok) {
      fail('bad_verification_code', 'The code_verifier does not match the code_challenge.', 'bad-verification-code');
      return;
    }
  }

  const accessToken = state.issueToken({ login: code.login, clientId: client.clientId, scopes: code.scopes });
  answer(req, res, { access_token: accessToken, token_type: 'bearer', scope: code.scopes.join(',') });
}
