/**
 * "Active devices": every session of the user with browser, OS, device type, IP and (only from a
 * trusted proxy) location; signing a device out remotely.
 */
import { describe, expect, it } from 'vitest';
import { call, createTestApp, latestCode, type TestApp } from '../test-support.ts';

const MAC_CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const PASSWORD = 'correct horse battery';

interface Device {
  token: string;
  sessionId: string;
}

async function signUpOn(t: TestApp, email: string, headers: Record<string, string>): Promise<Device> {
  const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: email, password: PASSWORD }, headers });
  const token = created.token as string;
  await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/prepare_verification`, { token, body: { strategy: 'email_code' }, headers });
  const done = await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`, { token, body: { strategy: 'email_code', code: await latestCode(t, email) }, headers });
  return { token: done.token as string, sessionId: done.body.response.created_session_id };
}

async function signInOn(t: TestApp, email: string, headers: Record<string, string>): Promise<Device> {
  const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: email, password: PASSWORD }, headers });
  return { token: res.token as string, sessionId: res.body.response.created_session_id };
}

const list = (t: TestApp, device: Device) => call(t.app, 'GET', '/v1/me/sessions/active', { token: device.token });

describe('GET /v1/me/sessions/active', () => {
  it('lists every device with browser, OS, type and IP; this one first and marked', async () => {
    const t = createTestApp({ clientIp: () => '203.0.113.9' });
    const laptop = await signUpOn(t, 'ada@example.com', { 'user-agent': MAC_CHROME });
    t.clock.advance(1000);
    const phone = await signInOn(t, 'ada@example.com', { 'user-agent': IPHONE });
    const res = await list(t, laptop);
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(2);
    expect(res.body.data[0]).toMatchObject({
      object: 'session',
      id: laptop.sessionId,
      status: 'active',
      is_this_device: true,
      is_current: true,
      latest_activity: { object: 'session_activity', browser_name: 'Chrome', browser_version: '131', os_name: 'macOS', device_type: 'desktop', is_mobile: false, ip_address: '203.0.113.9', city: null, country: null },
    });
    expect(res.body.data[1]).toMatchObject({ id: phone.sessionId, is_this_device: false, is_current: false, latest_activity: { browser_name: 'Safari', os_name: 'iOS', device_type: 'mobile', is_mobile: true } });
  });

  it('takes the location and the client address from a trusted proxy only', async () => {
    const proxied = { 'user-agent': MAC_CHROME, 'x-forwarded-for': '198.51.100.7', 'cf-ipcountry': 'fr', 'cf-ipcity': 'Lyon' };
    const trusted = createTestApp({ clientIp: () => '10.0.0.5', server: { trustedProxies: ['10.0.0.0/8'] } });
    const viaProxy = await signUpOn(trusted, 'ada@example.com', proxied);
    expect((await list(trusted, viaProxy)).body.data[0].latest_activity).toMatchObject({ ip_address: '198.51.100.7', city: 'Lyon', country: 'FR' });

    const direct = createTestApp({ clientIp: () => '203.0.113.9' });
    const spoofed = await signUpOn(direct, 'ada@example.com', proxied);
    expect((await list(direct, spoofed)).body.data[0].latest_activity).toMatchObject({ ip_address: '203.0.113.9', city: null, country: null });
  });

  it('needs a signed-in device', async () => {
    const t = createTestApp();
    expect((await call(t.app, 'GET', '/v1/me/sessions/active', { token: null })).status).toBe(401);
  });
});

describe('POST /v1/me/sessions/{id}/revoke', () => {
  it('signs another device out: its next token mint fails; it leaves the list', async () => {
    const t = createTestApp();
    const laptop = await signUpOn(t, 'ada@example.com', { 'user-agent': MAC_CHROME });
    const phone = await signInOn(t, 'ada@example.com', { 'user-agent': IPHONE });
    const revoked = await call(t.app, 'POST', `/v1/me/sessions/${phone.sessionId}/revoke`, { token: laptop.token, body: {} });
    expect(revoked.status).toBe(200);
    expect(revoked.body.response).toMatchObject({ id: phone.sessionId, status: 'revoked', is_this_device: false });
    expect((await call(t.app, 'POST', `/v1/client/sessions/${phone.sessionId}/tokens`, { token: phone.token })).status).toBe(401);
    expect((await list(t, laptop)).body.data.map((s: { id: string }) => s.id)).toEqual([laptop.sessionId]);
    const again = await call(t.app, 'POST', `/v1/me/sessions/${phone.sessionId}/revoke`, { token: laptop.token, body: {} });
    expect(again.body.errors[0].code).toBe('session_not_active');
    expect((await call(t.app, 'POST', `/v1/client/sessions/${laptop.sessionId}/tokens`, { token: laptop.token })).status).toBe(200);
  });

  it('another user’s session is not found, and stays active', async () => {
    const t = createTestApp();
    const ada = await signUpOn(t, 'ada@example.com', {});
    const eve = await signUpOn(t, 'eve@example.com', {});
    const res = await call(t.app, 'POST', `/v1/me/sessions/${ada.sessionId}/revoke`, { token: eve.token, body: {} });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe('session_not_found');
    expect((await t.store.getSession(ada.sessionId))?.status).toBe('active');
  });

  it('revoking this device’s own session signs it out', async () => {
    const t = createTestApp();
    const laptop = await signUpOn(t, 'ada@example.com', {});
    const res = await call(t.app, 'POST', `/v1/me/sessions/${laptop.sessionId}/revoke`, { token: laptop.token, body: {} });
    expect(res.body.response).toMatchObject({ status: 'revoked', is_this_device: true });
    expect(res.body.client.last_active_session_id).toBeNull();
    expect((await call(t.app, 'GET', '/v1/me', { token: laptop.token })).status).toBe(401);
  });
});
