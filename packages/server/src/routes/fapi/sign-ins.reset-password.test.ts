/**
 * "Forgot password" at the HTTP level: reset code by email → needs_new_password → new password →
 * session. Enumeration-safe, code-purpose bound, single use, counted toward lockout.
 */
import { describe, expect, it } from 'vitest';
import { call, createTestApp, latestCode, mailbox, signUp, type TestApp } from '../test-support.ts';

const OLD = 'correct horse battery';
const NEW = 'a brand new passphrase';
const EMAIL = 'jane@example.com';
const RESET = 'reset_password_email_code';

interface Started {
  id: string;
  token: string;
}

async function startSignIn(t: TestApp, identifier = EMAIL): Promise<Started> {
  const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier } });
  expect(res.status).toBe(200);
  return { id: res.body.response.id, token: res.token as string };
}

/** Sends a code one second after anything before it, so the dev mailbox's order (by delivery time) names the latest. */
async function prepare(t: TestApp, s: Started, strategy: string = RESET) {
  await t.worker.runOnce();
  t.clock.advance(1000);
  return call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_first_factor`, { token: s.token, body: { strategy } });
}
const attempt = (t: TestApp, s: Started, code: string, strategy: string = RESET) =>
  call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy, code } });
const reset = (t: TestApp, s: Started, body: Record<string, unknown>) => call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: s.token, body });
const signInWith = (t: TestApp, password: string) =>
  call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL, strategy: 'password', password } });

/** A sign-in at needs_new_password: the reset code was sent and verified. */
async function verifiedReset(t: TestApp): Promise<Started> {
  const s = await startSignIn(t);
  await prepare(t, s);
  const res = await attempt(t, s, await latestCode(t, EMAIL));
  expect(res.body.response.status).toBe('needs_new_password');
  return s;
}

const firstError = (res: { body: { errors?: Array<{ code: string }> } }) => res.body.errors?.[0]?.code;

describe('POST /v1/client/sign_ins/{id}/reset_password', () => {
  it('resets by emailed code: the code email says reset, the new password signs in, the old one no longer does, the owner is told', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const s = await startSignIn(t);

    const prepared = await prepare(t, s);
    expect(prepared.status).toBe(200);
    expect(prepared.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: RESET });
    const codeMail = (await mailbox(t)).at(-1);
    expect(codeMail).toMatchObject({ to: EMAIL, subject: expect.stringMatching(/password reset code/) });

    const verified = await attempt(t, s, await latestCode(t, EMAIL));
    expect(verified.status).toBe(200);
    expect(verified.body.response).toMatchObject({ status: 'needs_new_password', created_session_id: null, first_factor_verification: { status: 'verified', strategy: RESET } });
    expect(verified.body.client.sessions).toHaveLength(0);

    const done = await reset(t, s, { password: NEW });
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client.sessions).toHaveLength(1);
    expect(done.body.client.last_active_session_id).toBe(done.body.response.created_session_id);
    // Completing rotates the client token, as any sign-in does (no fixation).
    expect(done.token).toBeTruthy();
    expect(done.token).not.toBe(s.token);

    expect(firstError(await signInWith(t, OLD))).toBe('form_password_incorrect');
    expect((await signInWith(t, NEW)).body.response.status).toBe('complete');
    const notice = (await mailbox(t)).filter((m) => m.to === EMAIL).at(-1);
    expect(notice?.subject).toMatch(/password was changed/);
    expect(notice?.text).toContain('stay signed in');
  });

  it('sign_out_of_other_sessions revokes every other session of the user; without it they stay', async () => {
    const t = createTestApp();
    const device = await signUp(t, EMAIL, OLD);
    const keep = await verifiedReset(t);
    const kept = await reset(t, keep, { password: NEW });
    expect(kept.body.response.status).toBe('complete');
    expect((await call(t.app, 'POST', `/v1/client/sessions/${device.sessionId}/tokens`, { token: device.token })).status).toBe(200);

    const revoke = await verifiedReset(t);
    const done = await reset(t, revoke, { password: 'yet another passphrase', sign_out_of_other_sessions: true });
    expect(done.body.response.status).toBe('complete');
    expect((await t.store.getSession(device.sessionId))?.status).toBe('revoked');
    expect((await t.store.getSession(kept.body.response.created_session_id))?.status).toBe('revoked');
    expect((await t.store.getSession(done.body.response.created_session_id))?.status).toBe('active');
    const mint = await call(t.app, 'POST', `/v1/client/sessions/${device.sessionId}/tokens`, { token: device.token });
    expect(mint.status).toBeGreaterThanOrEqual(400);
    expect(mint.status).toBeLessThan(500);
    expect((await mailbox(t)).filter((m) => /password was changed/.test(m.subject)).at(-1)?.text).toContain('was signed out');
  });

  it('an unknown identifier gets the same answers and no email; no code ever verifies', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const known = await startSignIn(t);
    const unknown = await startSignIn(t, 'nobody@example.com');
    const a = await call(t.app, 'POST', `/v1/client/sign_ins/${known.id}/prepare_first_factor`, { token: known.token, body: { strategy: RESET } });
    const b = await call(t.app, 'POST', `/v1/client/sign_ins/${unknown.id}/prepare_first_factor`, { token: unknown.token, body: { strategy: RESET } });
    expect(b.status).toBe(a.status);
    const strip = (r: { id: string; identifier: string; supported_first_factors: unknown }) => ({ ...r, id: '', identifier: '', supported_first_factors: '' });
    expect(strip(b.body.response)).toEqual(strip(a.body.response));
    expect((await mailbox(t)).filter((m) => m.to === 'nobody@example.com')).toHaveLength(0);
    const guess = await attempt(t, unknown, '123456');
    expect(guess.status).toBe(422);
    expect(firstError(guess)).toBe('form_code_incorrect');
  });

  it('a sign-in code is not a reset code, and a reset code does not sign in', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const s = await startSignIn(t);
    await prepare(t, s, 'email_code');
    const signInCode = await latestCode(t, EMAIL);
    await prepare(t, s, RESET);
    const resetCode = await latestCode(t, EMAIL);
    if (signInCode !== resetCode) expect(firstError(await attempt(t, s, signInCode))).toBe('form_code_incorrect');
    // The reset strategy is the one prepared last: the sign-in code strategy is not armed.
    expect(firstError(await attempt(t, s, resetCode, 'email_code'))).toBe('verification_not_prepared');
    await prepare(t, s, 'email_code');
    const next = await latestCode(t, EMAIL);
    if (next !== resetCode) expect(firstError(await attempt(t, s, resetCode, 'email_code'))).toBe('form_code_incorrect');
    expect((await attempt(t, s, next, 'email_code')).body.response.status).toBe('complete');
  });

  it('keeps the steps in order: no new password before the code, no factor while it is due, one reset only', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const early = await startSignIn(t);
    await prepare(t, early);
    const tooEarly = await reset(t, early, { password: NEW });
    expect(tooEarly.status).toBe(422);
    expect(firstError(tooEarly)).toBe('sign_in_status_invalid');

    const s = await verifiedReset(t);
    const password = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'password', password: OLD } });
    expect(firstError(password)).toBe('sign_in_status_invalid');
    expect(firstError(await prepare(t, s))).toBe('sign_in_status_invalid');
    const done = await reset(t, s, { password: NEW });
    expect(done.body.response.status).toBe('complete');
    const again = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/reset_password`, { token: done.token as string, body: { password: 'and once more please' } });
    expect(firstError(again)).toBe('sign_in_status_invalid');
    expect((await signInWith(t, NEW)).body.response.status).toBe('complete');
  });

  it('the new password follows the sign-up policy; a refused one changes nothing and can be retried', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const s = await verifiedReset(t);
    const short = await reset(t, s, { password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ code: 'form_password_length_too_short', meta: { param_name: 'password' } });
    const huge = await reset(t, s, { password: 'x'.repeat(10_000) });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    expect((await t.store.getSignIn(s.id))?.status).toBe('needs_new_password');
    expect((await signInWith(t, OLD)).body.response.status).toBe('complete');
    expect((await reset(t, s, { password: NEW })).body.response.status).toBe('complete');
  });

  it('the verified code licenses a new password for its lifetime only', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const s = await verifiedReset(t);
    t.clock.advance(t.config.verification.codeTtlSeconds * 1000 + 1);
    const late = await reset(t, s, { password: NEW });
    expect(late.status).toBe(422);
    expect(firstError(late)).toBe('verification_expired');
    expect((await signInWith(t, OLD)).body.response.status).toBe('complete');
  });

  it('20 parallel redemptions of one reset code → exactly one verifies; 20 parallel resets → one session', async () => {
    const t = createTestApp();
    await signUp(t, EMAIL, OLD);
    const s = await startSignIn(t);
    await prepare(t, s);
    const code = await latestCode(t, EMAIL);
    const redemptions = await Promise.all(Array.from({ length: 20 }, () => attempt(t, s, code)));
    expect(redemptions.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of redemptions.filter((x) => x.status !== 200)) expect(r.status).toBeLessThan(500);

    const resets = await Promise.all(Array.from({ length: 20 }, (_, i) => reset(t, s, { password: `${NEW} ${i}` })));
    const won = resets.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const r of resets.filter((x) => x.status !== 200)) expect(firstError(r)).toBe('sign_in_status_invalid');
    const user = await t.store.findUserByEmailAddress(EMAIL);
    expect((await t.store.listClientSessions((await t.store.getSignIn(s.id))!.clientId)).filter((x) => x.userId === user!.id)).toHaveLength(1);
  });

  it('wrong reset codes count toward the account lockout, and a locked account cannot reset', async () => {
    const t = createTestApp({ instance: (c) => (c.lockout.maxAttempts = 3) });
    await signUp(t, EMAIL, OLD);
    const s = await startSignIn(t);
    await prepare(t, s);
    const code = await latestCode(t, EMAIL);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(firstError(await attempt(t, s, wrong))).toBe('form_code_incorrect');
    expect(firstError(await attempt(t, s, wrong))).toBe('form_code_incorrect');
    const third = await attempt(t, s, wrong);
    expect(firstError(third)).toBe('user_locked');
    expect(third.body.errors[0].meta.lock_expires_at).toBeGreaterThan(t.clock.now());
    expect(firstError(await attempt(t, s, code))).toBe('user_locked');
  });

  it('is offered only when passwords are enabled; another device cannot finish this reset', async () => {
    const t = createTestApp({ instance: (c) => (c.attributes.password.enabled = false) });
    const s = await startSignIn(t);
    expect((await call(t.app, 'GET', `/v1/client/sign_ins/${s.id}`, { token: s.token })).body.response.supported_first_factors.map((f: { strategy: string }) => f.strategy)).not.toContain(RESET);
    expect(firstError(await prepare(t, s))).toBe('strategy_not_allowed');

    const u = createTestApp();
    await signUp(u, EMAIL, OLD);
    const mine = await verifiedReset(u);
    const other = await startSignIn(u);
    const stolen = await call(u.app, 'POST', `/v1/client/sign_ins/${mine.id}/reset_password`, { token: other.token, body: { password: NEW } });
    expect(stolen.status).toBe(404);
    expect(firstError(stolen)).toBe('sign_in_not_found');
    expect((await signInWith(u, OLD)).body.response.status).toBe('complete');
  });
});
