/**
 * SMS codes as a second factor: an instance switch, and per user only for a verified number the
 * user explicitly reserves. SECURITY.md "MFA" and "Codes" (a resend keeps the attempt budget).
 */
import { describe, expect, it } from 'vitest';
import { call, signUp, type SignedUp, type TestApp, type TestAppOptions } from '../test-support.ts';
import { EMAIL, errorOf, givenTotp, mfaApp, MINUTE, PASSWORD, passwordSignIn, secondFactor, type SignInAttempt } from './mfa-test-support.ts';

const PHONE = '+15555550142';
const smsApp = (options: TestAppOptions = {}) =>
  mfaApp({
    ...options,
    instance: (c) => {
      c.attributes.phoneNumber.enabled = true;
      c.mfa.phoneCode = true;
      options.instance?.(c);
    },
  });

async function latestSms(t: TestApp, to: string): Promise<string> {
  for (let round = 0; round < 20 && (await t.worker.runOnce()) > 0; round++);
  const messages = (await call(t.app, 'GET', '/v1/dev/sms?limit=500&order_by=-created_at')).body.data as Array<{ to: string; text: string }>;
  const match = /\b(\d{6})\b/.exec(messages.find((m) => m.to === to)?.text ?? '');
  if (!match?.[1]) throw new Error(`no code was texted to ${to}`);
  return match[1];
}

async function verifiedPhone(t: TestApp, me: SignedUp, phone = PHONE): Promise<string> {
  const id = (await call(t.app, 'POST', '/v1/me/phone_numbers', { token: me.token, body: { phone_number: phone } })).body.response.id as string;
  await call(t.app, 'POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { token: me.token, body: { strategy: 'phone_code' } });
  const done = await call(t.app, 'POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { token: me.token, body: { code: await latestSms(t, phone) } });
  expect(done.body.response.verification.status).toBe('verified');
  return id;
}

const reserve = (t: TestApp, me: SignedUp, id: string, body: Record<string, unknown> = { reserved_for_second_factor: true }) => call(t.app, 'PATCH', `/v1/me/phone_numbers/${id}`, { token: me.token, body });
const prepareSms = (t: TestApp, s: SignInAttempt, body: Record<string, unknown> = { strategy: 'phone_code' }) => call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_second_factor`, { token: s.token, body });

describe('a phone number reserved for 2-step verification', () => {
  it('reserving a verified number makes it the first second factor and answers 10 backup codes; sign-in texts a code to it', async () => {
    const t = smsApp();
    const me = await signUp(t, EMAIL, PASSWORD);
    const id = await verifiedPhone(t, me);
    const reserved = await reserve(t, me, id);
    expect(reserved.status).toBe(200);
    expect(reserved.body.response).toMatchObject({ id, reserved_for_second_factor: true });
    expect(reserved.body.response.backup_codes).toHaveLength(10);
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response).toMatchObject({ two_factor_enabled: true, totp_enabled: false, backup_code_enabled: true });

    const { res, attempt } = await passwordSignIn(t);
    expect(res.body.response).toMatchObject({
      status: 'needs_second_factor',
      supported_second_factors: [{ strategy: 'phone_code', phone_number_id: id, safe_identifier: '+1 ••• ••• ••42', default: true }, { strategy: 'backup_code' }],
    });
    const prepared = await prepareSms(t, attempt);
    expect(prepared.body.response.second_factor_verification).toMatchObject({ status: 'unverified', strategy: 'phone_code' });
    const code = await latestSms(t, PHONE);
    const done = await secondFactor(t, attempt, 'phone_code', code);
    expect(done.body.response).toMatchObject({ status: 'complete', second_factor_verification: { status: 'verified', strategy: 'phone_code' } });
    // The same code is spent; the next sign-in needs a new one.
    const again = (await passwordSignIn(t)).attempt;
    expect(errorOf(await secondFactor(t, again, 'phone_code', code))).toBe('verification_not_prepared');
  });

  it('reserving needs the instance switch, a verified number of one’s own, and a fresh re-verification', async () => {
    const off = smsApp({ instance: (c) => void (c.mfa.phoneCode = false) });
    const a = await signUp(off, EMAIL, PASSWORD);
    const aPhone = await verifiedPhone(off, a);
    expect(errorOf(await reserve(off, a, aPhone))).toBe('strategy_not_allowed');

    const t = smsApp();
    const me = await signUp(t, EMAIL, PASSWORD);
    const eve = await signUp(t, 'eve@example.com', PASSWORD);
    const unverified = (await call(t.app, 'POST', '/v1/me/phone_numbers', { token: me.token, body: { phone_number: '+15555550100' } })).body.response.id as string;
    expect(errorOf(await reserve(t, me, unverified))).toBe('phone_number_not_verified');
    const id = await verifiedPhone(t, me);
    expect((await reserve(t, eve, id)).status).toBe(404);
    for (const body of [{ reserved_for_second_factor: 'yes' }, { default_second_factor: false }, { phone_number: '+1555' }]) expect((await reserve(t, me, id, body)).status, JSON.stringify(body)).toBe(422);
    expect(errorOf(await reserve(t, me, id, { default_second_factor: true }))).toBe('form_param_value_invalid');
    t.clock.advance(11 * MINUTE);
    expect(errorOf(await reserve(t, me, id))).toBe('session_reverification_required');
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response.two_factor_enabled).toBe(false);
  });

  it('a resend keeps the attempt budget: 5 wrong codes burn the round however many codes were sent', async () => {
    const t = smsApp({ instance: (c) => void (c.lockout.maxAttempts = 100) });
    const me = await signUp(t, EMAIL, PASSWORD);
    await reserve(t, me, await verifiedPhone(t, me));
    const { attempt } = await passwordSignIn(t);
    await prepareSms(t, attempt);
    let code = await latestSms(t, PHONE);
    const wrong = () => (code === '000000' ? '111111' : '000000');
    for (let i = 0; i < 4; i++) {
      const res = await secondFactor(t, attempt, 'phone_code', wrong());
      expect(res.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 4 - i } });
      t.clock.advance(31_000);
      await prepareSms(t, attempt);
      code = await latestSms(t, PHONE);
    }
    expect(errorOf(await secondFactor(t, attempt, 'phone_code', wrong()))).toBe('verification_failed');
    expect(errorOf(await secondFactor(t, attempt, 'phone_code', code))).toBe('verification_failed');
  });

  it('wrong texted codes count toward the account lockout; locked, the right one is refused too', async () => {
    const t = smsApp({ instance: (c) => void (c.lockout.maxAttempts = 2) });
    const me = await signUp(t, EMAIL, PASSWORD);
    await reserve(t, me, await verifiedPhone(t, me));
    const { attempt } = await passwordSignIn(t);
    await prepareSms(t, attempt);
    const code = await latestSms(t, PHONE);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(errorOf(await secondFactor(t, attempt, 'phone_code', wrong))).toBe('form_code_incorrect');
    expect(errorOf(await secondFactor(t, attempt, 'phone_code', wrong))).toBe('user_locked');
    expect(errorOf(await secondFactor(t, attempt, 'phone_code', code))).toBe('user_locked');
  });

  it('sign-in opens with the method used last; a prepared number may be another reserved one; releasing the last factor deletes the backup codes', async () => {
    const t = smsApp();
    const me = await signUp(t, EMAIL, PASSWORD);
    const phoneId = await verifiedPhone(t, me);
    await reserve(t, me, phoneId);
    const { app } = await givenTotp(t, me);
    // An authenticator added to a number: no new backup codes (the account had a second factor).
    expect((await passwordSignIn(t)).res.body.response.supported_second_factors.map((f: { strategy: string; default: boolean }) => [f.strategy, f.default])).toEqual([
      ['totp', true],
      ['phone_code', false],
      ['backup_code', false],
    ]);
    const viaSms = (await passwordSignIn(t)).attempt;
    await prepareSms(t, viaSms, { strategy: 'phone_code', phone_number_id: phoneId });
    expect((await secondFactor(t, viaSms, 'phone_code', await latestSms(t, PHONE))).body.response.status).toBe('complete');
    const next = await passwordSignIn(t);
    expect(next.res.body.response.supported_second_factors[0]).toMatchObject({ strategy: 'phone_code', default: true });
    expect(errorOf(await prepareSms(t, next.attempt, { strategy: 'phone_code', phone_number_id: 'idn_unknown' }))).toBe('strategy_not_allowed');
    expect((await secondFactor(t, next.attempt, 'totp', await app.code())).body.response.status).toBe('complete');

    expect((await call(t.app, 'DELETE', '/v1/me/totp', { token: me.token })).status).toBe(200);
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response.backup_code_enabled).toBe(true);
    const released = await reserve(t, me, phoneId, { reserved_for_second_factor: false });
    expect(released.body.response).toMatchObject({ reserved_for_second_factor: false, default_second_factor: false });
    expect((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response).toMatchObject({ two_factor_enabled: false, backup_code_enabled: false });
    expect((await passwordSignIn(t)).res.body.response.status).toBe('complete');
  });

  it('with SMS codes switched off later, a reserved number is no longer asked for', async () => {
    const t = smsApp();
    const me = await signUp(t, EMAIL, PASSWORD);
    await reserve(t, me, await verifiedPhone(t, me));
    t.config.mfa.phoneCode = false;
    const switched = mfaApp({ store: t.store, instance: (c) => void (c.attributes.phoneNumber.enabled = true) });
    expect((await passwordSignIn(switched)).res.body.response.status).toBe('complete');
  });
});
