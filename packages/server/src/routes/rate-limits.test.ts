import { describe, expect, it } from 'vitest';
import { createUsherApp } from '../app.ts';
import { INSTANCE_CONFIG_KEY } from '../config/instance.ts';
import { createPbkdf2Hasher } from '../crypto/pbkdf2-hasher.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import { createMemoryRateLimiter } from '../ratelimit/memory-rate-limiter.ts';
import { createManualClock } from '../services/clock.ts';
import { createMemoryStore } from '../store/memory/index.ts';
import { APP_ORIGIN, call, createTestApp, testServerConfig } from './test-support.ts';

/** Stands in for Node's socket address: each test request names its peer in this header. */
const PEER = 'x-test-peer';
const peerOf = (request: Request) => request.headers.get(PEER) ?? undefined;

const JANE = { identifier: 'jane@example.com' };

describe('sign-in creation: 5 per 10 seconds per IP', () => {
  it('the 6th within 10 s is 429 too_many_requests with Retry-After, and stores nothing', async () => {
    const memory = createMemoryStore();
    let signInsStored = 0;
    const store = { ...memory, createSignIn: (...args: Parameters<typeof memory.createSignIn>) => (signInsStored++, memory.createSignIn(...args)) };
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf, store });
    const headers = { [PEER]: '198.51.100.1' };
    let token: string | null = null;
    let lastId = '';
    for (let i = 0; i < 5; i++) {
      const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token, body: JANE, headers });
      expect(res.status).toBe(200);
      token = res.token;
      lastId = res.body.response.id;
      t.clock.advance(1000);
    }
    const refused = await call(t.app, 'POST', '/v1/client/sign_ins', { token, body: JANE, headers });
    expect(refused.status).toBe(429);
    // The first of the five was 5 s ago: the window ends in 5 s.
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toEqual({ errors: [{ code: 'too_many_requests', message: expect.any(String), long_message: expect.any(String), meta: { retry_after_seconds: 5 } }] });
    expect(signInsStored).toBe(5);
    const client = await call(t.app, 'GET', '/v1/client', { token, headers });
    expect(client.body.client.sign_in.id).toBe(lastId);
    // The browser may read the answer (CORS), nothing caches it, and the device keeps its client.
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.token).toBe(token);
  });

  it('works again once Retry-After has passed', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const headers = { [PEER]: '198.51.100.1' };
    for (let i = 0; i < 5; i++) expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers })).status).toBe(200);
    t.clock.advance(4_000);
    const refused = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('6');
    t.clock.advance(5_999);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers })).status).toBe(429);
    t.clock.advance(1);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers })).status).toBe(200);
  });

  it('rounds Retry-After up to whole seconds', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const headers = { [PEER]: '198.51.100.1' };
    for (let i = 0; i < 5; i++) await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers });
    t.clock.advance(8_500);
    const refused = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers });
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body.errors[0].meta.retry_after_seconds).toBe(2);
  });

  it('two IPv4 addresses have separate budgets', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    for (let i = 0; i < 5; i++) await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '198.51.100.1' } });
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '198.51.100.1' } })).status).toBe(429);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '198.51.100.2' } })).status).toBe(200);
    // The same address seen through a dual-stack socket is the same client.
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '::ffff:198.51.100.1' } })).status).toBe(429);
  });

  it('IPv6 addresses in one /64 share a budget; another /64 has its own', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    for (let i = 1; i <= 5; i++) {
      const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: `2001:db8:1:2::${i}` } });
      expect(res.status).toBe(200);
    }
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '2001:DB8:1:2:ffff:ffff:ffff:fffe' } })).status).toBe(429);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '2001:db8:1:3::1' } })).status).toBe(200);
  });

  it('requests without a peer address (in-process) share one budget and are limited too', async () => {
    const t = createTestApp({ rateLimits: 'default' });
    for (let i = 0; i < 5; i++) expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(200);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(429);
  });

  it('sign-ups have their own budget of 5 per 10 s', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const headers = { [PEER]: '198.51.100.1' };
    for (let i = 0; i < 5; i++) await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers });
    for (let i = 0; i < 5; i++) expect((await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {}, headers })).status).toBe(200);
    const refused = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {}, headers });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].code).toBe('too_many_requests');
  });
});

describe('X-Forwarded-For', () => {
  it('is ignored from a peer that is not a trusted proxy: forging it does not escape the limit', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf, server: { trustedProxies: ['10.0.0.0/8'] } });
    for (let i = 0; i < 5; i++) {
      await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '203.0.113.7', 'x-forwarded-for': `198.51.100.${i}` } });
    }
    const forged = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.99' } });
    expect(forged.status).toBe(429);
  });

  it('names the client behind a trusted proxy: clients behind it have their own budgets', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf, server: { trustedProxies: ['10.0.0.0/8'] } });
    const viaProxy = (forwardedFor: string) => ({ [PEER]: '10.0.0.1', 'x-forwarded-for': forwardedFor });
    for (let i = 0; i < 5; i++) expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: viaProxy('198.51.100.1') })).status).toBe(200);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: viaProxy('198.51.100.1') })).status).toBe(429);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: viaProxy('198.51.100.2') })).status).toBe(200);
    // What the client wrote itself (left of what the proxy appended) does not count.
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: viaProxy('192.0.2.55, 198.51.100.1') })).status).toBe(429);
  });

  it('an exact address is a trusted proxy too, and only that address', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf, server: { trustedProxies: ['10.0.0.1'] } });
    for (let i = 0; i < 5; i++) await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '10.0.0.1', 'x-forwarded-for': '198.51.100.1' } });
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '10.0.0.1', 'x-forwarded-for': '198.51.100.2' } })).status).toBe(200);
    // Its neighbour is not trusted: its own address counts, whatever it forwards.
    for (let i = 0; i < 5; i++) {
      const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '10.0.0.2', 'x-forwarded-for': `198.51.100.${10 + i}` } });
      expect(res.status).toBe(200);
    }
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers: { [PEER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.20' } })).status).toBe(429);
  });

  it('a trusted-proxy entry that is not an address fails when the app is built', () => {
    expect(() => createTestApp({ server: { trustedProxies: ['10.0.0.0/33'] } })).toThrow(TypeError);
  });
});

describe('reads and other mutations', () => {
  it('reads: 120 per 10 s per IP', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    for (let i = 0; i < 120; i++) {
      const path = i % 2 === 0 ? '/v1/environment' : '/v1/client';
      expect((await call(t.app, 'GET', path, { token: null, headers: { [PEER]: '198.51.100.1' } })).status).toBe(200);
    }
    const refused = await call(t.app, 'GET', '/v1/environment', { token: null, headers: { [PEER]: '198.51.100.1' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect((await call(t.app, 'GET', '/v1/environment', { token: null, headers: { [PEER]: '198.51.100.2' } })).status).toBe(200);
  });

  it('every mutation: 60 per 10 s per IP', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const headers = { [PEER]: '198.51.100.1' };
    for (let i = 0; i < 60; i++) expect((await call(t.app, 'DELETE', '/v1/client/sessions', { token: null, headers })).status).not.toBe(429);
    expect((await call(t.app, 'DELETE', '/v1/client/sessions', { token: null, headers })).status).toBe(429);
    // Creation budgets come on top: this IP can create nothing either for now.
    expect((await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {}, headers })).status).toBe(429);
  });

  it('forged cross-site requests are refused (403) without spending the budget', async () => {
    const t = createTestApp({ rateLimits: 'default', clientIp: peerOf });
    const headers = { [PEER]: '198.51.100.1' };
    for (let i = 0; i < 10; i++) expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE, headers })).status).toBe(200);
  });
});

describe('rate limits in the stored instance settings', () => {
  it('are merged over the defaults key by key, like the other settings', async () => {
    const store = createMemoryStore();
    await store.putSetting(INSTANCE_CONFIG_KEY, { rateLimits: { signInCreate: { limit: 2 } } });
    const clock = createManualClock();
    const app = createUsherApp({ store, hasher: createPbkdf2Hasher({ iterations: 1000 }), clock, random: webCryptoRandom, config: testServerConfig() });
    expect((await call(app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(200);
    expect((await call(app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(200);
    const refused = await call(app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
  });

  it('each app counts on its own unless given a shared limiter', async () => {
    const one = createTestApp({ rateLimits: 'default' });
    const two = createTestApp({ rateLimits: 'default' });
    for (let i = 0; i < 5; i++) await call(one.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE });
    expect((await call(one.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(429);
    expect((await call(two.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(200);

    // Several server instances behind one load balancer share one limiter (Redis in production).
    const rateLimiter = createMemoryRateLimiter();
    const first = createTestApp({ rateLimits: 'default', rateLimiter });
    const second = createTestApp({ rateLimits: 'default', rateLimiter });
    for (let i = 0; i < 5; i++) await call(i % 2 === 0 ? first.app : second.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE });
    expect((await call(second.app, 'POST', '/v1/client/sign_ins', { token: null, body: JANE })).status).toBe(429);
  });
});
