/**
 * The password policy at the HTTP level, on every path that sets a password (sign-up, change
 * password, reset, Backend API): the instance's composition rules, the zxcvbn strength floor and
 * the breached-password check, each a 422 with its own code that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { BreachChecker } from '../../deps.ts';
import { backendCall, givenSecretKey } from '../bapi/backend-test-support.ts';
import { call, createTestApp, latestCode, signUp, type TestApp } from '../test-support.ts';

const GOOD = 'correct horse battery';
/** Strong by zxcvbn's measure, but this test's breach list knows it. */
const BREACHED_PASSPHRASE = 'violet tractor humming spoon';
const knownBreaches: BreachChecker = { isBreached: async (password) => password === BREACHED_PASSPHRASE };

const startSignUp = (t: TestApp, body: Record<string, unknown>) => call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'new@example.com', ...body } });
const firstError = (res: { body: { errors?: Array<Record<string, unknown>> } }) => res.body.errors?.[0];

describe('new passwords: strength, composition and breaches', () => {
  it('refuses a common password at sign-up as too weak, with zxcvbn’s advice, and creates nothing', async () => {
    const t = createTestApp();
    const res = await startSignUp(t, { password: 'password' });
    expect(res.status).toBe(422);
    expect(firstError(res)).toMatchObject({
      code: 'form_password_not_strong_enough',
      long_message: expect.stringMatching(/too easy to guess.*heavily used/),
      meta: { param_name: 'password', zxcvbn: { score: 0, min_score: 2, warning: expect.any(String), suggestions: expect.any(Array) } },
    });
    expect(res.token).toBeNull();
    expect((await t.store.listUsers({ limit: 10, offset: 0, order: 'asc' })).totalCount).toBe(0);
  });

  it('refuses a password built on the user’s own email address', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'zebra.mcwhistle@example.com', password: 'zebramcwhistle' } });
    expect(firstError(res)?.code).toBe('form_password_not_strong_enough');
  });

  it('refuses a breached password even when it looks strong, and says why', async () => {
    const t = createTestApp({ breachChecker: knownBreaches });
    const res = await startSignUp(t, { password: BREACHED_PASSPHRASE });
    expect(res.status).toBe(422);
    expect(firstError(res)).toMatchObject({ code: 'form_password_pwned', long_message: expect.stringMatching(/appeared in a data breach/), meta: { param_name: 'password' } });
  });

  it('with the strength floor off, the offline breach list still refuses the most common passwords', async () => {
    const t = createTestApp({ instance: (c) => void (c.password.minStrength = 0) });
    expect(firstError(await startSignUp(t, { password: 'password1' }))?.code).toBe('form_password_pwned');
    expect((await startSignUp(t, { password: GOOD })).status).toBe(200);
  });

  it('with both off, accepts what only the length rule allows', async () => {
    const t = createTestApp({ instance: (c) => Object.assign(c.password, { minStrength: 0, breachCheck: false }) });
    expect((await startSignUp(t, { password: 'password1' })).status).toBe(200);
  });

  it('enforces opt-in composition rules, naming each unmet one; the length is checked first then the rules', async () => {
    const t = createTestApp({ instance: (c) => Object.assign(c.password, { requireUppercase: true, requireNumbers: true, requireSpecialChar: true }) });
    const res = await startSignUp(t, { password: GOOD });
    expect(firstError(res)).toMatchObject({
      code: 'form_password_validation_failed',
      long_message: 'Your password needs an upper-case letter, a number, a special character (like ! or #).',
      meta: { param_name: 'password', unmet_rules: ['uppercase', 'number', 'special_char'] },
    });
    expect((await startSignUp(t, { password: 'Correct horse battery 9!' })).status).toBe(200);
    expect(firstError(await startSignUp(t, { password: 'Aa1!' }))?.code).toBe('form_password_length_too_short');
    expect(firstError(await startSignUp(t, { password: 'A1!'.repeat(100) }))?.code).toBe('form_password_length_too_long');
  });

  it('publishes the policy in the environment, for the components’ live rules', async () => {
    const t = createTestApp({ instance: (c) => void (c.password.requireLowercase = true) });
    const env = await call(t.app, 'GET', '/v1/environment', { token: null });
    expect(env.body.user_settings.password_settings).toEqual({
      min_length: 8,
      max_length: 256,
      require_uppercase: false,
      require_lowercase: true,
      require_numbers: false,
      require_special_char: false,
      min_zxcvbn_strength: 2,
      breach_check: true,
    });
  });

  it('change_password applies the same checks and keeps the old password on refusal', async () => {
    const t = createTestApp({ breachChecker: knownBreaches });
    const me = await signUp(t, 'ada@example.com', GOOD);
    for (const [new_password, code] of [['qwertyuiop', 'form_password_not_strong_enough'], [BREACHED_PASSPHRASE, 'form_password_pwned']] as const) {
      const res = await call(t.app, 'POST', '/v1/me/change_password', { token: me.token, body: { current_password: GOOD, new_password } });
      expect(firstError(res)).toMatchObject({ code, meta: { param_name: 'new_password' } });
    }
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'ada@example.com', password: GOOD } })).status).toBe(200);
  });

  it('a reset refuses a weak or breached new password and stays at needs_new_password', async () => {
    const t = createTestApp({ breachChecker: knownBreaches });
    await signUp(t, 'ada@example.com', GOOD);
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'ada@example.com' } });
    const s = { id: started.body.response.id as string, token: started.token as string };
    await t.worker.runOnce();
    t.clock.advance(1000);
    await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_first_factor`, { token: s.token, body: { strategy: 'reset_password_email_code' } });
    const code = await latestCode(t, 'ada@example.com');
    await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'reset_password_email_code', code } });
    for (const [password, expected] of [['password', 'form_password_not_strong_enough'], [BREACHED_PASSPHRASE, 'form_password_pwned']] as const) {
      expect(firstError(await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body: { password } }))?.code).toBe(expected);
    }
    expect((await call(t.app, 'GET', `/v1/client/sign_ins/${s.id}`, { token: s.token })).body.response.status).toBe('needs_new_password');
    expect((await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body: { password: 'a brand new passphrase' } })).body.response.status).toBe('complete');
  });

  it('the Backend API checks passwords too, unless skip_password_checks imports existing users', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const weak = await backendCall(t, 'POST', '/users', { key, body: { email_address: ['a@example.com'], password: 'password' } });
    expect(firstError(weak)?.code).toBe('form_password_not_strong_enough');
    const imported = await backendCall(t, 'POST', '/users', { key, body: { email_address: ['a@example.com'], password: 'password', skip_password_checks: true } });
    expect(imported.status).toBe(201);
    const short = await backendCall(t, 'POST', '/users', { key, body: { email_address: ['b@example.com'], password: 'short', skip_password_checks: true } });
    expect(firstError(short)?.code).toBe('form_password_length_too_short');
    const patched = await backendCall(t, 'PATCH', `/users/${imported.body.id}`, { key, body: { password: 'qwertyuiop' } });
    expect(firstError(patched)?.code).toBe('form_password_not_strong_enough');
  });

  it('the Backend API edits the policy, and refuses a score outside 0–4', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const res = await backendCall(t, 'PATCH', '/instance', { key, body: { password_require_numbers: true, password_min_strength: 3, password_breach_check: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ password_require_numbers: true, password_min_strength: 3, password_breach_check: false, password_require_uppercase: false });
    const bad = await backendCall(t, 'PATCH', '/instance', { key, body: { password_min_strength: 5 } });
    expect(bad.status).toBe(422);
  });
});
