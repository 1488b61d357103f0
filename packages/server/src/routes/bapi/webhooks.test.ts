import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchWebhookSender } from '../../jobs/webhook-sender.ts';
import { call, createTestApp, mailbox, signUp, type TestApp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver.test-support.ts';

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function setup(options: { timeoutMs?: number } = {}) {
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const t = createTestApp({ webhookSender: createFetchWebhookSender({ timeoutMs: options.timeoutMs ?? 5000 }) });
  const key = await givenSecretKey(t);
  return { t, key, receiver };
}

async function createEndpoint(t: TestApp, key: string, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const res = await backendCall(t, 'POST', '/webhooks/endpoints', { key, body });
  expect(res.status).toBe(201);
  return res.body;
}

/** Runs the worker until nothing is due (fan-outs create deliveries that are due at once). */
async function drain(t: TestApp): Promise<void> {
  for (let i = 0; i < 10 && (await t.worker.runOnce()) > 0; i++);
}

/**
 * Verifies with the independent `standardwebhooks` package, at the server's (manual) time: the
 * package checks the timestamp against Date.now().
 */
function verify(t: TestApp, secret: string, hook: ReceivedWebhook): { id: string; type: string; timestamp: number; data: Record<string, unknown> } {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(t.clock.now());
    return new Webhook(secret).verify(hook.body, hook.headers as Record<string, string>) as ReturnType<typeof verify>;
  } finally {
    vi.useRealTimers();
  }
}

const types = (t: TestApp, secret: string, receiver: WebhookReceiver) => receiver.received.map((hook) => verify(t, secret, hook).type);

describe('webhook endpoints (Backend API)', () => {
  it('create shows the secret once; list and get hide it; GET …/secret and rotate show it; update and delete', async () => {
    const { t, key, receiver } = await setup();
    const created = await backendCall(t, 'POST', '/webhooks/endpoints', { key, body: { url: receiver.url, description: 'CRM', events: ['user.created', 'user.created', 'user.deleted'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'webhook_endpoint', url: receiver.url, description: 'CRM', events: ['user.created', 'user.deleted'], disabled: false });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const id = created.body.id as string;

    const list = await backendCall(t, 'GET', '/webhooks/endpoints', { key });
    expect(list.body.total_count).toBe(1);
    expect(list.body.data[0]).not.toHaveProperty('secret');
    expect((await backendCall(t, 'GET', `/webhooks/endpoints/${id}`, { key })).body).not.toHaveProperty('secret');
    expect((await backendCall(t, 'GET', `/webhooks/endpoints/${id}/secret`, { key })).body).toEqual({ object: 'webhook_endpoint_secret', id, secret: created.body.secret });

    const rotated = await backendCall(t, 'POST', `/webhooks/endpoints/${id}/rotate_secret`, { key, body: {} });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    const updated = await backendCall(t, 'PATCH', `/webhooks/endpoints/${id}`, { key, body: { events: null, disabled: true, description: null } });
    expect(updated.body).toMatchObject({ events: null, disabled: true, description: null });
    expect((await backendCall(t, 'DELETE', `/webhooks/endpoints/${id}`, { key })).body).toEqual({ object: 'webhook_endpoint', id, deleted: true });
    expect((await backendCall(t, 'GET', `/webhooks/endpoints/${id}`, { key })).status).toBe(404);
    expect((await backendCall(t, 'DELETE', `/webhooks/endpoints/${id}`, { key })).body.errors[0].code).toBe('webhook_endpoint_not_found');
  });

  it('refuses bad input with a typed 4xx and stores nothing', async () => {
    const { t, key } = await setup();
    const bad: unknown[] = [
      {},
      { url: 'ftp://example.com/hook' },
      { url: 'not a url' },
      { url: 'https://user:pass@example.com/hook' },
      { url: 'https://example.com/hook', events: [] },
      { url: 'https://example.com/hook', events: ['user.exploded'] },
      { url: 'https://example.com/hook', extra: true },
      { url: `https://example.com/${'a'.repeat(3000)}` },
      { url: 'https://example.com/hook', disabled: 'yes' },
      [],
      'https://example.com/hook',
    ];
    for (const body of bad) {
      const res = await backendCall(t, 'POST', '/webhooks/endpoints', { key, body });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(typeof res.body.errors[0].code).toBe('string');
    }
    expect(await t.store.listWebhookEndpoints()).toEqual([]);
    expect((await backendCall(t, 'GET', '/webhooks/endpoints/whep_nope', { key })).body.errors[0].code).toBe('webhook_endpoint_not_found');
    expect((await backendCall(t, 'POST', '/webhooks/messages/msg_nope/replay', { key, body: {} })).body.errors[0].code).toBe('webhook_message_not_found');
    expect((await backendCall(t, 'GET', '/webhooks/messages?status=lost', { key })).status).toBe(422);
    expect((await backendCall(t, 'GET', '/webhooks/endpoints')).status).toBe(401);
  });

  it('in production, a plain-http URL is refused unless it is loopback', async () => {
    const t = createTestApp({ server: { environment: 'production', publicUrl: 'https://auth.example.com', secureCookies: true } });
    const key = await givenSecretKey(t);
    const res = await backendCall(t, 'POST', '/webhooks/endpoints', { key, body: { url: 'http://hooks.example.com/usher' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'url' } });
    expect((await backendCall(t, 'POST', '/webhooks/endpoints', { key, body: { url: 'http://127.0.0.1:8080/usher' } })).status).toBe(201);
    expect((await backendCall(t, 'POST', '/webhooks/endpoints', { key, body: { url: 'https://hooks.example.com/usher' } })).status).toBe(201);
  });
});

describe('webhook deliveries to a real receiver', () => {
  it('a sign-up sends user.created, session.created and email.created, each signed (checked with standardwebhooks)', async () => {
    const { t, key, receiver } = await setup();
    const { secret } = await createEndpoint(t, key, { url: receiver.url });
    const me = await signUp(t, 'ada@example.com');
    await drain(t);
    const events = receiver.received.map((hook) => verify(t, secret, hook));
    expect(events.map((e) => e.type).sort()).toEqual(['email.created', 'session.created', 'user.created']);
    const user = events.find((e) => e.type === 'user.created')!;
    expect(user.data).toMatchObject({ object: 'user', id: me.userId, email_addresses: [{ email_address: 'ada@example.com', verified: true }], private_metadata: {} });
    expect(events.find((e) => e.type === 'session.created')!.data).toMatchObject({ object: 'session', id: me.sessionId, user_id: me.userId, status: 'active' });
    const email = events.find((e) => e.type === 'email.created')!;
    expect(email.data).toMatchObject({ object: 'email', slug: 'verification_code', to_email_address: 'ada@example.com', delivered_by_usher: true });
    expect((email.data.data as Record<string, unknown>).otp_code).toMatch(/^\d{6}$/);
    // webhook-id is the event id, and every delivery carries its own.
    for (const [i, hook] of receiver.received.entries()) expect(hook.headers['webhook-id']).toBe(events[i]!.id);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(receiver.received[0]!.headers['content-type']).toBe('application/json');
  });

  it('a tampered body, another secret or a stale timestamp fail verification', async () => {
    const { t, key, receiver } = await setup();
    const { secret } = await createEndpoint(t, key, { url: receiver.url, events: ['user.created'] });
    await signUp(t, 'ada@example.com');
    await drain(t);
    const [hook] = receiver.received;
    expect(() => verify(t, secret, { ...hook!, body: hook!.body.replace('ada@', 'eve@') })).toThrow();
    expect(() => verify(t, 'whsec_' + Buffer.from('x'.repeat(24)).toString('base64'), hook!)).toThrow();
    t.clock.advance(10 * 60_000);
    expect(() => verify(t, secret, hook!)).toThrow(/timestamp/i);
  });

  it('an update whose user is deleted before the event is dispatched sends only user.deleted', async () => {
    const { t, key, receiver } = await setup();
    const { secret } = await createEndpoint(t, key, { url: receiver.url, events: ['user.updated', 'user.deleted'] });
    const me = await signUp(t, 'ada@example.com');
    await backendCall(t, 'PATCH', `/users/${me.userId}`, { key, body: { first_name: 'Ada' } });
    await backendCall(t, 'DELETE', `/users/${me.userId}`, { key });
    await drain(t);
    expect(types(t, secret, receiver)).toEqual(['user.deleted']);
  });

  it('filters by event type; a disabled endpoint receives nothing', async () => {
    const { t, key, receiver } = await setup();
    const other = await startWebhookReceiver();
    receivers.push(other);
    const only = await createEndpoint(t, key, { url: receiver.url, events: ['user.updated', 'user.deleted'] });
    await createEndpoint(t, key, { url: other.url, disabled: true });
    const me = await signUp(t, 'ada@example.com');
    await backendCall(t, 'PATCH', `/users/${me.userId}`, { key, body: { first_name: 'Ada' } });
    await drain(t);
    await backendCall(t, 'DELETE', `/users/${me.userId}`, { key });
    await drain(t);
    const events = receiver.received.map((hook) => verify(t, only.secret, hook));
    expect(events.map((e) => e.type)).toEqual(['user.updated', 'user.deleted']);
    expect(events[0]!.data).toMatchObject({ id: me.userId, first_name: 'Ada' });
    expect(events[1]!.data).toEqual({ object: 'user', id: me.userId, deleted: true });
    expect(other.received).toEqual([]);
  });

  it('sign-out, ban and revoke report session.ended, user.updated and session.revoked', async () => {
    const { t, key, receiver } = await setup();
    const { secret } = await createEndpoint(t, key, { url: receiver.url, events: ['session.ended', 'session.revoked', 'user.updated'] });
    const me = await signUp(t, 'ada@example.com');
    const signIn = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'ada@example.com', password: 'correct horse battery' } });
    const second = signIn.body.response.created_session_id as string;
    await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/end`, { token: me.token });
    await backendCall(t, 'POST', `/users/${me.userId}/ban`, { key, body: {} });
    await drain(t);
    // Deliveries run concurrently: there is no ordering promise (receivers order by `timestamp`).
    const events = receiver.received.map((hook) => verify(t, secret, hook)).sort((a, b) => a.type.localeCompare(b.type));
    expect(events.map((e) => [e.type, e.data.id])).toEqual([
      ['session.ended', me.sessionId],
      ['session.revoked', second],
      ['user.updated', me.userId],
    ]);
    expect(events[2]!.data).toMatchObject({ banned: true });
  });

  it('retries a failing endpoint with backoff (same webhook-id, fresh signature), then dead-letters; replay delivers it', async () => {
    const { t, key, receiver } = await setup();
    const { id: endpointId, secret } = await createEndpoint(t, key, { url: receiver.url, events: ['user.created'] });
    receiver.script.push(500, 503);
    await signUp(t, 'ada@example.com');
    await drain(t);
    expect(receiver.received).toHaveLength(1);
    t.clock.advance(60 * 60_000);
    await drain(t);
    t.clock.advance(60 * 60_000);
    await drain(t);
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((h) => h.headers['webhook-id']));
    expect(ids.size).toBe(1);
    expect(new Set(receiver.received.map((h) => h.headers['webhook-timestamp'])).size).toBe(3);
    expect(verify(t, secret, receiver.received[2]!).type).toBe('user.created');
    const sent = await backendCall(t, 'GET', `/webhooks/messages?endpoint_id=${endpointId}`, { key });
    expect(sent.body.data).toEqual([expect.objectContaining({ object: 'webhook_message', endpoint_id: endpointId, event_type: 'user.created', status: 'sent', attempts: 3 })]);

    // A receiver down for good: 8 attempts, then dead.
    receiver.script.push(...Array.from({ length: 8 }, () => 500));
    await backendCall(t, 'POST', '/users', { key, body: { email_address: ['grace@example.com'] } });
    for (let i = 0; i < 10; i++) {
      await drain(t);
      t.clock.advance(2 * 60 * 60_000);
    }
    expect(receiver.received).toHaveLength(11);
    const dead = await backendCall(t, 'GET', '/webhooks/messages?status=dead', { key });
    expect(dead.body.data).toEqual([expect.objectContaining({ status: 'dead', attempts: 8, last_error: 'The endpoint answered HTTP 500.' })]);

    const replayed = await backendCall(t, 'POST', `/webhooks/messages/${dead.body.data[0].id}/replay`, { key, body: {} });
    expect(replayed.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await backendCall(t, 'POST', `/webhooks/messages/${dead.body.data[0].id}/replay`, { key, body: {} })).body.errors[0].code).toBe('webhook_message_not_replayable');
    await drain(t);
    expect(receiver.received).toHaveLength(12);
    expect(receiver.received[11]!.headers['webhook-id']).toBe(receiver.received[10]!.headers['webhook-id']);
    expect((await t.store.getOutbox(dead.body.data[0].id))?.status).toBe('sent');
  });

  it('an endpoint that hangs times out and is retried; a redirect is not followed', async () => {
    const { t, key, receiver } = await setup({ timeoutMs: 200 });
    await createEndpoint(t, key, { url: receiver.url, events: ['user.created'] });
    receiver.script.push(0, 307);
    await signUp(t, 'ada@example.com');
    await drain(t);
    let [message] = await t.store.listOutbox({ kind: 'webhook' });
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    expect(message!.lastError).toMatch(/timeout|abort/i);
    t.clock.advance(60 * 60_000);
    await drain(t);
    [message] = await t.store.listOutbox({ kind: 'webhook' });
    expect(message).toMatchObject({ status: 'pending', attempts: 2, lastError: 'The endpoint answered HTTP 307.' });
    expect(receiver.received).toHaveLength(2);
  });

  it('with email_delivery "app", Usher sends no email: the app gets email.created with the code, which completes the sign-up', async () => {
    const { t, key, receiver } = await setup();
    // Refused while no endpoint would receive the emails.
    const refused = await backendCall(t, 'PATCH', '/instance', { key, body: { email_delivery: 'app' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'email_delivery' } });
    const { secret } = await createEndpoint(t, key, { url: receiver.url, events: ['email.created'] });
    expect((await backendCall(t, 'PATCH', '/instance', { key, body: { email_delivery: 'app' } })).body.email_delivery).toBe('app');
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'ada@example.com', password: 'correct horse battery' } });
    const token = created.token as string;
    await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/prepare_verification`, { token, body: { strategy: 'email_code' } });
    await drain(t);
    expect(await mailbox(t)).toEqual([]);
    const [event] = receiver.received.map((hook) => verify(t, secret, hook));
    expect(event!.data).toMatchObject({ slug: 'verification_code', to_email_address: 'ada@example.com', delivered_by_usher: false });
    const code = (event!.data.data as { otp_code: string }).otp_code;
    const done = await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`, { token, body: { strategy: 'email_code', code } });
    expect(done.body.response.status).toBe('complete');
  });

  it('a decoy (a code asked for an unknown address) announces nothing', async () => {
    const { t, key, receiver } = await setup();
    await createEndpoint(t, key, { url: receiver.url, events: ['email.created'] });
    const start = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com' } });
    await call(t.app, 'POST', `/v1/client/sign_ins/${start.body.response.id}/prepare_first_factor`, { token: start.token, body: { strategy: 'email_code' } });
    await drain(t);
    expect(receiver.received).toEqual([]);
    expect((await t.store.listOutbox({ kind: 'email' })).length).toBeGreaterThan(0);
  });
});
