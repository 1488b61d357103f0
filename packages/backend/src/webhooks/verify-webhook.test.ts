import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signWebhookPayload } from '@usher/protocol/webhook-signature';
import { createReplayGuard, verifyWebhook, WebhookVerificationError } from './verify-webhook.ts';

const SECRET = `whsec_${Buffer.from('a-32-byte-secret-for-the-tests!!').toString('base64')}`;
const body = JSON.stringify({ type: 'user.created', timestamp: 1, data: { id: 'user_1' } });

/** Signed by the independent standardwebhooks package. */
function signed(id: string, at: Date, payload = body, secret = SECRET) {
  const signature = new Webhook(secret).sign(id, at, payload);
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe('verifyWebhook (Standard Webhooks)', () => {
  it('accepts what standardwebhooks signs, from Headers or a plain object, and answers the event', async () => {
    const headers = signed('msg_1', new Date());
    expect(await verifyWebhook(body, new Headers(headers), SECRET)).toEqual({ type: 'user.created', timestamp: 1, data: { id: 'user_1' } });
    expect(await verifyWebhook(body, { ...headers }, SECRET)).toMatchObject({ type: 'user.created' });
    // Several signatures (a secret being rotated): one match is enough.
    expect(await verifyWebhook(body, { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` }, SECRET)).toMatchObject({ type: 'user.created' });
  });

  it('refuses a tampered body, another secret, missing headers, stale and future timestamps', async () => {
    const now = new Date();
    expect(await reason(verifyWebhook(body.replace('user_1', 'user_2'), signed('msg_1', now), SECRET))).toBe('invalid-signature');
    const otherSecret = `whsec_${Buffer.from('another-secret-of-32-bytes-long!').toString('base64')}`;
    expect(await reason(verifyWebhook(body, signed('msg_1', now, body, otherSecret), SECRET))).toBe('invalid-signature');
    expect(await reason(verifyWebhook(body, { 'webhook-id': 'msg_1' }, SECRET))).toBe('missing-headers');
    expect(await reason(verifyWebhook(body, signed('msg_1', new Date(Date.now() - 10 * 60_000)), SECRET))).toBe('timestamp-too-old');
    expect(await reason(verifyWebhook(body, signed('msg_1', new Date(Date.now() + 10 * 60_000)), SECRET))).toBe('timestamp-too-new');
    expect(await reason(verifyWebhook(body, { ...signed('msg_1', now), 'webhook-timestamp': 'soon' }, SECRET))).toBe('invalid-signature');
    await expect(verifyWebhook(body, signed('msg_1', now), 'not-base64-!!')).rejects.toThrow(TypeError);
    await expect(verifyWebhook(body, signed('msg_1', now), 'whsec_has spaces!')).rejects.toThrow(TypeError);
  });

  it('with a replay guard, the same webhook-id is accepted once', async () => {
    const guard = createReplayGuard();
    const headers = signed('msg_42', new Date());
    expect(await reason(verifyWebhook(body, headers, SECRET, { seen: guard.seen }))).toBe('accepted');
    expect(await reason(verifyWebhook(body, headers, SECRET, { seen: guard.seen }))).toBe('replayed');
    // A forged request does not burn the id of a genuine one.
    expect(await reason(verifyWebhook(body, { ...signed('msg_43', new Date()), 'webhook-signature': 'v1,AAAA' }, SECRET, { seen: guard.seen }))).toBe('invalid-signature');
    expect(await reason(verifyWebhook(body, signed('msg_43', new Date()), SECRET, { seen: guard.seen }))).toBe('accepted');
  });

  it('our signer produces what standardwebhooks verifies', async () => {
    const seconds = Math.floor(Date.now() / 1000);
    const signature = await signWebhookPayload(SECRET, 'msg_7', seconds, body);
    expect(new Webhook(SECRET).verify(body, { 'webhook-id': 'msg_7', 'webhook-timestamp': String(seconds), 'webhook-signature': signature })).toEqual(JSON.parse(body));
  });
});
