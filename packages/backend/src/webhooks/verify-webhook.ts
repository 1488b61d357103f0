import { signWebhookPayload, timingSafeEqualText, webhookSecretBytes } from '@usher/protocol/webhook-signature';

export type WebhookVerificationErrorReason = 'missing-headers' | 'invalid-signature' | 'timestamp-too-old' | 'timestamp-too-new' | 'invalid-payload' | 'replayed';

/** A webhook was refused; `reason` says why. The message never contains the secret. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, either way. Default 300 s. */
  toleranceInSeconds?: number;
  /** Unix milliseconds; defaults to Date.now. */
  now?: () => number;
  /**
   * Answers whether this `webhook-id` was accepted before, and remembers it (see
   * createReplayGuard). Without it a captured request could be replayed within the tolerance.
   */
  seen?: (id: string) => boolean | Promise<boolean>;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name] ?? record[name.toLowerCase()] ?? Object.entries(record).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * Verifies a Standard Webhooks request over its raw body and answers the parsed event. Checks,
 * in order: the three headers, the timestamp window, the signature (any of the listed `v1`
 * signatures, compared in constant time), then replay (`seen`) and JSON.
 *
 * @example
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.USHER_WEBHOOK_SECRET!, { seen: guard.seen });
 * if (event.type === 'user.created') …
 */
export async function verifyWebhook<T = { type: string; data: unknown; timestamp: number }>(payload: string, headers: HeaderSource, secret: string, options: VerifyWebhookOptions = {}): Promise<T> {
  if (!webhookSecretBytes(secret)) throw new TypeError('The webhook secret is whsec_ followed by base64 (as Usher shows it).');
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing-headers', 'webhook-id, webhook-timestamp and webhook-signature are required.');
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || !Number.isSafeInteger(seconds)) throw new WebhookVerificationError('invalid-signature', 'webhook-timestamp is not Unix seconds.');
  const tolerance = options.toleranceInSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  if (seconds < nowSeconds - tolerance) throw new WebhookVerificationError('timestamp-too-old', 'The webhook is older than the tolerance.');
  if (seconds > nowSeconds + tolerance) throw new WebhookVerificationError('timestamp-too-new', 'The webhook timestamp is in the future.');
  const expected = await signWebhookPayload(secret, id, seconds, payload);
  const matches = signatures.split(' ').filter((candidate) => candidate.startsWith('v1,')).some((candidate) => timingSafeEqualText(candidate, expected));
  if (!matches) throw new WebhookVerificationError('invalid-signature', 'No signature of the webhook matches the secret.');
  if (options.seen && (await options.seen(id))) throw new WebhookVerificationError('replayed', 'This webhook-id was accepted before.');
  try {
    return JSON.parse(payload) as T;
  } catch {
    throw new WebhookVerificationError('invalid-payload', 'The webhook body is not JSON.');
  }
}

/**
 * Remembers accepted webhook ids for `ttlSeconds` (make it at least twice the tolerance), in this
 * process. Several app servers need a shared store instead: pass your own `seen`.
 *
 * @example
 * const guard = createReplayGuard();
 * await verifyWebhook(body, headers, secret, { seen: guard.seen });
 */
export function createReplayGuard(options: { ttlSeconds?: number; now?: () => number; maxEntries?: number } = {}) {
  const ttl = (options.ttlSeconds ?? 600) * 1000;
  const max = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const seenAt = new Map<string, number>();
  return {
    seen(id: string): boolean {
      const at = now();
      for (const [key, time] of seenAt) {
        if (time > at - ttl && seenAt.size < max) break;
        seenAt.delete(key);
      }
      if (seenAt.has(id)) return true;
      seenAt.set(id, at);
      return false;
    },
  };
}
