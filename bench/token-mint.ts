import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTANCE_CONFIG_KEY } from '../packages/server/src/config/instance.ts';
import { relaxedRateLimits } from '../packages/server/src/config/rate-limits.ts';
import { developmentSettings } from '../packages/server/src/node/env-config.ts';
import { startUsherServer } from '../packages/server/src/node/server.ts';

const ORIGIN = 'http://localhost:5173';

async function call(base: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...(token ? { authorization: `Bearer ${token}` } : { 'x-usher-bearer': '1' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a throwaway client for the benchmark
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
  return { json, token: response.headers.get('x-usher-client-token') ?? token };
}

async function latestCode(base: string, to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { json } = await call(base, '/v1/dev/mailbox', 'unused');
    const text = (json.data as Array<{ to: string; text: string }>).filter((m) => m.to === to).at(-1)?.text;
    const code = text?.match(/\b(\d{6})\b/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no verification code arrived');
}

/** Token mints per second and latency through the real HTTP server on SQLite (argon2id, loopback). */
export async function tokenMint(databaseUrl?: string, label = 'SQLite'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'usher-bench-'));
  const settings = developmentSettings({ PORT: '0', USHER_PUBLIC_URL: 'http://localhost:4000', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, dir);
  const server = await startUsherServer(settings, () => {});
  try {
    // 20 connections from one loopback address would measure the rate limiter's 429s (10 mints
    // per session per 10 s), not minting; the stored settings are read on every request.
    const stored = await server.store.getSetting<Record<string, unknown>>(INSTANCE_CONFIG_KEY);
    await server.store.putSetting(INSTANCE_CONFIG_KEY, { ...stored, rateLimits: relaxedRateLimits() });
    const base = server.url;
    const email = 'bench@example.com';
    let r = await call(base, '/v1/client/sign_ups', null, { email_address: email, password: 'a perfectly fine password' });
    r = await call(base, `/v1/client/sign_ups/${r.json.response.id}/prepare_verification`, r.token, { strategy: 'email_code' });
    const signUpId = r.json.response.id as string;
    r = await call(base, `/v1/client/sign_ups/${signUpId}/attempt_verification`, r.token, { strategy: 'email_code', code: await latestCode(base, email) });
    const sessionId = r.json.response.created_session_id as string;

    console.log(`\n# Token mint through HTTP (${label}, 20 connections, 10 s, loopback)`);
    const result = await autocannon({
      url: `${base}/v1/client/sessions/${sessionId}/tokens`,
      method: 'POST',
      connections: 20,
      duration: 10,
      headers: { 'content-type': 'application/json', origin: ORIGIN, authorization: `Bearer ${r.token}` },
      body: '{}',
    });
    console.log(`mint  ${result.requests.average.toFixed(0)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx ${result.non2xx}   errors ${result.errors}`);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same on PostgreSQL (DATABASE_URL), in a throwaway schema. */
export async function tokenMintOnPostgres(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('postgres')) {
    console.log('\n# Token mint on PostgreSQL: skipped (set DATABASE_URL=postgres://…)');
    return;
  }
  // pg is the server's dependency, not the workspace root's.
  const { createRequire } = await import('node:module');
  const pg = createRequire(new URL('../packages/server/package.json', import.meta.url))('pg') as {
    Pool: new (options: { connectionString: string; max: number }) => { query(text: string): Promise<unknown>; end(): Promise<void> };
  };
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const schema = `usher_bench_${Date.now().toString(36)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    await tokenMint(scoped.toString(), 'PostgreSQL');
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
