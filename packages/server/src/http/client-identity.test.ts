import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, BASE, call, createTestApp, latestCode, type TestApp } from '../routes/test-support.ts';

/** A browser-like request in cookie mode from the allowed app origin. */
async function browser(t: TestApp, method: string, path: string, cookie: string | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { origin: APP_ORIGIN };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return t.app.fetch(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

function cookieValue(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    if (line.startsWith(`${name}=`)) return line.slice(name.length + 1).split(';')[0] ?? null;
  }
  return null;
}

function cookieLine(res: Response, name: string): string {
  return res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`)) ?? '';
}

/** Signs a user up in cookie mode and answers the final response. */
async function cookieSignUp(t: TestApp, email: string): Promise<{ firstCookie: string; final: Response }> {
  const created = await browser(t, 'POST', '/v1/client/sign_ups', null, { email_address: email, password: 'correct horse battery' });
  const firstCookie = `__client=${cookieValue(created, '__client')}`;
  const id = ((await created.json()) as { response: { id: string } }).response.id;
  await browser(t, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, firstCookie, { strategy: 'email_code' });
  const code = await latestCode(t, email);
  const final = await browser(t, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, firstCookie, { strategy: 'email_code', code });
  return { firstCookie, final };
}

describe('the __client cookie', () => {
  it('is HttpOnly, Secure, SameSite=Lax, Path=/ with a long Max-Age', async () => {
    const t = createTestApp();
    const res = await browser(t, 'POST', '/v1/client/sign_ups', null, {});
    const line = cookieLine(res, '__client');
    expect(line).toMatch(/^__client=[A-Za-z0-9_-]{43}; /);
    expect(line).toContain('HttpOnly');
    expect(line).toContain('Secure');
    expect(line).toContain('SameSite=Lax');
    expect(line).toContain('Path=/');
    expect(Number(/Max-Age=(\d+)/.exec(line)?.[1])).toBeGreaterThanOrEqual(30 * 24 * 3600);
    expect(line).not.toMatch(/Domain=/i);
    expect(res.headers.get('x-usher-client-token')).toBeNull();
  });

  it('is not Secure when the instance serves plain-http localhost', async () => {
    const t = createTestApp({ server: { secureCookies: false } });
    const res = await browser(t, 'POST', '/v1/client/sign_ups', null, {});
    expect(cookieLine(res, '__client')).not.toContain('Secure');
  });

  it('is only set when the token is new', async () => {
    const t = createTestApp();
    const created = await browser(t, 'POST', '/v1/client/sign_ups', null, {});
    const cookie = `__client=${cookieValue(created, '__client')}`;
    const again = await browser(t, 'GET', '/v1/client', cookie);
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('rotates at sign-up completion: the old value no longer names the client', async () => {
    const t = createTestApp();
    const { firstCookie, final } = await cookieSignUp(t, 'jane@example.com');
    const rotated = cookieValue(final, '__client');
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(`__client=${rotated}`).not.toBe(firstCookie);
    const withOld = (await (await browser(t, 'GET', '/v1/client', firstCookie)).json()) as { client: unknown };
    expect(withOld.client).toBeNull();
    const withNew = (await (await browser(t, 'GET', '/v1/client', `__client=${rotated}`)).json()) as { client: { sessions: unknown[] } };
    expect(withNew.client.sessions).toHaveLength(1);
  });

  it('rotates at sign-in completion: a fixated token planted before sign-in is useless after it', async () => {
    const t = createTestApp();
    await cookieSignUp(t, 'jane@example.com');
    // The attacker obtains a client token and plants it in the victim's browser.
    const planted = await browser(t, 'POST', '/v1/client/sign_ins', null, {});
    const plantedCookie = `__client=${cookieValue(planted, '__client')}`;
    const signedIn = await browser(t, 'POST', '/v1/client/sign_ins', plantedCookie, { identifier: 'jane@example.com', strategy: 'password', password: 'correct horse battery' });
    expect(signedIn.status).toBe(200);
    const fresh = cookieValue(signedIn, '__client');
    expect(`__client=${fresh}`).not.toBe(plantedCookie);
    const attacker = (await (await browser(t, 'GET', '/v1/client', plantedCookie)).json()) as { client: unknown };
    expect(attacker.client).toBeNull();
    const sessionId = ((await signedIn.json()) as { response: { created_session_id: string } }).response.created_session_id;
    const mint = await browser(t, 'POST', `/v1/client/sessions/${sessionId}/tokens`, plantedCookie);
    expect(mint.status).toBe(401);
  });

  it('__client_uat is set to the second of sign-in and of sign-out, readable by scripts', async () => {
    const t = createTestApp();
    const { final } = await cookieSignUp(t, 'jane@example.com');
    const line = cookieLine(final, '__client_uat');
    expect(line).toMatch(new RegExp(`^__client_uat=${Math.floor(t.clock.now() / 1000)}; `));
    expect(line).not.toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    t.clock.advance(5000);
    const out = await browser(t, 'DELETE', '/v1/client/sessions', `__client=${cookieValue(final, '__client')}`);
    expect(cookieValue(out, '__client_uat')).toBe(String(Math.floor(t.clock.now() / 1000)));
  });
});

describe('bearer mode', () => {
  it('x-usher-bearer: 1 gets the token in a header, never a cookie', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {} });
    expect(res.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('Authorization: Bearer names the client; the header echoes the current token, and the rotated one after sign-in', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const read = await call(t.app, 'GET', '/v1/client', { token: created.token });
    expect(read.token).toBe(created.token);
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const done = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code: await latestCode(t, 'jane@example.com') } });
    expect(done.token).not.toBe(created.token);
    expect((await call(t.app, 'GET', '/v1/client', { token: created.token })).body.client).toBeNull();
    expect((await call(t.app, 'GET', '/v1/client', { token: done.token })).body.client.sessions).toHaveLength(1);
  });

  it('a cookie is ignored in bearer mode', async () => {
    const t = createTestApp();
    const created = await browser(t, 'POST', '/v1/client/sign_ups', null, {});
    const cookie = `__client=${cookieValue(created, '__client')}`;
    const res = await call(t.app, 'GET', '/v1/client', { token: null, headers: { cookie } });
    expect(res.body.client).toBeNull();
  });
});

describe('CORS', () => {
  it('an allowed origin may read answers with credentials and see the token header', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'GET', '/v1/environment');
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-usher-client-token');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('error answers carry CORS headers too, so the SDK can read them', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { nope: 1 } });
    expect(res.status).toBe(422);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  it('answers the preflight of an allowed origin', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(
      new Request(`${BASE}/v1/client/sign_ins`, { method: 'OPTIONS', headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives a foreign origin nothing', async () => {
    const t = createTestApp();
    const preflight = await t.app.fetch(new Request(`${BASE}/v1/client/sign_ins`, { method: 'OPTIONS', headers: { origin: 'https://evil.com', 'access-control-request-method': 'POST' } }));
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await t.app.fetch(new Request(`${BASE}/v1/client`, { headers: { origin: 'https://evil.com' } }));
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the Date header', () => {
  it('follows the injected clock, so clients can learn their skew in-process too', async () => {
    const t = createTestApp();
    t.clock.set(Date.UTC(2031, 5, 1, 8, 30, 0));
    const res = await call(t.app, 'GET', '/v1/environment');
    expect(res.headers.get('date')).toBe('Sun, 01 Jun 2031 08:30:00 GMT');
  });
});
