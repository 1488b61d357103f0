import { describe, expect, it } from 'vitest';
import type { Logger, MailMessage, Mailer, Random } from '../deps.ts';
import { defaultInstanceConfig } from '../config/instance.ts';
import { DevSmsBox } from '../mail/dev-sms-box.ts';
import { createManualClock } from '../services/clock.ts';
import { createMemoryStore } from '../store/memory/index.ts';
import type { OutboxRecord, Store } from '../store/types.ts';
import { fullJitterDelay } from './backoff.ts';
import { createOutboxWorker } from './outbox-worker.ts';

const PUBLIC_URL = 'https://auth.example.com';

function emailRow(id: string, now: number, payload: Record<string, unknown> = { to: 'jane@example.com', subject: '123456 is your code', text: 'code 123456', html: '<p>123456</p>' }): OutboxRecord {
  return { id, kind: 'email', payload, status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, createdAt: now, updatedAt: now };
}

/** A Random whose floats are always `unit` (7 bytes → 53-bit fraction). */
function fixedRandom(unit: number): Random {
  return {
    bytes(length: number) {
      const value = Math.floor(unit * 2 ** 53);
      const out = new Uint8Array(length);
      let rest = value;
      for (let i = length - 1; i >= 0; i--) {
        out[i] = rest % 256;
        rest = Math.floor(rest / 256);
      }
      return out;
    },
  };
}

class RecordingMailer implements Mailer {
  sent: MailMessage[] = [];
  failuresLeft = 0;
  async send(message: MailMessage) {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('SMTP 451 try again later');
    }
    this.sent.push(message);
  }
}

function recordingLogger(lines: string[]): Logger {
  const write = (message: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ message, ...fields }));
  return { info: write, warn: write, error: write };
}

async function statusOf(store: Store, id: string) {
  return (await store.listOutbox({})).find((m) => m.id === id);
}

describe('the outbox worker', () => {
  it('sends due messages once and marks them sent', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const mailer = new RecordingMailer();
    await store.enqueueOutbox(emailRow('msg_1', clock.now()));
    const worker = createOutboxWorker({ store, mailer, clock, publicUrl: PUBLIC_URL });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(mailer.sent).toEqual([{ to: 'jane@example.com', subject: '123456 is your code', text: 'code 123456', html: '<p>123456</p>' }]);
    expect((await statusOf(store, 'msg_1'))?.status).toBe('sent');
  });

  it('retries a failed delivery after exponential backoff with full jitter', async () => {
    const store = createMemoryStore();
    const clock = createManualClock(1_000_000);
    const mailer = new RecordingMailer();
    mailer.failuresLeft = 2;
    await store.enqueueOutbox(emailRow('msg_1', clock.now()));
    const worker = createOutboxWorker({ store, mailer, clock, publicUrl: PUBLIC_URL, random: fixedRandom(0.5), baseDelayMs: 1000 });

    await worker.runOnce();
    let row = await statusOf(store, 'msg_1');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: 1_000_000 + 500 });
    expect(row?.lastError).toContain('SMTP 451');

    expect(await worker.runOnce()).toBe(0); // not due yet
    clock.advance(500);
    await worker.runOnce();
    row = await statusOf(store, 'msg_1');
    expect(row).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: 1_000_500 + 1000 });

    clock.advance(1000);
    await worker.runOnce();
    expect((await statusOf(store, 'msg_1'))?.status).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('dead-letters a message after maxAttempts failed deliveries', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const mailer = new RecordingMailer();
    mailer.failuresLeft = 100;
    await store.enqueueOutbox(emailRow('msg_1', clock.now()));
    const worker = createOutboxWorker({ store, mailer, clock, publicUrl: PUBLIC_URL, maxAttempts: 3, random: fixedRandom(0.999) });
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      clock.advance(60 * 60_000);
    }
    expect(await statusOf(store, 'msg_1')).toMatchObject({ status: 'dead', attempts: 3 });
    expect(await worker.runOnce()).toBe(0);
  });

  it('marks a suppressed message sent without mailing anyone', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const mailer = new RecordingMailer();
    await store.enqueueOutbox(emailRow('msg_1', clock.now(), { suppressed: true }));
    await createOutboxWorker({ store, mailer, clock, publicUrl: PUBLIC_URL }).runOnce();
    expect(mailer.sent).toEqual([]);
    expect((await statusOf(store, 'msg_1'))?.status).toBe('sent');
  });

  it('never logs addresses, subjects or codes', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const mailer = new RecordingMailer();
    mailer.failuresLeft = 100;
    const lines: string[] = [];
    await store.enqueueOutbox(emailRow('msg_1', clock.now()));
    const worker = createOutboxWorker({ store, mailer, clock, publicUrl: PUBLIC_URL, logger: recordingLogger(lines), maxAttempts: 2 });
    await worker.runOnce();
    clock.advance(60 * 60_000);
    await worker.runOnce();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain('123456');
      expect(line).not.toContain('jane@example.com');
    }
  });

  it('sends a text message through the SmsSender into the dev SMS box, and announces sms.created', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    await store.createWebhookEndpoint({ id: 'whep_1', url: 'https://hooks.example.com', secret: 'whsec_c2VjcmV0', description: null, events: ['sms.created'], disabledAt: null, createdAt: 0, updatedAt: 0 });
    await store.enqueueOutbox({ ...emailRow('msg_1', clock.now()), kind: 'sms', payload: { to: '+15555550100', body: '123456 is your code', slug: 'verification_code', data: { otp_code: '123456' } } });
    const webhookSender = { send: async () => ({ status: 204 }) };
    await createOutboxWorker({ store, mailer: new RecordingMailer(), sms: new DevSmsBox(store, clock), clock, publicUrl: PUBLIC_URL, webhookSender }).runOnce();
    expect((await store.listDevMessages({ channel: 'sms', limit: 10, offset: 0 })).data).toEqual([expect.objectContaining({ to: '+15555550100', text: '123456 is your code' })]);
    const [delivery] = await store.listOutbox({ kind: 'webhook' });
    expect(JSON.parse(delivery!.payload.body as string)).toMatchObject({ id: 'msg_1', type: 'sms.created', data: { object: 'sms_message', to_phone_number: '+15555550100', message: '123456 is your code', data: { otp_code: '123456' }, delivered_by_usher: true } });
    expect((await statusOf(store, 'msg_1'))?.status).toBe('sent');
  });

  it('with sms delivery "app" sends no text message; without an SmsSender one is dead-lettered with the reason', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const sms = { sent: 0, send: async () => void (sms.sent += 1) };
    const row = (id: string) => ({ ...emailRow(id, clock.now()), kind: 'sms' as const, payload: { to: '+15555550100', body: 'hello', slug: '', data: {} } });
    await store.enqueueOutbox(row('msg_1'));
    const config = defaultInstanceConfig();
    config.delivery.sms = 'app';
    const appDelivers = createOutboxWorker({ store, mailer: new RecordingMailer(), sms, clock, publicUrl: PUBLIC_URL, instanceConfig: config, webhookSender: { send: async () => ({ status: 200 }) } });
    // Nobody would receive it: dead-lettered with the reason rather than silently dropped.
    await appDelivers.runOnce();
    expect(await statusOf(store, 'msg_1')).toMatchObject({ status: 'dead', lastError: 'sms_delivery is "app" but no enabled webhook endpoint receives sms.created.' });
    await store.createWebhookEndpoint({ id: 'whep_1', url: 'https://hooks.example.com', secret: 'whsec_c2VjcmV0', description: null, events: null, disabledAt: null, createdAt: 0, updatedAt: 0 });
    await store.requeueOutbox('msg_1', clock.now());
    await appDelivers.runOnce();
    expect(sms.sent).toBe(0);
    expect((await statusOf(store, 'msg_1'))?.status).toBe('sent');
    expect(await store.listOutbox({ kind: 'webhook' })).toHaveLength(1);
    await store.enqueueOutbox(row('msg_2'));
    await createOutboxWorker({ store, mailer: new RecordingMailer(), clock, publicUrl: PUBLIC_URL }).runOnce();
    expect(await statusOf(store, 'msg_2')).toMatchObject({ status: 'dead', lastError: 'No SMS sender is configured.' });
  });

  it('start() delivers in the background until stop()', async () => {
    const store = createMemoryStore();
    const clock = createManualClock();
    const mailer = new RecordingMailer();
    const worker = createOutboxWorker({ store, mailer, clock, publicUrl: PUBLIC_URL });
    worker.start(5);
    await store.enqueueOutbox(emailRow('msg_1', clock.now()));
    await expect.poll(() => mailer.sent.length, { timeout: 2000 }).toBe(1);
    await worker.stop();
    await store.enqueueOutbox(emailRow('msg_2', clock.now()));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(mailer.sent).toHaveLength(1);
  });
});

describe('full-jitter backoff', () => {
  it('is uniform below min(max, base · 2^(n-1))', () => {
    expect(fullJitterDelay(1, 1000, 900_000, 0.999999)).toBe(999);
    expect(fullJitterDelay(4, 1000, 900_000, 0.5)).toBe(4000);
    expect(fullJitterDelay(30, 1000, 900_000, 0.5)).toBe(450_000);
    expect(fullJitterDelay(3, 1000, 900_000, 0)).toBe(0);
  });
});
