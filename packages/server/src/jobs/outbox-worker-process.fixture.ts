/**
 * A worker process for the crash tests (jobs/webhook-crash.test.ts): `node --import tsx
 * outbox-worker-process.fixture.ts <database url> <public url>`. With CRASH_AFTER_SEND=1 it kills
 * itself right after a webhook was answered 2xx and before marking it sent: the worst moment.
 */
import { openStore } from '../node/server.ts';
import { systemClock } from '../services/clock.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createFetchWebhookSender, type WebhookSender } from './webhook-sender.ts';

const [databaseUrl, publicUrl] = process.argv.slice(2);
if (!databaseUrl || !publicUrl) throw new TypeError('usage: outbox-worker-process.fixture.ts <database url> <public url>');

const inner = createFetchWebhookSender({ timeoutMs: 30_000 });
const sender: WebhookSender = {
  async send(request) {
    const answer = await inner.send(request);
    if (process.env.CRASH_AFTER_SEND === '1') process.kill(process.pid, 'SIGKILL');
    return answer;
  },
};
const store = await openStore(databaseUrl);
const worker = createOutboxWorker({ store, mailer: { send: async () => undefined }, clock: systemClock, publicUrl, webhookSender: sender, leaseMs: Number(process.env.LEASE_MS ?? 1500) });
worker.start(25);
process.stdout.write('ready\n');
