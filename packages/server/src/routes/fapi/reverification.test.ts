/**
 * Sensitive changes of the signed-in user: change_password proves the current password (or, for an
 * account without one, needs a re-verification from the last 10 minutes); DELETE /me always needs
 * that re-verification. Re-verification itself: password or an emailed code, with the lockout.
 */
import { describe, expect, it } from 'vitest';
import { backendCall, givenSecretKey } from '../bapi/backend-test-support.ts';
import { call, createTestApp, latestCode, mailbox, signUp, type TestApp } from '../test-support.ts';

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

async function signInWithPassword(t: TestApp, email: string, password: string) {
  return call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: email, password } });
}
const mintStatus = async (t: TestApp, me: { token: string; sessionId: string }) => (await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens`, { token: me.token })).status;

describe('POST /v1/me/change_password', () => {
  it('needs the right current password; the new one works, the old one no longer; the owner is told', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const missing = await call(t.app, 'POST', '/v1/me/change_password', { token: me.token, body: { new_password: 'a brand new secret' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'current_password' } });
    const wrong = await call(t.app, 'POST', '/v1/me/change_password', { token: me.token, body: { current_password: 'not it', new_password: 'a brand new secret' } });
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { param_name: 'current_password' } });
    expect((await t.store.getUser(me.userId))?.failedAttempts).toBe(1);
    const short = await call(t.app, 'POST', '/v1/me/change_password', { token: me.token, body: { current_password: PASSWORD, new_password: 'short' } });
    expect(short.body.errors[0].meta.param_name).toBe('new_password');

    const changed = await call(t.app, 'POST', '/v1/me/change_password', { token: me.token, body: { current_password: PASSWORD, new_password: 'a brand new secret' } });
    expect(changed.status).toBe(200);
    expect(changed.body.response).toMatchObject({ object: 'user', id: me.userId, password_enabled: true });
    expect((await signInWithPassword(t, 'ada@example.com', PASSWORD)).body.errors[0].code).toBe('form_password_incorrect');
    expect((await signInWithPassword(t, 'ada@example.com', 'a brand new secret')).status).toBe(200);
    const notice = (await mailbox(t)).at(-1)!;
    expect(notice.subject).toMatch(/password was changed/);
    expect(notice.text).toContain('from its account settings');
    expect(notice.text).toContain('Devices already signed in stay signed in.');
  });

  it('sign_out_of_other_sessions revokes every other device, never this one', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const other = await signInWithPassword(t, 'ada@example.com', PASSWORD);
    const otherDevice = { token: other.token as string, sessionId: other.body.response.created_session_id as string };
    expect(await mintStatus(t, otherDevice)).toBe(200);
    await call(t.app, 'POST', '/v1/me/change_password', { token: me.token, body: { current_password: PASSWORD, new_password: 'a brand new secret', sign_out_of_other_sessions: true } });
    expect(await mintStatus(t, otherDevice)).toBe(401);
    expect((await t.store.getSession(otherDevice.sessionId))?.status).toBe('revoked');
    expect(await mintStatus(t, me)).toBe(200);
  });

  it('an account without a password sets one only after a recent re-verification', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    await backendCall(t, 'POST', '/users', { key, body: { email_address: ['codes@example.com'] } });
    const start = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'codes@example.com', strategy: 'email_code' } });
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${start.body.response.id}/attempt_first_factor`, { token: start.token, body: { strategy: 'email_code', code: await latestCode(t, 'codes@example.com') } });
    const token = done.token as string;
    t.clock.advance(11 * MINUTE);
    const stale = await call(t.app, 'POST', '/v1/me/change_password', { token, body: { new_password: 'my first password' } });
    expect(stale.status).toBe(403);
    expect(stale.body.errors[0].code).toBe('session_reverification_required');
    const sessionId = done.body.response.created_session_id as string;
    await call(t.app, 'POST', `/v1/client/sessions/${sessionId}/verify/prepare_first_factor`, { token, body: { strategy: 'email_code' } });
    const verified = await call(t.app, 'POST', `/v1/client/sessions/${sessionId}/verify/attempt_first_factor`, { token, body: { strategy: 'email_code', code: await latestCode(t, 'codes@example.com') } });
    expect(verified.body.response.status).toBe('complete');
    expect((await call(t.app, 'POST', '/v1/me/change_password', { token, body: { new_password: 'my first password' } })).status).toBe(200);
    expect((await signInWithPassword(t, 'codes@example.com', 'my first password')).status).toBe(200);
  });
});

describe('re-verification and DELETE /v1/me', () => {
  it('a fresh sign-in may delete at once; 10 minutes later it needs a password or code first', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    t.clock.advance(10 * MINUTE + 1);
    const refused = await call(t.app, 'DELETE', '/v1/me', { token: me.token });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe('session_reverification_required');

    const start = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify`, { token: me.token, body: {} });
    expect(start.body.response).toMatchObject({
      object: 'session_verification',
      status: 'needs_first_factor',
      level: 'first_factor',
      supported_first_factors: [{ strategy: 'password' }, { strategy: 'email_code', safe_identifier: 'a***@example.com', primary: true }],
      session: { id: me.sessionId, factor_verification_age: [10, -1] },
    });
    const wrong = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'password', password: 'nope' } });
    expect(wrong.body.errors[0].code).toBe('form_password_incorrect');
    expect((await t.store.getUser(me.userId))?.failedAttempts).toBe(1);
    const right = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'password', password: PASSWORD } });
    expect(right.body.response).toMatchObject({ status: 'complete', session: { factor_verification_age: [0, -1] } });

    const deleted = await call(t.app, 'DELETE', '/v1/me', { token: me.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.response).toEqual({ object: 'user', id: me.userId, deleted: true });
    expect(await t.store.getUser(me.userId)).toBeNull();
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).status).toBe(401);
  });

  it('an emailed code re-verifies once; the next round needs a new code', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    t.clock.advance(11 * MINUTE);
    const prepared = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/prepare_first_factor`, { token: me.token, body: { strategy: 'email_code' } });
    expect(prepared.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code' });
    const code = await latestCode(t, 'ada@example.com');
    const wrong = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'email_code', code: code === '000000' ? '111111' : '000000' } });
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 4 } });
    const right = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'email_code', code } });
    expect(right.body.response.status).toBe('complete');
    t.clock.advance(11 * MINUTE);
    const reused = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'email_code', code } });
    expect(reused.body.errors[0].code).toBe('verification_not_prepared');
    expect((await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify`, { token: me.token, body: {} })).body.response.status).toBe('needs_first_factor');
  });

  it('a locked account cannot re-verify; another device’s session id is not found; bad bodies are 4xx', async () => {
    const t = createTestApp({ instance: (c) => void (c.lockout.maxAttempts = 2) });
    const me = await signUp(t, 'ada@example.com');
    const stranger = await signUp(t, 'eve@example.com');
    const attempt = (body: unknown, session = me.sessionId) => call(t.app, 'POST', `/v1/client/sessions/${session}/verify/attempt_first_factor`, { token: me.token, body });
    expect((await attempt({ strategy: 'password', password: PASSWORD }, stranger.sessionId)).body.errors[0].code).toBe('session_not_found');
    for (const body of [{}, { strategy: 'totp', code: '1' }, { strategy: 'password' }, { strategy: 'password', password: 'x', extra: 1 }, { strategy: 'email_code', code: 5 }]) {
      const res = await attempt(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    await attempt({ strategy: 'password', password: 'wrong 1' });
    const locked = await attempt({ strategy: 'password', password: 'wrong 2' });
    expect(locked.body.errors[0].code).toBe('user_locked');
    expect((await attempt({ strategy: 'password', password: PASSWORD })).body.errors[0].code).toBe('user_locked');
  });

  it('DELETE /v1/me is refused when the instance does not allow it, and the environment says so', async () => {
    const t = createTestApp({ instance: (c) => void (c.account.deleteSelfEnabled = false) });
    const me = await signUp(t, 'ada@example.com');
    const res = await call(t.app, 'DELETE', '/v1/me', { token: me.token });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe('account_deletion_not_allowed');
    expect((await call(t.app, 'GET', '/v1/environment')).body.user_settings.actions).toEqual({ delete_self: false });
    expect(await t.store.getUser(me.userId)).not.toBeNull();
  });
});
