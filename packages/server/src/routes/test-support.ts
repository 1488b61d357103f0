/**
 * What the HTTP-level tests share: an app on a memory store with a fast PBKDF2 hasher, a manual
 * clock and a real outbox worker delivering into the dev mailbox. Not part of the public API.
 */
import { BEARER_MODE_HEADER, CLIENT_TOKEN_HEADER, type DevMessageJSON } from '@usher/protocol';
import type { Hono } from 'hono';
import { createUsherApp } from '../app.ts';
import { defaultInstanceConfig, type InstanceConfig } from '../config/instance.ts';
import { relaxedRateLimits } from '../config/rate-limits.ts';
import { createPbkdf2Hasher } from '../crypto/pbkdf2-hasher.ts';
import { webCryptoRandom } from '../crypto/random.ts';
import type { PasswordHasher, RateLimiter, ServerConfig, UsherAppDeps } from '../deps.ts';
import { createOutboxWorker, type OutboxWorker } from '../jobs/outbox-worker.ts';
import { DevMailboxMailer } from '../mail/dev-mailbox-mailer.ts';
import { DevSmsBox } from '../mail/dev-sms-box.ts';
import { createManualClock, type ManualClock } from '../services/clock.ts';
import { createMemoryStore } from '../store/memory/index.ts';
import type { Store } from '../store/types.ts';
import type { WebhookSender } from '../jobs/webhook-sender.ts';

export const APP_ORIGIN = 'http://localhost:3000';
export const PUBLIC_URL = 'http://localhost:4000';
export const BASE = 'http://localhost:4000';

export function testServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { environment: 'development', publicUrl: PUBLIC_URL, allowedOrigins: [APP_ORIGIN], trustedProxies: [], secureCookies: true, ...overrides };
}

export interface TestApp {
  app: Hono;
  store: Store;
  clock: ManualClock;
  worker: OutboxWorker;
  config: InstanceConfig;
}

export interface TestAppOptions {
  instance?: (config: InstanceConfig) => void;
  server?: Partial<ServerConfig>;
  hasher?: PasswordHasher;
  /** Defaults to a fresh memory store. */
  store?: Store;
  /**
   * `relaxed` (default): budgets no test reaches, since every test request comes from the same
   * in-process client in a few milliseconds. `default`: the product's budgets, for tests about
   * rate limiting. Applied before `instance`, which may still change them.
   */
  rateLimits?: 'relaxed' | 'default';
  /** The peer address of a request (as Node's socket would give it); none by default. */
  clientIp?: UsherAppDeps['clientIp'];
  rateLimiter?: RateLimiter;
  /** Default: the offline list of common breached passwords. */
  breachChecker?: UsherAppDeps['breachChecker'];
  /** Where the test app's worker POSTs webhooks (default: fetch). */
  webhookSender?: WebhookSender;
}

export function createTestApp(options: TestAppOptions = {}): TestApp {
  const store = options.store ?? createMemoryStore();
  const clock = createManualClock(Date.UTC(2030, 0, 1, 12));
  const config = defaultInstanceConfig();
  if ((options.rateLimits ?? 'relaxed') === 'relaxed') config.rateLimits = relaxedRateLimits();
  options.instance?.(config);
  const server = testServerConfig(options.server);
  const app = createUsherApp({
    store,
    hasher: options.hasher ?? createPbkdf2Hasher({ iterations: 1000 }),
    clock,
    random: webCryptoRandom,
    config: server,
    instanceConfig: config,
    clientIp: options.clientIp,
    rateLimiter: options.rateLimiter,
    ...(options.breachChecker ? { breachChecker: options.breachChecker } : {}),
  });
  const worker = createOutboxWorker({
    store,
    mailer: new DevMailboxMailer(store, clock),
    sms: new DevSmsBox(store, clock),
    clock,
    publicUrl: server.publicUrl,
    instanceConfig: config,
    ...(options.webhookSender ? { webhookSender: options.webhookSender } : {}),
  });
  return { app, store, clock, worker, config };
}

export interface ApiResult {
  status: number;
  // Tests read answers loosely; the wire types are checked by the type checker elsewhere.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
  /** The bearer-mode client token the answer carries, if any. */
  token: string | null;
}

export interface CallOptions {
  /** Bearer client token; `null` asks for bearer mode without one yet. */
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  origin?: string | null;
}

/** One bearer-mode API call from the allowed app origin. */
export async function call(app: Hono, method: string, path: string, options: CallOptions = {}): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  else headers[BEARER_MODE_HEADER] = '1';
  const origin = options.origin === undefined ? APP_ORIGIN : options.origin;
  if (origin !== null) headers.origin = origin;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const res = await app.request(`${BASE}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers, token: res.headers.get(CLIENT_TOKEN_HEADER) };
}

/** Delivers the outbox and answers the dev mailbox, oldest first. */
export async function mailbox(t: TestApp): Promise<DevMessageJSON[]> {
  // Until nothing is due: change events queued before an email would otherwise fill a round.
  for (let round = 0; round < 20 && (await t.worker.runOnce()) > 0; round++);
  const res = await call(t.app, 'GET', '/v1/dev/mailbox?limit=500');
  return res.body.data as DevMessageJSON[];
}

/**
 * The 6-digit code of the latest email to `to` that carries one (notices delivered at the same
 * instant of the test clock, such as "2-step verification changed", are passed over).
 */
export async function latestCode(t: TestApp, to: string): Promise<string> {
  const messages = (await mailbox(t)).filter((m) => m.to === to);
  const code = messages.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).filter((c): c is string => c !== undefined).at(-1);
  if (!code) throw new Error(`no code was emailed to ${to}`);
  return code;
}

export interface SignedUp {
  token: string;
  userId: string;
  sessionId: string;
}

/** Signs a new user up with email + password through the API and answers the device's token. */
export async function signUp(t: TestApp, email: string, password = 'correct horse battery'): Promise<SignedUp> {
  const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: email, password } });
  if (created.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(created.body)}`);
  const id = created.body.response.id as string;
  const token = created.token as string;
  await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' } });
  const code = await latestCode(t, email);
  const done = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code } });
  if (done.body?.response?.status !== 'complete') throw new Error(`sign-up did not complete: ${JSON.stringify(done.body)}`);
  return { token: done.token as string, userId: done.body.response.created_user_id, sessionId: done.body.response.created_session_id };
}
