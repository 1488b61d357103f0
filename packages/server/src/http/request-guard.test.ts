import { describe, expect, it } from 'vitest';
import { createUsherApp } from '../app.ts';
import { createPbkdf2Hasher } from '../crypto/pbkdf2-hasher.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import type { PasswordHasher } from '../deps.ts';
import { APP_ORIGIN, BASE, call, createTestApp, signUp, testServerConfig } from '../routes/test-support.ts';
import { createManualClock } from '../services/clock.ts';
import { createMemoryStore } from '../store/memory/index.ts';

/** A hasher that counts its work, to prove that refused requests never reached it. */
function countingHasher(): PasswordHasher & { calls: number } {
  const inner = createPbkdf2Hasher({ iterations: 1000 });
  const hasher = {
    calls: 0,
    hash(password: string) {
      hasher.calls += 1;
      return inner.hash(password);
    },
    verify(hash: string, password: string) {
      hasher.calls += 1;
      return inner.verify(hash, password);
    },
  };
  return hasher;
}

function post(path: string, init: { headers?: Record<string, string>; body?: string } = {}): Request {
  return new Request(`${BASE}${path}`, { method: 'POST', headers: init.headers, body: init.body });
}

describe('CSRF: state-changing requests need an allowed origin', () => {
  it('an allowed Origin with a JSON body passes', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN, 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(200);
  });

  it('the public URL is an allowed origin too', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: 'http://localhost:4000', 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(200);
  });

  it.each([
    ['a foreign origin', { origin: 'https://evil.com', 'content-type': 'application/json' }],
    ['Origin: null (sandboxed iframe, file://)', { origin: 'null', 'content-type': 'application/json' }],
    ['an allowed origin on another port', { origin: 'http://localhost:3001', 'content-type': 'application/json' }],
    ['an allowed host over another scheme', { origin: 'https://localhost:3000', 'content-type': 'application/json' }],
    ['no Origin and no Sec-Fetch-Site in cookie mode', { 'content-type': 'application/json' }],
    ['no Origin, Sec-Fetch-Site: cross-site', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }],
    ['a foreign origin claiming same-origin', { origin: 'https://evil.com', 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }],
    ['a foreign origin in bearer mode', { origin: 'https://evil.com', 'content-type': 'application/json', 'x-usher-bearer': '1' }],
  ])('%s → 403 origin_invalid and nothing is created', async (_name, headers) => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers, body: '{"email_address":"a@example.com"}' }));
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].code).toBe('origin_invalid');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-usher-client-token')).toBeNull();
  });

  it('a cross-site text/plain form post is 403', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ins', { headers: { origin: 'https://evil.com', 'content-type': 'text/plain' }, body: '{"identifier":"a@example.com"}' }));
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].code).toBe('origin_invalid');
  });

  it('no Origin but Sec-Fetch-Site: same-origin passes', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(200);
  });

  it('no Origin in bearer mode passes (native apps, servers)', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { 'x-usher-bearer': '1', 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-usher-client-token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads are not guarded', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(new Request(`${BASE}/v1/environment`, { headers: { origin: 'https://evil.com' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request bodies', () => {
  it('a non-JSON content type with an allowed origin is 415', async () => {
    const t = createTestApp();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN, 'content-type': type }, body: '{}' }));
      expect(res.status).toBe(415);
      expect((await res.json()).errors[0].code).toBe('unsupported_media_type');
    }
  });

  it('a body without a content type is 415; no body at all is fine where none is needed', async () => {
    const t = createTestApp();
    const withBody = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN }, body: '{}' }));
    expect(withBody.status).toBe(415);
    const empty = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN } }));
    expect(empty.status).toBe(200);
  });

  it('application/json; charset=utf-8 is JSON', async () => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN, 'content-type': 'application/json; charset=utf-8' }, body: '{}' }));
    expect(res.status).toBe(200);
  });

  it.each(['{', '{"a":', 'nope', '{"email_address": "a@example.com",}', "{'a':1}"])('malformed JSON %j is 400 request_body_invalid', async (body) => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN, 'content-type': 'application/json' }, body }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].code).toBe('request_body_invalid');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it.each(['[]', '"text"', '42', 'null', 'true'])('a JSON body that is not an object (%s) is 400', async (body) => {
    const t = createTestApp();
    const res = await t.app.fetch(post('/v1/client/sign_ups', { headers: { origin: APP_ORIGIN, 'content-type': 'application/json' }, body }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].code).toBe('request_body_invalid');
  });

  it('a 10 KB password is 413 before anything is parsed or hashed', async () => {
    const hasher = countingHasher();
    const t = createTestApp({ hasher });
    // The first request prepares the instance (including one decoy hash); count from after it.
    await call(t.app, 'GET', '/v1/environment');
    hasher.calls = 0;
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com', password: 'p'.repeat(10 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].code).toBe('request_body_too_large');
    expect(hasher.calls).toBe(0);
    expect(res.token).toBeNull();
  });

  it('a large body is refused even when Content-Length lies or is absent (streamed)', async () => {
    const t = createTestApp();
    const chunk = new TextEncoder().encode('x'.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 16) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${BASE}/v1/client/sign_ins`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const res = await t.app.fetch(request);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(16);
  });

  it('a password over the maximum but within the body limit is 422 too long, without hashing', async () => {
    const hasher = countingHasher();
    const t = createTestApp({ hasher });
    // The first request prepares the instance (including one decoy hash); count from after it.
    await call(t.app, 'GET', '/v1/environment');
    hasher.calls = 0;
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com', password: 'p'.repeat(1000) } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('form_password_length_too_long');
    expect(hasher.calls).toBe(0);
  });

  it('every problem of a body is reported, each with its field', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 1, first_name: false, evil: 1 } });
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { meta: { param_name: string } }) => e.meta.param_name).sort();
    expect(fields).toEqual(['email_address', 'evil', 'first_name']);
    for (const error of res.body.errors) expect(error.message).not.toMatch(/received/);
  });

  it('a missing required field is form_param_missing', async () => {
    const t = createTestApp();
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'a@example.com' } });
    const res = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: { strategy: 'password' } });
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'password' } });
    const noStrategy = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: {} });
    expect(noStrategy.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'strategy' } });
  });
});

describe('errors', () => {
  it('an unknown route is 404 not_found JSON', async () => {
    const t = createTestApp();
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['GET', '/nothing'],
      ['PUT', '/v1/client'],
      ['GET', '/v1/client/sessions/sess_x/tokens/template'],
    ] as const) {
      const res = await call(t.app, method, path);
      expect(res.status).toBe(404);
      expect(res.body.errors[0]).toMatchObject({ code: 'not_found', message: expect.any(String), long_message: expect.any(String) });
    }
  });

  it('a failure that is not an UsherError is a 500 internal_error that reveals nothing', async () => {
    const store = createMemoryStore();
    const logged: string[] = [];
    const app = createUsherApp({
      store: {
        ...store,
        findUserByEmailAddress: async () => {
          throw new Error('connection reset by peer');
        },
      },
      hasher: createPbkdf2Hasher({ iterations: 1000 }),
      clock: createManualClock(),
      random: webCryptoRandom,
      config: testServerConfig(),
      logger: { info: () => {}, warn: () => {}, error: (message, fields) => logged.push(JSON.stringify({ message, ...fields })) },
    });
    const res = await call(app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'a@example.com', strategy: 'password', password: 'secret password 123' } });
    expect(res.status).toBe(500);
    expect(res.body.errors[0].code).toBe('internal_error');
    expect(JSON.stringify(res.body)).not.toContain('connection reset');
    expect(logged.join('\n')).toContain('connection reset');
    expect(logged.join('\n')).not.toContain('secret password 123');
  });

  it('answers are never cached', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'a@example.com');
    const res = await call(t.app, 'GET', '/v1/client', { token: user.token });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
