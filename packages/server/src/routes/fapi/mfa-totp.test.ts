/**
 * Authenticator apps (TOTP) at the HTTP level: setting one up from UserProfile's endpoints, and
 * sign-in's second-factor step with it and with backup codes. SECURITY.md "MFA" and "One-time
 * things are used once".
 */
import { describe, expect, it } from 'vitest';
import { call, latestCode, mailbox, signUp } from '../test-support.ts';
import { authenticatorOf, EMAIL, errorOf, givenMfaUser, mfaApp, MINUTE, PASSWORD, passwordSignIn, secondFactor, STEP_MS } from './mfa-test-support.ts';

describe('setting up an authenticator app (POST /v1/me/totp)', () => {
  it('answers a base32 secret and an otpauth URI naming the app and the account; sign-in is unchanged until a first right code', async () => {
    const t = mfaApp({ instance: (c) => void (c.applicationName = 'Acme') });
    const me = await signUp(t, EMAIL, PASSWORD);
    const started = await call(t.app, 'POST', '/v1/me/totp', { token: me.token, body: {} });
    expect(started.status).toBe(200);
    const totp = started.body.response;
    expect(totp).toMatchObject({ object: 'totp', verified: false, backup_codes: null, secret: expect.stringMatching(/^[A-Z2-7]{32}$/) });
    const uri = new URL(totp.uri);
    expect(`${uri.protocol}//${uri.host}${decodeURIComponent(uri.pathname)}`).toBe('otpauth://totp/Acme:jane@example.com');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: totp.secret, issuer: 'Acme', algorithm: 'SHA1', digits: '6', period: '30' });

    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response).toMatchObject({ two_factor_enabled: false, totp_enabled: false });
    expect((await passwordSignIn(t)).res.body.response.status).toBe('complete');
  });

  it('a wrong first code leaves it off; the right one turns it on and answers 10 backup codes, once', async () => {
    const t = mfaApp();
    const me = await signUp(t, EMAIL, PASSWORD);
    const app = authenticatorOf(t, (await call(t.app, 'POST', '/v1/me/totp', { token: me.token, body: {} })).body.response.secret);
    const right = await app.code();
    const wrong = right === '000000' ? '111111' : '000000';
    for (const code of [wrong, await app.code(2), 'abcdef', '']) {
      const res = await call(t.app, 'POST', '/v1/me/totp/attempt_verification', { token: me.token, body: { code } });
      expect(res.status, code).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } });
    }
    const done = await call(t.app, 'POST', '/v1/me/totp/attempt_verification', { token: me.token, body: { code: right } });
    expect(done.body.response).toMatchObject({ object: 'totp', verified: true, secret: null, uri: null });
    expect(done.body.response.backup_codes).toHaveLength(10);
    expect(new Set(done.body.response.backup_codes).size).toBe(10);
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response).toMatchObject({ two_factor_enabled: true, totp_enabled: true, backup_code_enabled: true });

    expect(errorOf(await call(t.app, 'POST', '/v1/me/totp/attempt_verification', { token: me.token, body: { code: right } }))).toBe('totp_already_enabled');
    const again = await call(t.app, 'POST', '/v1/me/totp', { token: me.token, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].code).toBe('totp_already_enabled');
  });

  it('needs a factor verified in the last 10 minutes, a signed-in user, and the instance switch', async () => {
    const t = mfaApp();
    const me = await signUp(t, EMAIL, PASSWORD);
    t.clock.advance(11 * MINUTE);
    const stale = await call(t.app, 'POST', '/v1/me/totp', { token: me.token, body: {} });
    expect(stale.status).toBe(403);
    expect(stale.body.errors[0].code).toBe('session_reverification_required');
    expect((await call(t.app, 'POST', '/v1/me/totp', { token: null, body: {} })).status).toBe(401);

    const off = mfaApp({ instance: (c) => void (c.mfa.totp = false) });
    const other = await signUp(off, EMAIL, PASSWORD);
    expect(errorOf(await call(off.app, 'POST', '/v1/me/totp', { token: other.token, body: {} }))).toBe('strategy_not_allowed');
    expect((await call(off.app, 'GET', '/v1/environment')).body.user_settings.mfa).toEqual({ totp: false, phone_code: false, backup_code: true, required: false });
  });

  it('removing it needs a re-verification; then sign-in asks for the password only and the backup codes are gone', async () => {
    const t = mfaApp();
    const { me, backupCodes } = await givenMfaUser(t);
    t.clock.advance(11 * MINUTE);
    expect(errorOf(await call(t.app, 'DELETE', '/v1/me/totp', { token: me.token }))).toBe('session_reverification_required');
    await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'password', password: PASSWORD } });
    const removed = await call(t.app, 'DELETE', '/v1/me/totp', { token: me.token });
    expect(removed.body.response).toEqual({ object: 'totp', deleted: true });
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response).toMatchObject({ two_factor_enabled: false, totp_enabled: false, backup_code_enabled: false });
    const { res } = await passwordSignIn(t);
    expect(res.body.response.status).toBe('complete');
    expect(errorOf(await call(t.app, 'DELETE', '/v1/me/totp', { token: me.token }))).toBe('totp_not_enabled');
    expect(backupCodes).toHaveLength(10);
  });

  it('every change is told to the primary address: added, new backup codes, removed (and that it is now off)', async () => {
    const t = mfaApp();
    const { me } = await givenMfaUser(t);
    await call(t.app, 'POST', '/v1/me/backup_codes', { token: me.token, body: {} });
    await call(t.app, 'DELETE', '/v1/me/totp', { token: me.token });
    // Delivered at one instant of the test clock: their order in the mailbox is not the order of the changes.
    const notices = (await mailbox(t)).filter((m) => m.to === EMAIL && /2-step verification/.test(m.subject));
    expect(notices).toHaveLength(3);
    const about = (words: string) => notices.find((m) => m.text.includes(words));
    expect(about('An authenticator app was added')?.subject).toBe('2-step verification changed on your Usher account');
    expect(about('New backup codes were made')?.subject).toBe('2-step verification changed on your Usher account');
    const off = about('The authenticator app was removed');
    expect(off?.subject).toBe('2-step verification is off on your Usher account');
    expect(off?.text).toContain('Sign-in now asks for your password or an emailed code only.');
  });

  it('an instance that requires 2-step verification refuses removing the last second factor', async () => {
    const t = mfaApp({ instance: (c) => void (c.mfa.required = true) });
    const { me } = await givenMfaUser(t);
    const res = await call(t.app, 'DELETE', '/v1/me/totp', { token: me.token });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('mfa_required');
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response.totp_enabled).toBe(true);
  });
});

describe('sign-in with an authenticator app', () => {
  it('given a user with TOTP, the right password stops at needs_second_factor with no session; the code completes it', async () => {
    const t = mfaApp();
    const { app } = await givenMfaUser(t);
    const { res, attempt } = await passwordSignIn(t);
    expect(res.status).toBe(200);
    expect(res.body.response).toMatchObject({
      status: 'needs_second_factor',
      created_session_id: null,
      supported_second_factors: [{ strategy: 'totp', default: true }, { strategy: 'backup_code', default: false }],
      user_data: { first_name: null },
    });
    expect(res.body.client.sessions).toEqual([]);
    // Nothing the device holds yet signs anyone in.
    expect((await call(t.app, 'GET', '/v1/me', { token: attempt.token })).status).toBe(401);

    const done = await secondFactor(t, attempt, 'totp', await app.code());
    expect(done.body.response).toMatchObject({ status: 'complete', second_factor_verification: { status: 'verified', strategy: 'totp' } });
    const session = done.body.client.sessions[0];
    expect(session.id).toBe(done.body.response.created_session_id);
    expect(session.factor_verification_age).toEqual([0, 0]);
    // The client token rotated when the session began (no fixation).
    expect(done.token).not.toBe(attempt.token);
    expect((await call(t.app, 'GET', '/v1/me', { token: done.token })).body.response.email_addresses[0].email_address).toBe(EMAIL);
  });

  it('a code works once: the same code on another sign-in is refused; the previous and next steps work, two steps away does not', async () => {
    const t = mfaApp();
    const { app } = await givenMfaUser(t);
    const code = await app.code();
    const first = (await passwordSignIn(t)).attempt;
    expect((await secondFactor(t, first, 'totp', code)).body.response.status).toBe('complete');

    const second = (await passwordSignIn(t)).attempt;
    const replay = await secondFactor(t, second, 'totp', code);
    expect(replay.status).toBe(422);
    expect(replay.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', long_message: expect.stringMatching(/already used/) });
    // A code from two steps ahead is outside the ±1 window; the next step's is inside it.
    expect(errorOf(await secondFactor(t, second, 'totp', await app.code(2)))).toBe('form_code_incorrect');
    expect((await secondFactor(t, second, 'totp', await app.code(1))).body.response.status).toBe('complete');

    // Once a later step was used, an earlier one (still inside the window) no longer works.
    const third = (await passwordSignIn(t)).attempt;
    expect(errorOf(await secondFactor(t, third, 'totp', code))).toBe('form_code_incorrect');
    // Three steps on, the previous step is one after the last used one: inside the window, unused.
    t.clock.advance(3 * STEP_MS);
    expect((await secondFactor(t, third, 'totp', await app.code(-1))).body.response.status).toBe('complete');
  });

  it('an emailed sign-in code is a first factor like the password: the second step follows; it must come within 10 minutes', async () => {
    const t = mfaApp();
    const { app } = await givenMfaUser(t);
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL, strategy: 'email_code' } });
    const s = { id: started.body.response.id as string, token: started.token as string };
    const byCode = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'email_code', code: await latestCode(t, EMAIL) } });
    expect(byCode.body.response).toMatchObject({ status: 'needs_second_factor', created_session_id: null });
    expect(byCode.body.response.abandon_at).toBe(t.clock.now() + 10 * MINUTE);
    expect((await secondFactor(t, s, 'totp', await app.code())).body.response.status).toBe('complete');

    const { attempt: late } = await passwordSignIn(t);
    t.clock.advance(10 * MINUTE + 1);
    expect(errorOf(await secondFactor(t, late, 'totp', await app.code()))).toBe('sign_in_not_found');
  });

  it('20 parallel redemptions of one code on 20 sign-ins: exactly one signs in', async () => {
    const t = mfaApp();
    const { app } = await givenMfaUser(t);
    const attempts = await Promise.all(Array.from({ length: 20 }, async () => (await passwordSignIn(t)).attempt));
    const code = await app.code();
    const results = await Promise.all(attempts.map((a) => secondFactor(t, a, 'totp', code)));
    expect(results.filter((r) => r.body.response?.status === 'complete')).toHaveLength(1);
    expect(results.filter((r) => errorOf(r) === 'form_code_incorrect')).toHaveLength(19);
  });

  it('the second-factor step is only for a sign-in whose first factor was right, on its own device', async () => {
    const t = mfaApp();
    const { app } = await givenMfaUser(t);
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL } });
    const early = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, { token: started.token, body: { strategy: 'totp', code: await app.code() } });
    expect(early.body.errors[0]).toMatchObject({ code: 'sign_in_status_invalid' });
    const { attempt } = await passwordSignIn(t);
    const elsewhere = await call(t.app, 'POST', `/v1/client/sign_ins/${attempt.id}/attempt_second_factor`, { token: started.token, body: { strategy: 'totp', code: await app.code() } });
    expect(elsewhere.status).toBe(404);
    // A first factor cannot be attempted again to skip the step.
    const again = await call(t.app, 'POST', `/v1/client/sign_ins/${attempt.id}/attempt_first_factor`, { token: attempt.token, body: { strategy: 'password', password: PASSWORD } });
    expect(again.body.errors[0].code).toBe('sign_in_status_invalid');
    for (const body of [{ strategy: 'sms', code: '123456' }, { strategy: 'totp' }, { strategy: 'totp', code: 123456 }, { strategy: 'totp', code: '1'.repeat(65) }, { strategy: 'totp', code: '1', extra: true }]) {
      const res = await call(t.app, 'POST', `/v1/client/sign_ins/${attempt.id}/attempt_second_factor`, { token: attempt.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await secondFactor(t, attempt, 'totp', await app.code())).body.response.status).toBe('complete');
  });
});

describe('backup codes', () => {
  it('each signs in once, typed in any case and with spaces; the same code then fails; 20 parallel redemptions: one wins', async () => {
    const t = mfaApp();
    const { backupCodes } = await givenMfaUser(t);
    const [code, raced] = backupCodes as [string, string];
    const first = (await passwordSignIn(t)).attempt;
    expect((await secondFactor(t, first, 'backup_code', ` ${code.toUpperCase().replace('-', ' ')} `)).body.response).toMatchObject({ status: 'complete', second_factor_verification: { strategy: 'backup_code' } });
    const second = (await passwordSignIn(t)).attempt;
    expect(errorOf(await secondFactor(t, second, 'backup_code', code))).toBe('form_code_incorrect');

    const attempts = await Promise.all(Array.from({ length: 20 }, async () => (await passwordSignIn(t)).attempt));
    const results = await Promise.all(attempts.map((a) => secondFactor(t, a, 'backup_code', raced)));
    expect(results.filter((r) => r.body.response?.status === 'complete')).toHaveLength(1);
  });

  it('a new set replaces the old (re-verification required); backup codes need a second factor to exist', async () => {
    const t = mfaApp();
    const { me, backupCodes } = await givenMfaUser(t);
    const renewed = await call(t.app, 'POST', '/v1/me/backup_codes', { token: me.token, body: {} });
    expect(renewed.body.response).toMatchObject({ object: 'backup_code' });
    const codes = renewed.body.response.codes as string[];
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => backupCodes.includes(c))).toBe(false);
    const a = (await passwordSignIn(t)).attempt;
    expect(errorOf(await secondFactor(t, a, 'backup_code', backupCodes[0]!))).toBe('form_code_incorrect');
    expect((await secondFactor(t, a, 'backup_code', codes[0]!)).body.response.status).toBe('complete');

    t.clock.advance(11 * MINUTE);
    expect(errorOf(await call(t.app, 'POST', '/v1/me/backup_codes', { token: me.token, body: {} }))).toBe('session_reverification_required');
    const plain = await signUp(t, 'plain@example.com', PASSWORD);
    expect(errorOf(await call(t.app, 'POST', '/v1/me/backup_codes', { token: plain.token, body: {} }))).toBe('mfa_not_enabled');
  });
});
