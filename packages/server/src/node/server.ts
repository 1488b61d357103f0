import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { createUsherApp } from '../app.ts';
import { DevMailboxMailer } from '../mail/dev-mailbox-mailer.ts';
import { createOutboxWorker } from '../jobs/outbox-worker.ts';
import { INSTANCE_CONFIG_KEY, defaultInstanceConfig } from '../config/instance.ts';
import { loadInstanceSecret } from '../crypto/instance-secret.ts';
import { KeyRing } from '../crypto/signing-keys.ts';
import { createUnlimitedRateLimiter } from '../ratelimit/unlimited-rate-limiter.ts';
import { createRedisRateLimiter } from './redis-rate-limiter.ts';
import type { Clock, Logger, Mailer, Random } from '../deps.ts';
import type { Store } from '../store/types.ts';
import { Argon2Hasher } from './argon2-hasher.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { SmtpMailer } from './smtp-mailer.ts';
import { withBoundPort, type NodeServerSettings } from './env-config.ts';
import { DevSmsBox } from '../mail/dev-sms-box.ts';
import { createOfflineBreachChecker, createRangeBreachChecker } from '../passwords/breach-checker.ts';
import { createTwilioSmsSender } from '../mail/twilio-sms-sender.ts';

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:4000. */
  url: string;
  /** The public URL the app runs with, with the bound port filled in when the settings asked for port 0. */
  publicUrl: string;
  store: Store;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => Date.now() };
const systemRandom: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };

export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresStore(databaseUrl);
  const file = databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return openSqliteStore(file);
}

/** Lines of the outbox worker, prefixed so they stand out among the server's own. */
function lineLogger(prefix: string, log: (line: string) => void): Logger {
  const write = (message: string, fields?: Record<string, unknown>) => log(`${prefix} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { info: write, warn: write, error: write };
}

function listen(server: ServerType, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Starts the API and the outbox worker in this process. Several processes may run against one
 * PostgreSQL database: the store's atomic operations and the outbox leases make that safe.
 * With port 0 the system picks a free port, and the public URL and allowed origins that say
 * `:0` are given that port before the app is built.
 */
export async function startUsherServer(settings: NodeServerSettings, log: (line: string) => void = console.log): Promise<RunningServer> {
  const store = await openStore(settings.databaseUrl);
  await store.putSettingIfAbsent(INSTANCE_CONFIG_KEY, defaultInstanceConfig());
  // First start creates the instance secret and a signing key now, not on the first request,
  // so JWKS is complete from the start and a misconfigured database fails before listening.
  await loadInstanceSecret(store, systemRandom);
  await new KeyRing(store, systemClock).ensureKey();

  // The app is built once the port is known (see above); no request is read before that.
  let app: Hono | null = null;
  // The app sees only web-standard Requests; the peer address comes from Node's socket.
  const peers = new WeakMap<Request, string>();
  const server = createAdaptorServer({
    fetch: (request, env) => {
      const address = env.incoming.socket.remoteAddress;
      if (address) peers.set(request, address);
      return app ? app.fetch(request, env) : new Response(null, { status: 503 });
    },
  });
  let port: number;
  try {
    port = await listen(server, settings.port, settings.host);
  } catch (error) {
    await store.close();
    throw error;
  }

  const config = withBoundPort(settings.server, port);
  // Several instances share their budgets through Redis; one instance keeps them in memory.
  const redisLimiter = !settings.rateLimitsOff && settings.redisUrl ? createRedisRateLimiter(settings.redisUrl, { logger: lineLogger('[ratelimit]', log) }) : null;
  app = createUsherApp({
    store,
    hasher: new Argon2Hasher(),
    clock: systemClock,
    random: systemRandom,
    config,
    clientIp: (request) => peers.get(request),
    // The offline list always answers; a configured range API is asked first, the list when it is down.
    breachChecker: settings.breachRangeUrl
      ? createRangeBreachChecker({ endpoint: settings.breachRangeUrl, fallback: createOfflineBreachChecker(), logger: lineLogger('[passwords]', log) })
      : createOfflineBreachChecker(),
    ...(settings.rateLimitsOff ? { rateLimiter: createUnlimitedRateLimiter() } : redisLimiter ? { rateLimiter: redisLimiter } : {}),
  });
  if (settings.rateLimitsOff) log('Rate limits are OFF (USHER_RATE_LIMITS=off): for automated test suites in development only.');

  const smtp = settings.smtpUrl ? new SmtpMailer(settings.smtpUrl, settings.mailFrom) : null;
  const mailer: Mailer = smtp ?? new DevMailboxMailer(store, systemClock);
  // Text messages: Twilio when configured, else the dev SMS box in development (none in production:
  // a text message is then dead-lettered with the reason).
  const sms = settings.twilio ? createTwilioSmsSender(settings.twilio) : config.environment === 'development' ? new DevSmsBox(store, systemClock) : undefined;
  const worker = createOutboxWorker({ store, mailer, ...(sms ? { sms } : {}), clock: systemClock, publicUrl: config.publicUrl, logger: lineLogger('[outbox]', log) });
  worker.start(500);

  return {
    url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
    publicUrl: config.publicUrl,
    store,
    async close() {
      await worker.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold close() open; requests in flight still finish.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await closed;
      smtp?.close();
      await redisLimiter?.close();
      await store.close();
    },
  };
}
