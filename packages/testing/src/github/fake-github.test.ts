import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizeError, startFakeGitHub, type FakeGitHub } from './index.ts';

const redirectUri = 'http://127.0.0.1:4999/v1/oauth_callback';
const app = { clientId: 'Iv1.testapp', clientSecret: 'gh-secret', redirectUris: [redirectUri] };
const octocat = {
  id: 583231,
  login: 'octocat',
  name: 'The Octocat',
  avatar_url: 'https://avatars.example/octocat.png',
  emails: [
    { email: 'octocat@example.com', primary: true, verified: true },
    { email: 'old@example.com', primary: false, verified: false },
  ],
};

let now = Date.now();
let github: FakeGitHub;

beforeAll(async () => {
  github = await startFakeGitHub({ clients: [app], users: [octocat], now: () => now });
});
afterAll(() => github.close());

function startFlow(params: Record<string, string | null> = {}) {
  const verifier = randomBytes(32).toString('base64url');
  const state = `st-${randomBytes(6).toString('hex')}`;
  const url = new URL(github.authorizeUrl);
  const all: Record<string, string | null> = {
    client_id: app.clientId,
    redirect_uri: redirectUri,
    scope: 'read:user user:email',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [key, value] of Object.entries(all)) if (value !== null) url.searchParams.set(key, value);
  return { url, verifier, state };
}

async function exchange(fields: Record<string, string>, init: { accept?: string; basic?: boolean; json?: boolean } = {}) {
  const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
  const { client_id, client_secret, ...rest } = fields;
  let body: string;
  if (init.basic) headers.authorization = `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString('base64')}`;
  const payload = init.basic ? rest : fields;
  if (init.json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(payload);
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(payload).toString();
  }
  const res = await fetch(github.tokenUrl, { method: 'POST', headers, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function codeFor(params: Record<string, string | null> = {}) {
  const flow = startFlow(params);
  const callback = await github.authorize(flow.url, { login: 'octocat' });
  return { ...flow, callback, code: callback.searchParams.get('code') ?? '' };
}

const creds = { client_id: app.clientId, client_secret: app.clientSecret };
const api = (path: string, token: string) => fetch(`${github.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' } });

describe('startFakeGitHub', () => {
  it('runs the OAuth app flow: code + state verbatim, JSON token, /user and /user/emails', async () => {
    const { callback, state, code, verifier } = await codeFor();
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(code).toMatch(/^[0-9a-f]{20}$/);

    const token = await exchange({ ...creds, code, redirect_uri: redirectUri, code_verifier: verifier });
    expect(token.status).toBe(200);
    expect(token.type).toContain('application/json');
    const body = JSON.parse(token.text) as { access_token: string; token_type: string; scope: string };
    expect(body).toEqual({ access_token: expect.stringMatching(/^gho_/), token_type: 'bearer', scope: 'read:user,user:email' });

    const user = await api('/user', body.access_token);
    expect(user.status).toBe(200);
    expect(user.headers.get('x-oauth-scopes')).toBe('read:user, user:email');
    expect(await user.json()).toMatchObject({ id: 583231, login: 'octocat', name: 'The Octocat', avatar_url: octocat.avatar_url, email: null, type: 'User' });

    const emails = await api('/user/emails', body.access_token);
    expect(await emails.json()).toEqual([
      { email: 'octocat@example.com', primary: true, verified: true, visibility: 'private' },
      { email: 'old@example.com', primary: false, verified: false, visibility: null },
    ]);
  });

  it('answers form-encoded without Accept: application/json; takes Basic auth and JSON bodies', async () => {
    const a = await codeFor();
    const form = await exchange({ ...creds, code: a.code, code_verifier: a.verifier }, { accept: '*/*' });
    expect(form.type).toContain('application/x-www-form-urlencoded');
    expect(new URLSearchParams(form.text).get('token_type')).toBe('bearer');

    const b = await codeFor();
    const basicJson = await exchange({ ...creds, code: b.code, code_verifier: b.verifier, redirect_uri: redirectUri }, { basic: true, json: true });
    expect(JSON.parse(basicJson.text)).toHaveProperty('access_token');
  });

  it('rejects a PKCE mismatch with HTTP 200 bad_verification_code, and a code is single use', async () => {
    const a = await codeFor();
    const wrong = await exchange({ ...creds, code: a.code, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(200);
    expect(JSON.parse(wrong.text)).toMatchObject({ error: 'bad_verification_code', error_description: expect.stringContaining('code_verifier') });

    const b = await codeFor();
    expect(JSON.parse((await exchange({ ...creds, code: b.code, code_verifier: b.verifier })).text)).toHaveProperty('access_token');
    const reused = await exchange({ ...creds, code: b.code, code_verifier: b.verifier });
    expect(reused.status).toBe(200);
    expect(JSON.parse(reused.text)).toMatchObject({ error: 'bad_verification_code' });
  });

  it('expires codes after 10 minutes, checks client credentials and redirect_uri', async () => {
    const a = await codeFor();
    now += 10 * 60_000 + 1;
    try {
      expect(JSON.parse((await exchange({ ...creds, code: a.code, code_verifier: a.verifier })).text)).toMatchObject({ error: 'bad_verification_code' });
    } finally {
      now = Date.now();
    }
    const b = await codeFor();
    expect(JSON.parse((await exchange({ ...creds, client_secret: 'nope', code: b.code, code_verifier: b.verifier })).text)).toMatchObject({ error: 'incorrect_client_credentials' });
    expect(JSON.parse((await exchange({ ...creds, code: b.code, code_verifier: b.verifier, redirect_uri: 'http://127.0.0.1:4999/other' })).text)).toMatchObject({ error: 'redirect_uri_mismatch' });
  });

  it('requires PKCE S256 at authorize and sends errors back to the app', async () => {
    const missing = await github.authorize(startFlow({ code_challenge: null, code_challenge_method: null }).url, { login: 'octocat' });
    expect(missing.searchParams.get('error')).toBe('invalid_request');
    const plain = await github.authorize(startFlow({ code_challenge_method: 'plain' }).url, { login: 'octocat' });
    expect(plain.searchParams.get('error')).toBe('invalid_request');

    const flow = startFlow({ redirect_uri: 'http://127.0.0.1:4999/not-registered' });
    const mismatch = await github.authorize(flow.url, { login: 'octocat' });
    expect(mismatch.origin + mismatch.pathname).toBe(redirectUri);
    expect(mismatch.searchParams.get('error')).toBe('redirect_uri_mismatch');
    expect(mismatch.searchParams.get('state')).toBe(flow.state);

    const denied = startFlow();
    const cancel = await github.authorize(denied.url, { deny: true });
    expect(cancel.searchParams.get('error')).toBe('access_denied');
    expect(cancel.searchParams.get('state')).toBe(denied.state);

    await expect(github.authorize(startFlow({ client_id: 'unknown' }).url, { login: 'octocat' })).rejects.toBeInstanceOf(AuthorizeError);
  });

  it('shows a "Sign in as <login>" page, or approves at once in auto-approve mode', async () => {
    const page = await fetch(startFlow().url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<button type="submit" name="login" value="octocat">Sign in as octocat<\/button>/);

    github.setAutoApprove('octocat');
    try {
      const auto = await fetch(startFlow().url, { redirect: 'manual' });
      expect(auto.status).toBe(302);
      expect(new URL(auto.headers.get('location') ?? '').searchParams.get('code')).toMatch(/.+/);
    } finally {
      github.setAutoApprove(null);
    }
  });

  it('answers 401 for a bad token, 404 for /user/emails without the scope, and follows user changes', async () => {
    expect((await api('/user', 'gho_nope')).status).toBe(401);
    expect(await (await api('/user', 'gho_nope')).json()).toMatchObject({ message: 'Bad credentials' });

    const a = await codeFor({ scope: 'read:user' });
    const { access_token } = JSON.parse((await exchange({ ...creds, code: a.code, code_verifier: a.verifier })).text) as { access_token: string };
    expect((await api('/user/emails', access_token)).status).toBe(404);

    github.addUser({ id: 42, login: 'hubot', name: null, emails: [{ email: 'hubot@example.com', primary: true, verified: true, visibility: 'public' }] });
    const flow = startFlow();
    const callback = await github.authorize(flow.url, { login: 'hubot' });
    const hubot = JSON.parse((await exchange({ ...creds, code: callback.searchParams.get('code') ?? '', code_verifier: flow.verifier })).text) as { access_token: string };
    expect(await (await api('/user', hubot.access_token)).json()).toMatchObject({ id: 42, login: 'hubot', name: null, email: 'hubot@example.com' });
    github.updateUser('hubot', { emails: [{ email: 'hubot@example.com', primary: true, verified: false }] });
    expect(await (await api('/user/emails', hubot.access_token)).json()).toEqual([{ email: 'hubot@example.com', primary: true, verified: false, visibility: 'private' }]);

    github.revokeTokens();
    expect((await api('/user', hubot.access_token)).status).toBe(401);
  });
});
