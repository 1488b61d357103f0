import { describe, expect, it } from 'vitest';
import type { Logger, MailMessage, Mailer, Random } from '../deps.ts';
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
