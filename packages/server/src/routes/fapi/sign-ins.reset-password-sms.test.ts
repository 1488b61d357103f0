/**
 * "Forgot password" by a code texted to the account's phone number (instances with phone numbers
 * on): the same steps and promises as the emailed code — enumeration-safe (no number is named, an
 * account without one answers alike and gets nothing), purpose-bound, counted toward lockout.
 */
import { describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type SignedUp, type TestApp } from '../test-support.ts';

const EMAIL = 'jane@example.com';
const PHONE = '+15555550142';
const NEW = 'a brand new passphrase';
const phoneApp = () => createTestApp({ instance: (c) => void (c.attributes.phoneNumber.enabled = true) });

async function texts(t: TestApp, to: string): Promise<string[]> {
  for (let round = 0; round < 20 && (await t.worker.runOnce()) > 0; round++);
  const messages = (await call(t.app, 'GET', '/v1/dev/sms?limit=500')).body.data as Array<{ to: string; text: string }>;
  return messages.filter((m) => m.to === to).map((m) => m.text);
}

async function verifiedPhone(t: TestApp, me: SignedUp): Promise<void> {
  const id = (await call(t.app, 'POST', '/v1/me/phone_numbers', { token: me.token, body: { phone_number: PHONE } })).body.response.id as string;
  await call(t.app, 'POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { token: me.token, body: { strategy: 'phone_code' } });
  const code = /\b(\d{6})\b/.exec((await texts(t, PHONE)).at(-1) ?? '')?.[1] ?? '';
  await call(t.app, 'POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { token: me.token, body: { code } });
}

async function startReset(t: TestApp, identifier = EMAIL) {
  const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier } });
  const s = { id: started.body.response.id as string, token: started.token as string };
  const prepared = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_first_factor`, { token: s.token, body: { strategy: 'reset_password_phone_code' } });
  return { s, started, prepared };
}

describe('reset_password_phone_code', () => {
  it('is offered only with phone numbers on, and names no number', async () => {
    const off = createTestApp();
    await signUp(off, EMAIL);
    const plain = await call(off.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL } });
    expect(plain.body.response.supported_first_factors.map((f: { strategy: string }) => f.strategy)).not.toContain('reset_password_phone_code');
    const refused = await call(off.app, 'POST', `/v1/client/sign_ins/${plain.body.response.id}/prepare_first_factor`, { token: plain.token, body: { strategy: 'reset_password_phone_code' } });
    expect(refused.body.errors[0].code).toBe('strategy_not_allowed');

    const t = phoneApp();
    await signUp(t, EMAIL);
    const { started } = await startReset(t);
    expect(started.body.response.supported_first_factors).toContainEqual({ strategy: 'reset_password_phone_code' });
  });

  it('texts a reset code to the verified number; it leads to the new password and a session; the old password is done', async () => {
    const t = phoneApp();
    const me = await signUp(t, EMAIL);
    await verifiedPhone(t, me);
    const { s, prepared } = await startReset(t);
    expect(prepared.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'reset_password_phone_code' });
    const text = (await texts(t, PHONE)).at(-1) ?? '';
    expect(text).toMatch(/is your Usher password reset code/);
    const code = /\b(\d{6})\b/.exec(text)?.[1] ?? '';
    // The texted reset code is not an emailed one, nor a sign-in code.
    const asEmail = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'reset_password_email_code', code } });
    expect(asEmail.body.errors[0].code).toBe('verification_not_prepared');
    const verified = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'reset_password_phone_code', code } });
    expect(verified.body.response.status).toBe('needs_new_password');
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body: { password: NEW } });
    expect(done.body.response.status).toBe('complete');
    const old = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL, strategy: 'password', password: 'correct horse battery' } });
    expect(old.body.errors[0].code).toBe('form_password_incorrect');
  });

  it('an account without a number, and an unknown identifier, get the same answers and no text; no code verifies', async () => {
    const t = phoneApp();
    const withPhone = await signUp(t, EMAIL);
    await verifiedPhone(t, withPhone);
    await signUp(t, 'nophone@example.com');
    const strip = (r: Record<string, unknown>) => ({ ...r, id: '', identifier: '', supported_first_factors: '', abandon_at: 0 });
    const a = (await startReset(t)).prepared;
    const b = (await startReset(t, 'nophone@example.com')).prepared;
    const c = await startReset(t, 'nobody@example.com');
    expect(b.status).toBe(a.status);
    expect(c.prepared.status).toBe(a.status);
    expect(strip(b.body.response)).toEqual(strip(a.body.response));
    expect(strip(c.prepared.body.response)).toEqual(strip(a.body.response));
    expect(await texts(t, 'nophone@example.com')).toEqual([]);
    expect(await texts(t, 'nobody@example.com')).toEqual([]);
    const guess = await call(t.app, 'POST', `/v1/client/sign_ins/${c.s.id}/attempt_first_factor`, { token: c.s.token, body: { strategy: 'reset_password_phone_code', code: '123456' } });
    expect(guess.body.errors[0].code).toBe('form_code_incorrect');
  });

  it('wrong texted codes count toward the account lockout', async () => {
    const t = createTestApp({ instance: (c) => ((c.attributes.phoneNumber.enabled = true), (c.lockout.maxAttempts = 2)) });
    const me = await signUp(t, EMAIL);
    await verifiedPhone(t, me);
    const { s } = await startReset(t);
    const code = /\b(\d{6})\b/.exec((await texts(t, PHONE)).at(-1) ?? '')?.[1] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const attempt = (value: string) => call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'reset_password_phone_code', code: value } });
    expect((await attempt(wrong)).body.errors[0].code).toBe('form_code_incorrect');
    expect((await attempt(wrong)).body.errors[0].code).toBe('user_locked');
    expect((await attempt(code)).body.errors[0].code).toBe('user_locked');
  });
});

describe('a texted reset code and 2-step verification', () => {
  it('a texted code is never also the second factor: after a reset by text, a reserved number is not offered, backup codes are', async () => {
    const t = createTestApp({ instance: (c) => ((c.attributes.phoneNumber.enabled = true), (c.mfa.phoneCode = true)) });
    const me = await signUp(t, EMAIL);
    await verifiedPhone(t, me);
    const phoneId = (await t.store.listPhoneNumbers(me.userId))[0]!.id;
    const reserved = await call(t.app, 'PATCH', `/v1/me/phone_numbers/${phoneId}`, { token: me.token, body: { reserved_for_second_factor: true } });
    const backupCodes = reserved.body.response.backup_codes as string[];
    const { s } = await startReset(t);
    const code = /\b(\d{6})\b/.exec((await texts(t, PHONE)).at(-1) ?? '')?.[1] ?? '';
    await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'reset_password_phone_code', code } });
    const reset = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body: { password: NEW } });
    expect(reset.body.response).toMatchObject({ status: 'needs_second_factor', supported_second_factors: [{ strategy: 'backup_code', default: true }] });
    const sms = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_second_factor`, { token: s.token, body: { strategy: 'phone_code' } });
    expect(sms.body.errors[0].code).toBe('strategy_not_allowed');
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_second_factor`, { token: s.token, body: { strategy: 'backup_code', code: backupCodes[0] } });
    expect(done.body.response.status).toBe('complete');
  });
});
