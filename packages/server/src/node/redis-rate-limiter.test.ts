/**
 * The Redis rate limiter against the real Redis of this machine (REDIS_URL), and two server
 * instances sharing one PostgreSQL database (DATABASE_URL) and one Redis: budgets, sessions and
 * sign-in state are common to both.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createUsherApp } from '../app.ts';
import { defaultInstanceConfig } from '../config/instance.ts';
import { createPbkdf2Hasher } from '../crypto/pbkdf2-hasher.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import { createManualClock } from '../services/clock.ts';
import type { Store } from '../store/types.ts';
import { openPostgresStore } from './postgres-store.ts';
import { createRedisRateLimiter, type RedisRateLimiter } from './redis-rate-limiter.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if ((!redisUrl || !databaseUrl) && process.env.CI === 'true') throw new Error('CI=true needs REDIS_URL and DATABASE_URL: the multi-instance suite must run in CI');

const limiters: RedisRateLimiter[] = [];
afterAll(async () => {
  await Promise.all(limiters.map((l) => l.close()));
});
const limiter = (prefix: string, options: Parameters<typeof createRedisRateLimiter>[1] = {}) => {
  const created = createRedisRateLimiter(redisUrl ?? 'redis://127.0.0.1:6379', { prefix, ...options });
  limiters.push(created);
  return created;
};
const freshPrefix = () => `usher:test:${randomBytes(6).toString('hex')}:`;

describe.skipIf(!redisUrl)('Redis rate limiter (REDIS_URL)', () => {
  const rule = { limit: 3, windowMs: 10_000 };

  it('allows `limit` hits per window, then answers the exact wait; a new window starts afresh', async () => {
    const rl = limiter(freshPrefix());
    const at = 1_000_000;
    expect(await rl.hit('k', rule, at)).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
    await rl.hit('k', rule, at + 1);
    expect(await rl.hit('k', rule, at + 2)).toEqual({ allowed: true, retryAfterMs: 0, remaining: 0 });
    expect(await rl.hit('k', rule, at + 4_000)).toEqual({ allowed: false, retryAfterMs: 6_000, remaining: 0 });
    expect((await rl.hit('other', rule, at + 4_000)).allowed).toBe(true);
    expect(await rl.hit('k', rule, at + 10_000)).toEqual({ allowed: true, retryAfterMs: 0, remaining: 2 });
  });

  it('a refused hit does not count, and two limiters on one Redis spend one budget', async () => {
    const prefix = freshPrefix();
    const a = limiter(prefix);
    const b = limiter(prefix);
    const at = 5_000_000;
    await a.hit('ip', rule, at);
    await b.hit('ip', rule, at);
    await a.hit('ip', rule, at);
    expect((await b.hit('ip', rule, at)).allowed).toBe(false);
    expect((await a.hit('ip', rule, at)).allowed).toBe(false);
    expect((await b.hit('ip', rule, at + 10_000)).remaining).toBe(2);
  });

  it('20 concurrent hits on a limit of 5 let exactly 5 through', async () => {
    const rl = limiter(freshPrefix());
    const results = await Promise.all(Array.from({ length: 20 }, () => rl.hit('burst', { limit: 5, windowMs: 60_000 }, 9_000_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('when Redis cannot be reached, lets the request through and logs why', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const logged: string[] = [];
    const rl = createRedisRateLimiter(`redis://127.0.0.1:${closed}`, { logger: { info: () => {}, warn: () => {}, error: (m) => logged.push(m) } });
    limiters.push(rl);
    expect(await rl.hit('k', rule, 1)).toEqual({ allowed: true, retryAfterMs: 0, remaining: 3 });
    expect(logged[0]).toMatch(/rate limiter unavailable/);
  });
});

describe.skipIf(!redisUrl || !databaseUrl)('two server instances on one PostgreSQL and one Redis', () => {
  it('share sessions, sign-in attempts and rate-limit budgets', async () => {
    const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const schema = `usher_multi_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    const stores: Store[] = [];
    try {
      const prefix = freshPrefix();
      const clock = createManualClock(Date.UTC(2030, 0, 1));
      const instance = defaultInstanceConfig();
      const apps = [];
      for (let i = 0; i < 2; i++) {
        const store = await openPostgresStore(databaseUrl!, { schema });
        stores.push(store);
        apps.push(
          createUsherApp({
            store,
            hasher: createPbkdf2Hasher({ iterations: 1000 }),
            clock,
            random: webCryptoRandom,
            config: { environment: 'development', publicUrl: 'http://localhost:4000', allowedOrigins: ['http://localhost:3000'], trustedProxies: [], secureCookies: false },
            instanceConfig: instance,
            clientIp: () => '203.0.113.9',
            rateLimiter: limiter(prefix),
          }),
        );
      }
      const [a, b] = apps as [ReturnType<typeof createUsherApp>, ReturnType<typeof createUsherApp>];
      const post = async (app: typeof a, path: string, token: string | null, body: unknown) => {
        const res = await app.request(`http://localhost:4000${path}`, {
          method: 'POST',
          headers: { origin: 'http://localhost:3000', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : { 'x-usher-bearer': '1' }) },
          body: JSON.stringify(body),
        });
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
        const json = (await res.json()) as Record<string, any>;
        return { status: res.status, body: json, token: res.headers.get('x-usher-client-token') ?? token };
      };

      // Sign up through A, verify through B: the attempt lives in the shared database.
      const created = await post(a, '/v1/client/sign_ups', null, { email_address: 'ada@example.com', password: 'correct horse battery' });
      await post(b, `/v1/client/sign_ups/${created.body.response.id}/prepare_verification`, created.token, { strategy: 'email_code' });
      const [verification] = await stores[0]!.listOutbox({});
      const code = /\b(\d{6})\b/.exec(String((verification!.payload as { text?: string }).text))?.[1];
      const done = await post(b, `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`, created.token, { strategy: 'email_code', code });
      expect(done.body.response.status).toBe('complete');
      // A session made on B mints on A.
      const minted = await post(a, `/v1/client/sessions/${done.body.response.created_session_id}/tokens`, done.token, {});
      expect(minted.status).toBe(200);

      // 5 sign-ins per 10 s per IP, across both instances: the sixth is refused wherever it lands.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 ? b : a, '/v1/client/sign_ins', null, { identifier: 'ada@example.com' })).status);
      expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
      expect(statuses[5]).toBe(429);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });
});
