/**
 * The outbox promise for webhooks, with real processes: a worker killed (SIGKILL) in the middle of
 * a delivery loses nothing, and after its lease runs out another worker delivers the event with
 * the same `webhook-id`, so the receiver processes it exactly once. Several workers on one
 * PostgreSQL never deliver one event twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../node/postgres-store.ts';
import { openSqliteStore } from '../node/sqlite-store.ts';
import { backendCall, givenSecretKey } from '../routes/bapi/backend-test-support.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../routes/bapi/webhook-receiver.test-support.ts';
import { createTestApp, PUBLIC_URL, type TestApp } from '../routes/test-support.ts';
import { systemClock } from '../services/clock.ts';
import type { Store } from '../store/types.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createFetchWebhookSender } from './webhook-sender.ts';

const FIXTURE = fileURLToPath(new URL('./outbox-worker-process.fixture.ts', import.meta.url));
const LEASE_MS = 1500;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, databaseUrl, PUBLIC_URL], { env: { ...process.env, LEASE_MS: String(LEASE_MS), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('exit', (code, signal) => reject(new Error(`worker exited early (${code ?? signal}): ${errors}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

/** An app on the given store whose clock is real time, so the worker processes see its rows as due. */
async function appOn(store: Store): Promise<{ t: TestApp; key: string; receiver: WebhookReceiver; secret: string }> {
  const t = createTestApp({ store });
  t.clock.set(Date.now());
  const key = await givenSecretKey(t);
  const receiver = await startWebhookReceiver();
  cleanups.push(() => receiver.close());
  const created = await backendCall(t, 'POST', '/webhooks/endpoints', { key, body: { url: receiver.url, events: ['user.created'] } });
  return { t, key, receiver, secret: created.body.secret };
}

async function sqliteStore(): Promise<{ store: Store; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'usher-crash-'));
  const url = join(dir, 'usher.db');
  const store = await openSqliteStore(url);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, url };
}

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('a worker killed mid-delivery (real processes, SQLite file)', () => {
  it('killed while the receiver holds the request: after the lease, another worker delivers it, once', async () => {
    const { store, url } = await sqliteStore();
    const { t, key, receiver, secret } = await appOn(store);
    receiver.script.push(0); // the first request is never answered
    const child = await startWorkerProcess(url);
    await backendCall(t, 'POST', '/users', { key, body: { email_address: ['ada@example.com'] } });
    await waitFor(() => receiver.received.length === 1);
    child.kill('SIGKILL');
    await exited(child);

    const [held] = await store.listOutbox({ kind: 'webhook' });
    expect(held).toMatchObject({ status: 'processing', attempts: 1 });
    const restarted = createOutboxWorker({ store, mailer: { send: async () => undefined }, clock: systemClock, publicUrl: PUBLIC_URL, webhookSender: createFetchWebhookSender(), leaseMs: LEASE_MS });
    // Within the lease the message stays reserved for the dead worker.
    expect(await restarted.runOnce()).toBe(0);
    await waitFor(async () => (await restarted.runOnce(), (await store.getOutbox(held!.id))?.status === 'sent'));
    expect(receiver.received).toHaveLength(2);
    const ids = receiver.received.map((hook) => hook.headers['webhook-id']);
    expect(ids[0]).toBe(ids[1]);
    // Answered once (the first request died with the worker).
    expect((new Webhook(secret).verify(receiver.received[1]!.body, receiver.received[1]!.headers as Record<string, string>) as { type: string }).type).toBe('user.created');
    expect(await store.getOutbox(held!.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('killed after a 2xx but before marking it sent: redelivered with the same webhook-id, which a receiver dedupes to one', async () => {
    const { store, url } = await sqliteStore();
    const { t, key, receiver } = await appOn(store);
    const child = await startWorkerProcess(url, { CRASH_AFTER_SEND: '1' });
    await backendCall(t, 'POST', '/users', { key, body: { email_address: ['ada@example.com'] } });
    await waitFor(() => receiver.received.length === 1);
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');

    const second = await startWorkerProcess(url);
    cleanups.push(() => void second.kill('SIGKILL'));
    const [message] = await store.listOutbox({ kind: 'webhook' });
    await waitFor(async () => (await store.getOutbox(message!.id))?.status === 'sent');
    expect(receiver.received).toHaveLength(2);
    const processed = new Set(receiver.received.map((hook) => hook.headers['webhook-id']));
    expect(processed.size).toBe(1);
  });
});

const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)('several workers on one PostgreSQL', () => {
  it('three racing workers deliver each of 30 events exactly once', async () => {
    const admin = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const schema = `usher_hooks_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    cleanups.push(async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    });
    const stores = await Promise.all([0, 1, 2, 3].map(() => openPostgresStore(databaseUrl!, { schema })));
    cleanups.push(async () => void (await Promise.all(stores.map((s) => s.close()))));
    const { t, key, receiver } = await appOn(stores[0]!);
    for (let i = 0; i < 30; i++) await backendCall(t, 'POST', '/users', { key, body: { email_address: [`user${i}@example.com`] } });
    const workers = stores.slice(1).map((store) => createOutboxWorker({ store, mailer: { send: async () => undefined }, clock: systemClock, publicUrl: PUBLIC_URL, webhookSender: createFetchWebhookSender(), batchSize: 4 }));
    await waitFor(async () => {
      await Promise.all(workers.map((w) => w.runOnce()));
      return (await stores[0]!.listOutbox({ kind: 'webhook', status: 'sent' })).length === 30;
    });
    const ids = receiver.received.map((hook) => hook.headers['webhook-id']);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });
});
