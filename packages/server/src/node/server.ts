import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve, type HttpBindings } from '@hono/node-server';
import { createUsherApp } from '../app.ts';
import { DevMailboxMailer } from '../mail/dev-mailbox-mailer.ts';
import { createOutboxWorker } from '../jobs/outbox-worker.ts';
import { INSTANCE_CONFIG_KEY, defaultInstanceConfig } from '../config/instance.ts';
import type { Clock, Mailer, Random } from '../deps.ts';
import type { Store } from '../store/types.ts';
import { Argon2Hasher } from './argon2-hasher.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { SmtpMailer } from './smtp-mailer.ts';
import type { NodeServerSettings } from './env-config.ts';

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:4000. */
  url: string;
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

/**
 * Starts the API and the outbox worker in this process. Several processes may run against one
 * PostgreSQL database: the store's atomic operations and the outbox leases make that safe.
 */
export async function startUsherServer(settings: NodeServerSettings, log: (line: string) => void = console.log): Promise<RunningServer> {
  const store = await openStore(settings.databaseUrl);
  await store.putSettingIfAbsent(INSTANCE_CONFIG_KEY, defaultInstanceConfig());

  const smtp = settings.smtpUrl ? new SmtpMailer(settings.smtpUrl, settings.mailFrom) : null;
  const mailer: Mailer = smtp ?? new DevMailboxMailer(store, systemClock);

  // The app sees only web-standard Requests; the peer address comes from Node's socket.
  const peers = new WeakMap<Request, string>();
  const app = createUsherApp({
    store,
    hasher: new Argon2Hasher(),
    clock: systemClock,
    random: systemRandom,
    config: settings.server,
    clientIp: (request) => peers.get(request),
  });

  const worker = createOutboxWorker({ store, mailer, clock: systemClock, logger: (line: string) => log(`[outbox] ${line}`) });
  worker.start(500);

  const server = serve({
    fetch: (request: Request, env: HttpBindings) => {
      const address = env.incoming.socket.remoteAddress;
      if (address) peers.set(request, address);
      return app.fetch(request, env);
    },
    port: settings.port,
    hostname: settings.host,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;

  return {
    url: `http://${settings.host === '0.0.0.0' ? 'localhost' : settings.host}:${port}`,
    store,
    async close() {
      worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      smtp?.close();
      await store.close();
    },
  };
}
