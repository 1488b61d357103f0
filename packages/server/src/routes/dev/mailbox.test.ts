import { describe, expect, it } from 'vitest';
import { pendingOutbox } from '../../store/pending-outbox.ts';
import { call, createTestApp, signUp } from '../test-support.ts';

describe('GET /v1/dev/mailbox', () => {
  it('lists delivered emails oldest first, with limit and offset', async () => {
    const t = createTestApp();
    await signUp(t, 'a@example.com');
    t.clock.advance(1000);
    await signUp(t, 'b@example.com');
    const all = await call(t.app, 'GET', '/v1/dev/mailbox');
    expect(all.status).toBe(200);
    expect(all.body.total_count).toBe(2);
    expect(all.body.data.map((m: { to: string }) => m.to)).toEqual(['a@example.com', 'b@example.com']);
    expect(all.body.data[0]).toEqual({ id: expect.stringMatching(/^msg_/), to: 'a@example.com', subject: expect.any(String), text: expect.any(String), html: expect.any(String), created_at: expect.any(Number) });
    const page = await call(t.app, 'GET', '/v1/dev/mailbox?limit=1&offset=1');
    expect(page.body).toMatchObject({ total_count: 2, data: [{ to: 'b@example.com' }] });
  });

  it('lists newest first with order_by=-created_at, so a dev database with hundreds of emails still shows the newest code first', async () => {
    const t = createTestApp();
    for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) {
      await signUp(t, to);
      t.clock.advance(1000);
    }
    const newest = await call(t.app, 'GET', '/v1/dev/mailbox?order_by=-created_at&limit=2');
    expect(newest.body).toMatchObject({ total_count: 3, data: [{ to: 'c@example.com' }, { to: 'b@example.com' }] });
    const oldest = await call(t.app, 'GET', '/v1/dev/mailbox?order_by=created_at&limit=1');
    expect(oldest.body.data.map((m: { to: string }) => m.to)).toEqual(['a@example.com']);
  });

  it('GET /v1/dev/sms lists text messages only (and the mailbox no text message)', async () => {
    const t = createTestApp();
    await signUp(t, 'a@example.com');
    await t.store.enqueueOutbox(pendingOutbox('msg_sms1', 'sms', { to: '+15555550100', body: '123456 is your code', slug: 'verification_code', data: {} }, t.clock.now()));
    await t.worker.runOnce();
    const sms = await call(t.app, 'GET', '/v1/dev/sms');
    expect(sms.body).toMatchObject({ total_count: 1, data: [{ to: '+15555550100', text: '123456 is your code' }] });
    expect((await call(t.app, 'GET', '/v1/dev/mailbox')).body.data.map((m: { to: string }) => m.to)).toEqual(['a@example.com']);
    expect((await call(t.app, 'GET', '/v1/dev/sms', { origin: null })).status).toBe(200);
    const production = createTestApp({ server: { environment: 'production' } });
    expect((await call(production.app, 'GET', '/v1/dev/sms')).status).toBe(404);
  });

  it('refuses a bad limit, offset or order', async () => {
    const t = createTestApp();
    for (const query of ['limit=-1', 'limit=abc', 'limit=100000', 'offset=1.5', 'order_by=newest', 'order_by=-to']) {
      const res = await call(t.app, 'GET', `/v1/dev/mailbox?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].code).toBe('form_param_format_invalid');
    }
  });

  it('DELETE clears it', async () => {
    const t = createTestApp();
    await signUp(t, 'a@example.com');
    const cleared = await call(t.app, 'DELETE', '/v1/dev/mailbox');
    expect(cleared.status).toBe(200);
    expect((await call(t.app, 'GET', '/v1/dev/mailbox')).body).toEqual({ data: [], total_count: 0 });
  });

  it('does not exist on a production instance', async () => {
    const t = createTestApp({ server: { environment: 'production' } });
    const res = await call(t.app, 'GET', '/v1/dev/mailbox');
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe('not_found');
    expect((await call(t.app, 'DELETE', '/v1/dev/mailbox')).status).toBe(404);
  });
});
