import { describe, expect, it } from 'vitest';
import { call, createTestApp, latestCode, mailbox, signUp } from '../test-support.ts';

describe('POST /v1/client/sign_ups', () => {
  it('creates a sign-up and a client lazily; the email is normalized and still unverified', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: '  Jane@Example.COM ', password: 'correct horse battery' } });
    expect(res.status).toBe(200);
    expect(res.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.response).toMatchObject({
      object: 'sign_up',
      status: 'missing_requirements',
      email_address: 'jane@example.com',
      password_enabled: true,
      required_fields: ['email_address', 'password'],
      optional_fields: ['first_name', 'last_name'],
      missing_fields: [],
      unverified_fields: ['email_address'],
      verifications: { email_address: null },
    });
    expect(res.body.response.id).toMatch(/^sua_/);
    expect(res.body.client.sign_up.id).toBe(res.body.response.id);
  });

  it('accepts any subset of fields; missing_fields lists the rest', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.response.missing_fields).toEqual(['email_address', 'password']);
  });

  it('refuses an invalid email address with form_email_address_invalid', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'not-an-email' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_email_address_invalid', meta: { param_name: 'email_address' } });
    expect(res.token).toBeNull();
  });

  it('refuses a short password and an overlong one, before creating anything', async () => {
    const t = createTestApp();
    const short = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com', password: 'short' } });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ code: 'form_password_length_too_short', meta: { param_name: 'password' } });
    const long = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com', password: 'x'.repeat(257) } });
    expect(long.status).toBe(422);
    expect(long.body.errors[0].code).toBe('form_password_length_too_long');
    expect(short.token).toBeNull();
    expect(long.token).toBeNull();
  });

  it('refuses unknown fields and wrong types with 422 and the field name', async () => {
    const t = createTestApp();
    const unknown = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com', is_admin: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'is_admin' } });
    const wrongType = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 42 } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'email_address' } });
  });

  it('refuses fields the instance does not collect', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { username: 'jane' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'username' } });
  });

  it('requires a username, names and legal consent when the instance asks for them', async () => {
    const t = createTestApp({
      instance: (c) => {
        c.attributes.username = { enabled: true, required: true, usedForFirstFactor: true };
        c.attributes.firstName.required = true;
        c.attributes.lastName.required = true;
        c.signUp.legalConsentEnabled = true;
      },
    });
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com', password: 'correct horse battery' } });
    expect(res.body.response.missing_fields).toEqual(['username', 'first_name', 'last_name', 'legal_accepted']);
    const patched = await call(t.app, 'PATCH', `/v1/client/sign_ups/${res.body.response.id}`, {
      token: res.token,
      body: { username: 'Jane_Doe', first_name: ' Jane ', last_name: 'Doe', legal_accepted: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.response).toMatchObject({ username: 'jane_doe', first_name: 'Jane', last_name: 'Doe', missing_fields: [] });
    expect(patched.body.response.legal_accepted_at).toBe(t.clock.now());
  });

  it('refuses an invalid username with form_username_invalid', async () => {
    const t = createTestApp({ instance: (c) => void (c.attributes.username = { enabled: true, required: false, usedForFirstFactor: true }) });
    for (const username of ['ab', 'jane doe', 'x'.repeat(65), 'jane!']) {
      const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { username } });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].code).toMatch(/form_username_invalid|form_param_format_invalid/);
    }
  });

  it('answers 403 sign_up_not_allowed on a restricted instance', async () => {
    const t = createTestApp({ instance: (c) => void (c.signUp.mode = 'restricted') });
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com' } });
    expect(res.status).toBe(403);
    expect(res.body.errors[0].code).toBe('sign_up_not_allowed');
  });

  it('refuses a redirect_url off the allow-list', async () => {
    const t = createTestApp();
    const res = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { redirect_url: '//evil.com' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'redirect_url_invalid', meta: { param_name: 'redirect_url' } });
  });
});

describe('GET and PATCH /v1/client/sign_ups/:id', () => {
  it('reads the sign-up back and adds fields with PATCH', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'a@example.com' } });
    const id = created.body.response.id;
    const read = await call(t.app, 'GET', `/v1/client/sign_ups/${id}`, { token: created.token });
    expect(read.status).toBe(200);
    expect(read.body.response.missing_fields).toEqual(['password']);
    const patched = await call(t.app, 'PATCH', `/v1/client/sign_ups/${id}`, { token: created.token, body: { password: 'correct horse battery' } });
    expect(patched.status).toBe(200);
    expect(patched.body.response).toMatchObject({ password_enabled: true, missing_fields: [] });
  });

  it("another device's sign-up is 404, as is a malformed id", async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {} });
    const other = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {} });
    const stolen = await call(t.app, 'GET', `/v1/client/sign_ups/${created.body.response.id}`, { token: other.token });
    expect(stolen.status).toBe(404);
    expect(stolen.body.errors[0].code).toBe('sign_up_not_found');
    const patched = await call(t.app, 'PATCH', `/v1/client/sign_ups/${created.body.response.id}`, { token: other.token, body: { first_name: 'X' } });
    expect(patched.status).toBe(404);
    const malformed = await call(t.app, 'GET', '/v1/client/sign_ups/sua_nope', { token: created.token });
    expect(malformed.status).toBe(404);
  });

  it('a PATCH with bad input changes nothing', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { first_name: 'Jane' } });
    const id = created.body.response.id;
    const bad = await call(t.app, 'PATCH', `/v1/client/sign_ups/${id}`, { token: created.token, body: { first_name: 'Mallory', email_address: 'bad' } });
    expect(bad.status).toBe(422);
    const read = await call(t.app, 'GET', `/v1/client/sign_ups/${id}`, { token: created.token });
    expect(read.body.response.first_name).toBe('Jane');
  });
});

describe('email verification at sign-up', () => {
  it('prepare sends a 6-digit code through the outbox; attempt completes the sign-up with a session', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    const prepared = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    expect(prepared.status).toBe(200);
    expect(prepared.body.response.verifications.email_address).toMatchObject({ status: 'unverified', strategy: 'email_code', attempts: 0, expire_at: t.clock.now() + 600_000 });
    const messages = await mailbox(t);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: 'jane@example.com' });
    const code = await latestCode(t, 'jane@example.com');
    const done = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code } });
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ status: 'complete', unverified_fields: [], missing_fields: [] });
    expect(done.body.response.created_user_id).toMatch(/^user_/);
    expect(done.body.response.created_session_id).toMatch(/^sess_/);
    expect(done.body.client.sessions[0].user.email_addresses[0]).toMatchObject({ email_address: 'jane@example.com', verification: { status: 'verified' } });
    expect(done.body.client.last_active_session_id).toBe(done.body.response.created_session_id);
    expect(done.body.client.sign_up).toBeNull();
  });

  it('a wrong code is form_code_incorrect with the attempts left', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const code = await latestCode(t, 'jane@example.com');
    const wrong = code === '000000' ? '000001' : '000000';
    const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code: wrong } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code', remaining_attempts: 4 } });
  });

  it('attempting before preparing is verification_not_prepared', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com' } });
    const res = await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code: '123456' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('verification_not_prepared');
  });

  it('preparing without an email address is form_param_missing', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: {} });
    const res = await call(t.app, 'POST', `/v1/client/sign_ups/${created.body.response.id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'email_address' } });
  });

  it('allows 5 attempts per code, and a resend does not reset the budget', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    const token = created.token;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' } });
    const first = await latestCode(t, 'jane@example.com');
    const wrong = first === '000000' ? '000001' : '000000';
    for (let i = 0; i < 3; i++) {
      const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: wrong } });
      expect(res.body.errors[0].code).toBe('form_code_incorrect');
    }
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' } });
    const second = await latestCode(t, 'jane@example.com');
    const wrong2 = second === '000000' ? '000001' : '000000';
    const fourth = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: wrong2 } });
    expect(fourth.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 1 } });
    const fifth = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: wrong2 } });
    expect(fifth.body.errors[0].code).toBe('verification_failed');
    const right = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token, body: { strategy: 'email_code', code: second } });
    expect(right.status).toBe(422);
    expect(right.body.errors[0].code).toBe('verification_failed');
    // A failed verification cannot be revived by asking for another code.
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token, body: { strategy: 'email_code' } });
    expect((await mailbox(t)).filter((m) => m.to === 'jane@example.com')).toHaveLength(2);
  });

  it('a code expires after 10 minutes', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const code = await latestCode(t, 'jane@example.com');
    t.clock.advance(10 * 60_000);
    const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('verification_expired');
    const read = await call(t.app, 'GET', `/v1/client/sign_ups/${id}`, { token: created.token });
    expect(read.body.response.verifications.email_address.status).toBe('expired');
  });

  it('a code sent just before 10 minutes ago still works', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const code = await latestCode(t, 'jane@example.com');
    t.clock.advance(10 * 60_000 - 1);
    const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code } });
    expect(res.body.response.status).toBe('complete');
  });

  it('20 parallel attempts with the right code: exactly one completes', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const code = await latestCode(t, 'jane@example.com');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code } })),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]?.body.response.status).toBe('complete');
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
  });

  it('a code sent to one address does not verify another one set afterwards', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'mine@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const code = await latestCode(t, 'mine@example.com');
    await call(t.app, 'PATCH', `/v1/client/sign_ups/${id}`, { token: created.token, body: { email_address: 'victim@example.com' } });
    const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('form_code_incorrect');
  });

  it('a completed sign-up can no longer be changed', async () => {
    const t = createTestApp();
    const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
    const id = created.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
    const done = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code: await latestCode(t, 'jane@example.com') } });
    const res = await call(t.app, 'PATCH', `/v1/client/sign_ups/${id}`, { token: done.token, body: { first_name: 'X' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('sign_up_status_invalid');
  });
});

describe('sign-up enumeration protection', () => {
  /** The JSON structure (keys and value types), not the values. */
  function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
    return value === null ? 'null' : typeof value;
  }

  it('an address that already has an account gets the same answers at create and prepare', async () => {
    const t = createTestApp();
    await signUp(t, 'taken@example.com');

    const known = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'taken@example.com', password: 'another password' } });
    const fresh = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'fresh@example.com', password: 'another password' } });
    expect(known.status).toBe(fresh.status);
    expect(shape(known.body)).toEqual(shape(fresh.body));
    expect(known.body.response.status).toBe(fresh.body.response.status);
    expect(known.body.response.unverified_fields).toEqual(fresh.body.response.unverified_fields);

    const knownPrepared = await call(t.app, 'POST', `/v1/client/sign_ups/${known.body.response.id}/prepare_verification`, { token: known.token, body: { strategy: 'email_code' } });
    const freshPrepared = await call(t.app, 'POST', `/v1/client/sign_ups/${fresh.body.response.id}/prepare_verification`, { token: fresh.token, body: { strategy: 'email_code' } });
    expect(knownPrepared.status).toBe(200);
    expect(knownPrepared.status).toBe(freshPrepared.status);
    expect(shape(knownPrepared.body)).toEqual(shape(freshPrepared.body));
    expect(knownPrepared.body.response.verifications.email_address.status).toBe('unverified');
  });

  it('the owner gets a notice instead of a code, and the sign-up can never complete', async () => {
    const t = createTestApp();
    await signUp(t, 'taken@example.com');
    const before = (await mailbox(t)).length;
    const known = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'taken@example.com', password: 'another password' } });
    const id = known.body.response.id;
    await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: known.token, body: { strategy: 'email_code' } });
    const messages = (await mailbox(t)).slice(before);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.to).toBe('taken@example.com');
    expect(messages[0]?.subject).toMatch(/tried to sign up/);
    expect(messages[0]?.text).not.toMatch(/\b\d{6}\b/);
    expect(messages[0]?.text).toContain('http://localhost:4000/sign-in');
    for (const code of ['000000', '123456', '999999']) {
      const res = await call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: known.token, body: { strategy: 'email_code', code } });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].code).toBe('form_code_incorrect');
    }
  });
});
