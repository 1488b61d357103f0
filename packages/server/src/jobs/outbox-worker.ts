import type { Clock, Logger, Mailer, Random } from '../deps.ts';
import { randomFloat, webCryptoRandom } from '../crypto/random.ts';
import { isSuppressedPayload, readEmailPayload } from '../mail/outbox-message.ts';
import { silentLogger } from '../services/logger.ts';
import type { OutboxRecord, Store } from '../store/types.ts';
import { fullJitterDelay } from './backoff.ts';

export interface OutboxWorkerOptions {
  store: Store;
  mailer: Mailer;
  clock: Clock;
  logger?: Logger;
  /** Source of the jitter; injected so tests are deterministic. */
  random?: Random;
  /** Deliveries tried before a message is dead-lettered. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claimed message stays reserved for this worker. */
  leaseMs?: number;
  /** Messages claimed per round. */
  batchSize?: number;
}

export interface OutboxWorker {
  /** Claims the messages that are due, delivers them, and answers how many it handled (sent or failed). */
  runOnce(): Promise<number>;
  /** Runs a round every `intervalMs` until stop(); rounds never overlap. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for a round in flight. */
  stop(): Promise<void>;
}

/**
 * Delivers the durable outbox: every email written by a state change (in the same transaction) is
 * sent here, retried with exponential backoff and full jitter, and dead-lettered after
 * `maxAttempts`. Several workers may run at once: the store leases each message to one of them.
 * Logs carry message ids and counts, never addresses, codes or bodies.
 *
 * @example
 * const worker = createOutboxWorker({ store, mailer, clock: systemClock });
 * worker.start(1000);
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, mailer, clock } = options;
  const logger = options.logger ?? silentLogger;
  const random = options.random ?? webCryptoRandom;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 10;

  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  async function deliver(message: OutboxRecord): Promise<void> {
    if (isSuppressedPayload(message.payload)) {
      await store.markOutboxSent(message.id, clock.now());
      return;
    }
    try {
      const email = readEmailPayload(message.payload);
      if (message.kind !== 'email' || !email) throw new TypeError('The outbox message has no deliverable email payload.');
      await mailer.send(email);
    } catch (error) {
      const dead = message.attempts >= maxAttempts;
      const now = clock.now();
      const nextAttemptAt = now + fullJitterDelay(message.attempts, baseDelayMs, maxDelayMs, randomFloat(random));
      await store.markOutboxFailed(message.id, { error: describe(error), nextAttemptAt, dead, now });
      logger.warn(dead ? 'outbox message dead-lettered' : 'outbox delivery failed, will retry', {
        messageId: message.id,
        attempts: message.attempts,
        nextAttemptAt: dead ? null : nextAttemptAt,
      });
      return;
    }
    await store.markOutboxSent(message.id, clock.now());
  }

  async function round(): Promise<number> {
    const claimed = await store.claimOutbox({ now: clock.now(), limit: batchSize, leaseMs });
    for (const message of claimed) await deliver(message);
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

/** An error's class and message, shortened; mail transports do not put codes in their errors. */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  return text.slice(0, 500);
}
