import type { WebhookEventJSON } from '@usher/protocol';
import type { InstanceConfig } from '../config/instance.ts';
import { loadInstanceConfig } from '../config/load.ts';
import { randomFloat, webCryptoRandom } from '../crypto/random.ts';
import type { Clock, Logger, Mailer, Random, SmsSender } from '../deps.ts';
import { isSuppressedPayload, readEmailPayload, readSmsPayload } from '../mail/outbox-message.ts';
import { readChangeEvent } from '../services/events.ts';
import { silentLogger } from '../services/logger.ts';
import type { OutboxRecord, Store } from '../store/types.ts';
import { fullJitterDelay } from './backoff.ts';
import { changeEventData, emailEventData, smsEventData, subscribers, webhookDeliveries } from './event-deliveries.ts';
import { deliverWebhook } from './webhook-delivery.ts';
import { createFetchWebhookSender, type WebhookSender } from './webhook-sender.ts';

export interface OutboxWorkerOptions {
  store: Store;
  mailer: Mailer;
  /** Sends text messages; without one, a text message Usher should send is dead-lettered. */
  sms?: SmsSender;
  clock: Clock;
  /** The API's public URL (default avatars in event data point at it). */
  publicUrl: string;
  /** The host's instance settings, as given to createUsherApp; stored edits win, as in the app. */
  instanceConfig?: InstanceConfig;
  /** Default: fetch with a 15 s timeout. */
  webhookSender?: WebhookSender;
  logger?: Logger;
  /** Source of the jitter; injected so tests are deterministic. */
  random?: Random;
  /** Deliveries tried before a message is dead-lettered (emails and webhooks alike). */
  maxAttempts?: number;
  /** Email retries: full-jitter backoff from 1 s, capped at 15 minutes. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Webhook retries wait longer (receivers are often down for minutes): from 5 s, capped at 1 h. */
  webhookBaseDelayMs?: number;
  webhookMaxDelayMs?: number;
  /** How long a claimed message stays reserved for this worker; longer than the sender's timeout. */
  leaseMs?: number;
  /** Messages claimed per round (delivered concurrently). */
  batchSize?: number;
}

export interface OutboxWorker {
  /** Claims the messages that are due, handles them, and answers how many it handled (done or failed). */
  runOnce(): Promise<number>;
  /** Runs a round every `intervalMs` until stop(); rounds never overlap. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for a round in flight. */
  stop(): Promise<void>;
}

/** Why handling failed; `final` dead-letters at once (retrying cannot help). */
class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly final = false,
  ) {
    super(message);
  }
}

/**
 * Delivers the durable outbox, where every side effect is written in the same transaction as the
 * change that caused it:
 * - 'email' / 'sms': announced as `email.created` / `sms.created` to subscribed endpoints, then
 *   sent through the Mailer / SmsSender (unless the instance's delivery for it is 'app');
 * - 'event' (a user or session change): fanned out into one 'webhook' row per subscribed endpoint;
 * - 'webhook': signed (Standard Webhooks) and POSTed; 2xx is delivered.
 * Failures retry with exponential backoff and full jitter and are dead-lettered after
 * `maxAttempts`. Several workers may run at once: the store leases each message to one of them,
 * and fan-outs derive their row ids from the source, so a repeat after a crash adds nothing.
 * Logs carry message ids and counts, never addresses, codes, bodies or secrets.
 *
 * @example
 * const worker = createOutboxWorker({ store, mailer, clock: systemClock, publicUrl });
 * worker.start(1000);
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, mailer, clock, publicUrl } = options;
  const logger = options.logger ?? silentLogger;
  const random = options.random ?? webCryptoRandom;
  const sender = options.webhookSender ?? createFetchWebhookSender();
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 10;
  const emailBackoff = { base: options.baseDelayMs ?? 1000, max: options.maxDelayMs ?? 15 * 60_000 };
  const webhookBackoff = { base: options.webhookBaseDelayMs ?? 5000, max: options.webhookMaxDelayMs ?? 60 * 60_000 };

  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  const instance = (): Promise<InstanceConfig> => loadInstanceConfig(store, options.instanceConfig);

  async function handleEmail(message: OutboxRecord): Promise<void> {
    // A decoy (an unknown identifier was asked for a code) sends nothing and announces nothing.
    if (isSuppressedPayload(message.payload)) return;
    const email = readEmailPayload(message.payload);
    if (!email) throw new DeliveryFailure('The outbox message has no deliverable email payload.', true);
    const config = await instance();
    const byUsher = config.delivery.email === 'usher';
    const event: WebhookEventJSON = { id: message.id, type: 'email.created', timestamp: message.createdAt, data: emailEventData(message, email, byUsher) };
    // Announced first, idempotently: a retry after a failed send announces nothing twice.
    const deliveries = webhookDeliveries(await subscribers(store, 'email.created'), message, event, clock.now());
    await store.enqueueOutboxOnce(deliveries);
    if (byUsher) await mailer.send({ to: email.to, subject: email.subject, text: email.text, html: email.html });
    else if (deliveries.length === 0) throw new DeliveryFailure('email_delivery is "app" but no enabled webhook endpoint receives email.created.', true);
  }

  async function handleSms(message: OutboxRecord): Promise<void> {
    const sms = readSmsPayload(message.payload);
    if (!sms) throw new DeliveryFailure('The outbox message has no deliverable text message.', true);
    const byUsher = (await instance()).delivery.sms === 'usher';
    const event: WebhookEventJSON = { id: message.id, type: 'sms.created', timestamp: message.createdAt, data: smsEventData(message, sms, byUsher) };
    const deliveries = webhookDeliveries(await subscribers(store, 'sms.created'), message, event, clock.now());
    await store.enqueueOutboxOnce(deliveries);
    if (!byUsher) {
      if (deliveries.length === 0) throw new DeliveryFailure('sms_delivery is "app" but no enabled webhook endpoint receives sms.created.', true);
      return;
    }
    if (!options.sms) throw new DeliveryFailure('No SMS sender is configured.', true);
    await options.sms.send({ to: sms.to, body: sms.body });
  }

  async function handleEvent(message: OutboxRecord): Promise<void> {
    const change = readChangeEvent(message.payload);
    if (!change) throw new DeliveryFailure('The outbox message is not a change event.', true);
    // Most instances have no endpoint for most events: the object is loaded only for a receiver.
    const endpoints = await subscribers(store, change.type);
    if (endpoints.length === 0) return;
    const now = clock.now();
    const data = await changeEventData(store, change, { publicUrl, instance: await instance(), now });
    if (data === null) {
      logger.info('event skipped: its object no longer exists', { messageId: message.id, type: change.type });
      return;
    }
    const event: WebhookEventJSON = { id: message.id, type: change.type, timestamp: change.occurredAt, data };
    const stored = await store.enqueueOutboxOnce(webhookDeliveries(endpoints, message, event, now));
    if (stored > 0) logger.info('event fanned out', { messageId: message.id, type: change.type, deliveries: stored });
  }

  async function handle(message: OutboxRecord): Promise<void> {
    try {
      if (message.kind === 'email') await handleEmail(message);
      else if (message.kind === 'sms') await handleSms(message);
      else if (message.kind === 'event') await handleEvent(message);
      else if (message.kind === 'webhook') {
        const outcome = await deliverWebhook(store, sender, message, clock.now());
        if (outcome.error !== null) throw new DeliveryFailure(outcome.error, outcome.final);
      } else throw new DeliveryFailure(`Unknown outbox kind.`, true);
    } catch (error) {
      await fail(message, error);
      return;
    }
    await store.markOutboxSent(message.id, clock.now());
  }

  async function fail(message: OutboxRecord, error: unknown): Promise<void> {
    const final = error instanceof DeliveryFailure && error.final;
    const dead = final || message.attempts >= maxAttempts;
    const now = clock.now();
    const backoff = message.kind === 'webhook' ? webhookBackoff : emailBackoff;
    const nextAttemptAt = now + fullJitterDelay(message.attempts, backoff.base, backoff.max, randomFloat(random));
    await store.markOutboxFailed(message.id, { error: describe(error), nextAttemptAt, dead, now });
    logger.warn(dead ? 'outbox message dead-lettered' : 'outbox delivery failed, will retry', {
      messageId: message.id,
      kind: message.kind,
      attempts: message.attempts,
      nextAttemptAt: dead ? null : nextAttemptAt,
    });
  }

  async function round(): Promise<number> {
    const claimed = await store.claimOutbox({ now: clock.now(), limit: batchSize, leaseMs });
    // Concurrently: one slow endpoint does not hold up the rest of the batch.
    await Promise.all(claimed.map(handle));
    return claimed.length;
  }

  function runOnce(): Promise<number> {
    // A round already in flight is joined rather than doubled.
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(intervalMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => logger.error('outbox round failed', { error: describe(error) }))
        .finally(() => schedule(intervalMs));
    }, intervalMs);
  }

  return {
    runOnce,
    start(intervalMs: number) {
      if (!stopped) return;
      stopped = false;
      schedule(intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (running) await running.catch(() => 0);
    },
  };
}

/** An error's class and message, shortened; transports do not put codes or addresses in their errors. */
function describe(error: unknown): string {
  const text = error instanceof DeliveryFailure ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  return text.slice(0, 500);
}
