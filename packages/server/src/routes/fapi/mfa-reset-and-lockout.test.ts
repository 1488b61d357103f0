/**
 * "Forgot password" for an account with a second factor, and the lockout across every
 * second-factor path. SECURITY.md: a reset ends at the second-factor step, never at a session;
 * every path counts toward the lockout and is locked.
 */
import { describe, expect, it } from 'vitest';
import { backendCall, givenSecretKey } from '../bapi/backend-test-support.ts';
import { call, latestCode, mailbox, type TestApp } from '../test-support.ts';
import { EMAIL, errorOf, givenMfaUser, mfaApp, PASSWORD, passwordSignIn, secondFactor, type SignInAttempt } from './mfa-test-support.ts';

const NEW = 'a brand new passphrase';
const RESET = 'reset_password_email_code';

/** A sign-in whose reset code was verified: needs_new_password. */
async function verifiedReset(t: TestApp): Promise<SignInAttempt> {
  const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL } });
  const s = { id: started.body.response.id as string, token: started.token as string };
  await mailbox(t);
  t.clock.advance(1000);
  await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_first_factor`, { token: s.token, body: { strategy: RESET } });
  const verified = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: RESET, code: await latestCode(t, EMAIL) } });
  expect(verified.body.response.status).toBe('needs_new_password');
  return s;
}

describe('password reset of an account with a second factor', () => {
  it('code → new password → needs_second_factor (no session, the password not changed yet) → second factor → session with the new password', async () => {
    const t = mfaApp();
    const { me, app } = await givenMfaUser(t);
    const s = await verifiedReset(t);
    const reset = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body: { password: NEW, sign_out_of_other_sessions: true } });
    expect(reset.status).toBe(200);
    expect(reset.body.response).toMatchObject({ status: 'needs_second_factor', created_session_id: null, supported_second_factors: [{ strategy: 'totp' }, { strategy: 'backup_code' }] });
    expect(reset.body.client.sessions).toEqual([]);
    // Whoever holds only the mailbox changed nothing: the old password still signs in (to the second step), the new one does not.
    expect((await passwordSignIn(t, EMAIL, PASSWORD)).res.body.response.status).toBe('needs_second_factor');
    expect(errorOf((await passwordSignIn(t, EMAIL, NEW)).res)).toBe('form_password_incorrect');
    expect((await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens`, { token: me.token })).status).toBe(200);
    expect((await mailbox(t)).some((m) => /password was changed/.test(m.subject))).toBe(false);

    const done = await secondFactor(t, s, 'totp', await app.code());
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client.sessions).toHaveLength(1);
    expect(errorOf((await passwordSignIn(t, EMAIL, PASSWORD)).res)).toBe('form_password_incorrect');
    expect((await passwordSignIn(t, EMAIL, NEW)).res.body.response.status).toBe('needs_second_factor');
    // sign_out_of_other_sessions took effect with the password.
    expect((await t.store.getSession(me.sessionId))?.status).toBe('revoked');
    expect((await mailbox(t)).filter((m) => /password was changed/.test(m.subject)).at(-1)?.text).toContain('was signed out');
  });

  it('a backup code finishes a reset too, and the reset cannot be finished twice', async () => {
    const t = mfaApp();
    const { backupCodes } = await givenMfaUser(t);
    const s = await verifiedReset(t);
    await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body: { password: NEW } });
    const done = await secondFactor(t, s, 'backup_code', backupCodes[0]!);
    expect(done.body.response.status).toBe('complete');
    // The device's token rotated with the session; with it, the finished sign-in takes no other code.
    expect(errorOf(await secondFactor(t, { id: s.id, token: done.token! }, 'backup_code', backupCodes[1]!))).toBe('sign_in_status_invalid');
    expect((await passwordSignIn(t, EMAIL, NEW)).res.body.response.status).toBe('needs_second_factor');
  });
});

describe('lockout across the second-factor paths', () => {
  it('wrong authenticator and backup codes count with wrong passwords; at the limit every path is refused until unlock', async () => {
    const t = mfaApp({ instance: (c) => void (c.lockout = { maxAttempts: 4, lockSeconds: 3600 }) });
    const { me, app, backupCodes } = await givenMfaUser(t);
    const { attempt } = await passwordSignIn(t);
    const right = await app.code();
    const wrong = right === '000000' ? '111111' : '000000';
    expect(errorOf(await secondFactor(t, attempt, 'totp', wrong))).toBe('form_code_incorrect');
    expect(errorOf(await secondFactor(t, attempt, 'backup_code', 'aaaaa-aaaaa'))).toBe('form_code_incorrect');
    expect(errorOf((await passwordSignIn(t, EMAIL, 'not the password')).res)).toBe('form_password_incorrect');
    const fourth = await secondFactor(t, attempt, 'totp', wrong);
    expect(fourth.status).toBe(403);
    expect(fourth.body.errors[0]).toMatchObject({ code: 'user_locked', meta: { lock_expires_at: t.clock.now() + 3600_000 } });

    // Locked: the right code, a right backup code, the right password, a reset: all refused.
    expect(errorOf(await secondFactor(t, attempt, 'totp', right))).toBe('user_locked');
    expect(errorOf(await secondFactor(t, attempt, 'backup_code', backupCodes[0]!))).toBe('user_locked');
    expect(errorOf((await passwordSignIn(t)).res)).toBe('user_locked');

    const key = await givenSecretKey(t);
    expect((await backendCall(t, 'POST', `/users/${me.userId}/unlock`, { key })).body).toMatchObject({ locked: false, two_factor_enabled: true, totp_enabled: true });
    expect((await secondFactor(t, attempt, 'totp', right)).body.response.status).toBe('complete');
  });

  it('the lock ends by itself after the configured time', async () => {
    const t = mfaApp({ instance: (c) => void (c.lockout = { maxAttempts: 2, lockSeconds: 600 }) });
    const { app } = await givenMfaUser(t);
    const { attempt } = await passwordSignIn(t);
    await secondFactor(t, attempt, 'backup_code', 'bbbbb-bbbbb');
    expect(errorOf(await secondFactor(t, attempt, 'backup_code', 'ccccc-ccccc'))).toBe('user_locked');
    t.clock.advance(601_000);
    const fresh = (await passwordSignIn(t)).attempt;
    expect((await secondFactor(t, fresh, 'totp', await app.code())).body.response.status).toBe('complete');
  });
});

describe('Backend API', () => {
  it('shows the second factors, turns them off for a user who lost their devices, and edits the MFA settings', async () => {
    const t = mfaApp();
    const { me } = await givenMfaUser(t);
    const key = await givenSecretKey(t);
    expect((await backendCall(t, 'GET', `/users/${me.userId}`, { key })).body).toMatchObject({ two_factor_enabled: true, totp_enabled: true, backup_code_enabled: true });
    const off = await backendCall(t, 'DELETE', `/users/${me.userId}/mfa`, { key });
    expect(off.body).toMatchObject({ two_factor_enabled: false, totp_enabled: false, backup_code_enabled: false });
    expect((await passwordSignIn(t)).res.body.response.status).toBe('complete');
    expect((await backendCall(t, 'DELETE', '/users/user_00000000000000000000000000000000000/mfa', { key })).status).toBe(404);

    const settings = await backendCall(t, 'PATCH', '/instance', { key, body: { mfa_required: true, mfa_phone_code_enabled: true } });
    expect(settings.body).toMatchObject({ mfa_required: true, mfa_phone_code_enabled: true, mfa_totp_enabled: true, mfa_backup_codes_enabled: true });
    expect((await call(t.app, 'GET', '/v1/environment')).body.user_settings.mfa).toEqual({ totp: true, phone_code: false, backup_code: true, required: true });
    const impossible = await backendCall(t, 'PATCH', '/instance', { key, body: { mfa_totp_enabled: false } });
    expect(impossible.status).toBe(422);
    expect(impossible.body.errors[0].meta.param_name).toBe('mfa_required');
  });
});
