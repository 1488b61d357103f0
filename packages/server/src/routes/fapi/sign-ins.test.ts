import { describe, expect, it } from 'vitest';
import { call, createTestApp, latestCode, mailbox, signUp } from '../test-support.ts';

const PASSWORD = 'correct horse battery';

/** The JSON structure (keys and value types), not the values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return value === null ? 'null' : typeof value;
}

describe('POST /v1/client/sign_ins with a password', () => {
  it('signs in in one call with identifier, strategy and password', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'Jane@Example.com', strategy: 'password', password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.response).toMatchObject({ object: 'sign_in', status: 'complete', identifier: 'jane@example.com', first_factor_verification: { status: 'verified', strategy: 'password' } });
    expect(res.body.client.sessions).toHaveLength(1);
    expect(res.body.client.sessions[0]).toMatchObject({ id: res.body.response.created_session_id, status: 'active', user: { id: user.userId } });
    expect(res.body.client.last_active_session_id).toBe(res.body.response.created_session_id);
  });

  it('signs in in two steps: identifier, then attempt_first_factor', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    expect(started.body.response).toMatchObject({
      status: 'needs_first_factor',
      supported_identifiers: ['email_address'],
      supported_first_factors: [
        { strategy: 'password', safe_identifier: 'j***@example.com' },
        { strategy: 'email_code', safe_identifier: 'j***@example.com' },
        { strategy: 'reset_password_email_code', safe_identifier: 'j***@example.com' },
      ],
      first_factor_verification: null,
      user_data: null,
    });
    const read = await call(t.app, 'GET', `/v1/client/sign_ins/${started.body.response.id}`, { token: started.token });
    expect(read.status).toBe(200);
    expect(read.body.response.id).toBe(started.body.response.id);
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: { strategy: 'password', password: PASSWORD } });
    expect(done.status).toBe(200);
    expect(done.body.response.status).toBe('complete');
  });

  it('starts with needs_identifier when no identifier is given', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: {} });
    expect(res.body.response).toMatchObject({ status: 'needs_identifier', identifier: null, supported_first_factors: [] });
    const attempt = await call(t.app, 'POST', `/v1/client/sign_ins/${res.body.response.id}/attempt_first_factor`, { token: res.token, body: { strategy: 'password', password: PASSWORD } });
    expect(attempt.status).toBe(422);
    expect(attempt.body.errors[0].code).toBe('sign_in_status_invalid');
  });

  it('a wrong password is 422 form_password_incorrect', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'password', password: 'wrong password' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_password_incorrect', meta: { param_name: 'password' } });
  });

  it('a password longer than the maximum is refused quickly as too long', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'password', password: 'x'.repeat(1000) } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('form_password_length_too_long');
  });

  it('NFKC: a password set with the "ﬁ" ligature signs in typed as "fi", and the other way round', async () => {
    const t = createTestApp();
    await signUp(t, 'lig@example.com', 'ﬁnancial-secret');
    const plain = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'lig@example.com', strategy: 'password', password: 'financial-secret' } });
    expect(plain.body.response.status).toBe('complete');
    await signUp(t, 'decomposed@example.com', 'cafe\u0301-au-lait');
    const composed = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'decomposed@example.com', strategy: 'password', password: 'caf\u00e9-au-lait' } });
    expect(composed.body.response.status).toBe('complete');
  });

  it('a strategy without an identifier is form_param_missing', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { strategy: 'password', password: PASSWORD } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'identifier' } });
  });

  it('a username is not accepted as identifier unless the instance enables usernames', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'identifier' } });
  });

  it('signs in with a username when enabled', async () => {
    const t = createTestApp({ instance: (c) => void (c.attributes.username = { enabled: true, required: false, usedForFirstFactor: true }) });
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: PASSWORD, username: 'jane_doe' } });
    await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code: await latestCode(t, 'jane@example.com') } });
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'Jane_Doe', strategy: 'password', password: PASSWORD } });
    expect(res.body.response).toMatchObject({ status: 'complete', identifier: 'jane_doe' });
  });
});

describe('sign-in with an email code', () => {
  it('prepare_first_factor emails a code; attempt_first_factor completes', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    t.clock.advance(1);
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const id = started.body.response.id;
    const prepared = await call(t.app, 'POST', `/v1/client/sign_ins/${id}/prepare_first_factor`, { token: started.token, body: { strategy: 'email_code' } });
    expect(prepared.status).toBe(200);
    expect(prepared.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_code', attempts: 0 });
    const code = await latestCode(t, 'jane@example.com');
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${id}/attempt_first_factor`, { token: started.token, body: { strategy: 'email_code', code } });
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ status: 'complete', first_factor_verification: { status: 'verified', strategy: 'email_code' } });
  });

  it('create with strategy email_code prepares in the same call', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const before = (await mailbox(t)).length;
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'email_code' } });
    expect(started.body.response.first_factor_verification.status).toBe('unverified');
    expect((await mailbox(t)).length).toBe(before + 1);
  });

  it('a sign-up code does not work at sign-in (codes are bound to their purpose and attempt)', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const signUpCode = await latestCode(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'email_code' } });
    const res = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: { strategy: 'email_code', code: signUpCode } });
    // One chance in a million that the fresh code equals the old one.
    if (res.status !== 200) expect(res.body.errors[0].code).toBe('form_code_incorrect');
  });

  it('attempting a code before preparing is verification_not_prepared', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const res = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: { strategy: 'email_code', code: '123456' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('verification_not_prepared');
  });

  it('an unknown strategy is 422 with the field name', async () => {
    const t = createTestApp();
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const res = await call(t.app, 'POST', `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, { token: started.token, body: { strategy: 'magic' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'strategy' } });
  });
});

describe('sign-in enumeration protection', () => {
  it('known and unknown identifiers get the same status and body structure at create', async () => {
    const t = createTestApp();
    await signUp(t, 'known@example.com');
    const known = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'known@example.com' } });
    const unknown = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com' } });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(shape(unknown.body)).toEqual(shape(known.body));
    const { id: _a, identifier: _b, ...knownRest } = known.body.response;
    const { id: _c, identifier: _d, ...unknownRest } = unknown.body.response;
    // Beyond the id and the typed identifier, the answers are equal value for value (masks differ only by the typed text).
    expect({ ...unknownRest, supported_first_factors: null }).toEqual({ ...knownRest, supported_first_factors: null });
  });

  it('a password for an unknown identifier is form_password_incorrect, exactly like a wrong one', async () => {
    const t = createTestApp();
    await signUp(t, 'known@example.com');
    const known = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'known@example.com', strategy: 'password', password: 'wrong password' } });
    const unknown = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com', strategy: 'password', password: 'wrong password' } });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
  });

  it('an email code for an unknown identifier pretends to be sent, sends nothing, and never verifies', async () => {
    const t = createTestApp();
    await signUp(t, 'known@example.com');
    const before = (await mailbox(t)).length;
    const known = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'known@example.com', strategy: 'email_code' } });
    const unknown = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com', strategy: 'email_code' } });
    expect(unknown.status).toBe(known.status);
    expect(shape(unknown.body)).toEqual(shape(known.body));
    expect(unknown.body.response.first_factor_verification).toEqual(known.body.response.first_factor_verification);
    const sent = (await mailbox(t)).slice(before);
    expect(sent.map((m) => m.to)).toEqual(['known@example.com']);
    const attempt = await call(t.app, 'POST', `/v1/client/sign_ins/${unknown.body.response.id}/attempt_first_factor`, { token: unknown.token, body: { strategy: 'email_code', code: '123456' } });
    expect(attempt.status).toBe(422);
    expect(attempt.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 4 } });
  });

  it('without enumeration protection an unknown identifier is form_identifier_not_found', async () => {
    const t = createTestApp({ instance: (c) => void (c.enumerationProtection = false) });
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_identifier_not_found', meta: { param_name: 'identifier' } });
    expect(res.token).toBeNull();
  });
});

describe('account lockout', () => {
  it('after maxAttempts failures the account is locked, and even the right password is refused until the lock ends', async () => {
    const t = createTestApp({ instance: (c) => void (c.lockout = { maxAttempts: 3, lockSeconds: 3600 }) });
    await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const url = `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`;
    const first = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong 1 password' } });
    const second = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong 2 password' } });
    expect([first.body.errors[0].code, second.body.errors[0].code]).toEqual(['form_password_incorrect', 'form_password_incorrect']);
    const third = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong 3 password' } });
    expect(third.status).toBe(403);
    expect(third.body.errors[0]).toMatchObject({ code: 'user_locked', meta: { lock_expires_at: t.clock.now() + 3600_000 } });

    const right = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: PASSWORD } });
    expect(right.status).toBe(403);
    expect(right.body.errors[0].code).toBe('user_locked');

    t.clock.advance(3600_000);
    const later = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: PASSWORD } });
    expect(later.status).toBe(200);
    expect(later.body.response.status).toBe('complete');
  });

  it('wrong email codes count toward the lock too', async () => {
    const t = createTestApp({ instance: (c) => void (c.lockout = { maxAttempts: 3, lockSeconds: 600 }) });
    await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'email_code' } });
    const code = await latestCode(t, 'jane@example.com');
    const wrong = code === '000000' ? '000001' : '000000';
    const url = `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`;
    await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'email_code', code: wrong } });
    await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong password' } });
    const third = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'email_code', code: wrong } });
    expect(third.status).toBe(403);
    expect(third.body.errors[0].code).toBe('user_locked');
    const right = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'email_code', code } });
    expect(right.status).toBe(403);
  });

  it('by default 100 failures lock the account, 99 do not', async () => {
    const t = createTestApp();
    await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const url = `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`;
    for (let i = 0; i < 99; i++) {
      const res = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: `wrong password ${i}` } });
      expect(res.body.errors[0].code).toBe('form_password_incorrect');
    }
    const hundredth = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong password 100' } });
    expect(hundredth.status).toBe(403);
    expect(hundredth.body.errors[0]).toMatchObject({ code: 'user_locked', meta: { lock_expires_at: t.clock.now() + 3600_000 } });
  }, 60_000);

  it('a success resets the count of failures', async () => {
    const t = createTestApp({ instance: (c) => void (c.lockout = { maxAttempts: 3, lockSeconds: 3600 }) });
    await signUp(t, 'jane@example.com');
    for (let round = 0; round < 3; round++) {
      const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
      const url = `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`;
      await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong password' } });
      await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: 'wrong password' } });
      const ok = await call(t.app, 'POST', url, { token: started.token, body: { strategy: 'password', password: PASSWORD } });
      expect(ok.status).toBe(200);
    }
  });
});

describe('sign-in ownership and sessions', () => {
  it("another device's sign-in is 404", async () => {
    const t = createTestApp();
    const mine = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const other = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: {} });
    const res = await call(t.app, 'GET', `/v1/client/sign_ins/${mine.body.response.id}`, { token: other.token });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe('sign_in_not_found');
    const attempt = await call(t.app, 'POST', `/v1/client/sign_ins/${mine.body.response.id}/attempt_first_factor`, { token: other.token, body: { strategy: 'password', password: PASSWORD } });
    expect(attempt.status).toBe(404);
  });

  it('single-session mode: a device that is signed in cannot start another sign-in (409 session_exists)', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const res = await call(t.app, 'POST', '/v1/client/sign_ins', { token: user.token, body: { identifier: 'jane@example.com' } });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].code).toBe('session_exists');
    const up = await call(t.app, 'POST', '/v1/client/sign_ups', { token: user.token, body: {} });
    expect(up.status).toBe(409);
  });

  it('multi-session mode: a second account signs in beside the first; the same account again is identifier_already_signed_in', async () => {
    const t = createTestApp({ instance: (c) => void (c.sessions.singleSessionMode = false) });
    const jane = await signUp(t, 'jane@example.com');
    await signUp(t, 'john@example.com');
    const again = await call(t.app, 'POST', '/v1/client/sign_ins', { token: jane.token, body: { identifier: 'jane@example.com' } });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('identifier_already_signed_in');
    const second = await call(t.app, 'POST', '/v1/client/sign_ins', { token: jane.token, body: { identifier: 'john@example.com', strategy: 'password', password: PASSWORD } });
    expect(second.status).toBe(200);
    expect(second.body.client.sessions).toHaveLength(2);
  });
});
