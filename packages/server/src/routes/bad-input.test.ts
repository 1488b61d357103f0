/**
 * Every mutation endpoint refuses every kind of bad request with the right 4xx code, and the
 * refused request changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, BASE, call, createTestApp, latestCode, signUp, type TestApp } from './test-support.ts';

interface Fixture {
  t: TestApp;
  user: { token: string; userId: string; sessionId: string };
  signInId: string;
  signInToken: string;
  signUpId: string;
  signUpToken: string;
  /** A sign-in whose reset code was verified: it waits for the new password. */
  resetId: string;
  resetToken: string;
  /** An address the user added and has not verified. */
  pendingEmailId: string;
}

async function fixture(): Promise<Fixture> {
  const t = createTestApp({ instance: (c) => void (c.attributes.emailAddress.verifications = ['email_code', 'email_link']) });
  const user = await signUp(t, 'jane@example.com');
  const signIn = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com', strategy: 'email_code' } });
  const pending = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'new@example.com', password: 'correct horse battery' } });
  await call(t.app, 'POST', `/v1/client/sign_ups/${pending.body.response.id}/prepare_verification`, { token: pending.token, body: { strategy: 'email_code' } });
  // The mailbox orders by delivery time: deliver the codes so far, so the reset code is the latest.
  await t.worker.runOnce();
  t.clock.advance(1000);
  const reset = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
  const resetToken = reset.token as string;
  const resetId = reset.body.response.id as string;
  await call(t.app, 'POST', `/v1/client/sign_ins/${resetId}/prepare_first_factor`, { token: resetToken, body: { strategy: 'reset_password_email_code' } });
  const code = await latestCode(t, 'jane@example.com');
  const verified = await call(t.app, 'POST', `/v1/client/sign_ins/${resetId}/attempt_first_factor`, { token: resetToken, body: { strategy: 'reset_password_email_code', code } });
  if (verified.body.response?.status !== 'needs_new_password') throw new Error(`reset code not accepted: ${JSON.stringify(verified.body)}`);
  await t.worker.runOnce();
  const pendingEmail = await call(t.app, 'POST', '/v1/me/email_addresses', { token: user.token, body: { email_address: 'jane@work.example' } });
  // Links waiting to be confirmed, for the sign-up and for the added address.
  await call(t.app, 'POST', `/v1/client/sign_ups/${pending.body.response.id}/prepare_verification`, { token: pending.token, body: { strategy: 'email_link', redirect_url: '/sign-up/verify' } });
  await call(t.app, 'POST', `/v1/me/email_addresses/${pendingEmail.body.response.id}/prepare_verification`, { token: user.token, body: { strategy: 'email_link', redirect_url: '/sign-in/verify' } });
  return { pendingEmailId: pendingEmail.body.response.id, t, user, signInId: signIn.body.response.id, signInToken: signIn.token as string, signUpId: pending.body.response.id, signUpToken: pending.token as string, resetId, resetToken };
}

/** Everything a request could have changed, as one comparable value. */
async function snapshot(f: Fixture): Promise<unknown> {
  const clients = [];
  for (const token of [f.user.token, f.signInToken, f.signUpToken, f.resetToken]) clients.push((await call(f.t.app, 'GET', '/v1/client', { token })).body);
  return {
    clients,
    outbox: (await f.t.store.listOutbox({})).length,
    mailbox: (await call(f.t.app, 'GET', '/v1/dev/mailbox')).body.total_count,
    user: await f.t.store.getUser(f.user.userId),
    session: await f.t.store.getSession(f.user.sessionId),
    signInVerification: await f.t.store.getVerification(f.signInId, 'sign_in'),
    signUpVerification: await f.t.store.getVerification(f.signUpId, 'sign_up'),
    signUpLinkVerification: await f.t.store.getVerification(f.signUpId, 'sign_up_link'),
    resetVerification: await f.t.store.getVerification(f.resetId, 'reset_password'),
    emails: await f.t.store.listEmailAddresses(f.user.userId),
    emailVerification: await f.t.store.getVerification(f.pendingEmailId, 'email_address'),
    emailLinkVerification: await f.t.store.getVerification(f.pendingEmailId, 'email_address_link'),
    totp: await f.t.store.getTotp(f.user.userId),
    backupCodes: await f.t.store.countBackupCodes(f.user.userId),
  };
}

interface Endpoint {
  name: string;
  method: string;
  path: (f: Fixture) => string;
  token: (f: Fixture) => string | null;
  /** A body with a field of the wrong type, for endpoints that take fields. */
  wrongType?: Record<string, unknown>;
  /** Fields that select the body's shape (a discriminated union), so that other problems can be judged. */
  base?: Record<string, unknown>;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'create sign-up', method: 'POST', path: () => '/v1/client/sign_ups', token: () => null, wrongType: { email_address: 1 } },
  { name: 'update sign-up', method: 'PATCH', path: (f) => `/v1/client/sign_ups/${f.signUpId}`, token: (f) => f.signUpToken, wrongType: { legal_accepted: 'yes' } },
  { name: 'prepare sign-up verification', method: 'POST', path: (f) => `/v1/client/sign_ups/${f.signUpId}/prepare_verification`, token: (f) => f.signUpToken, wrongType: { strategy: 5 } },
  { name: 'attempt sign-up verification', method: 'POST', path: (f) => `/v1/client/sign_ups/${f.signUpId}/attempt_verification`, token: (f) => f.signUpToken, wrongType: { strategy: 'email_code', code: 123456 }, base: { strategy: 'email_code', code: '123456' } },
  { name: 'email a sign-up link', method: 'POST', path: (f) => `/v1/client/sign_ups/${f.signUpId}/prepare_verification`, token: (f) => f.signUpToken, wrongType: { strategy: 'email_link', redirect_url: 5 }, base: { strategy: 'email_link', redirect_url: '/sign-up/verify' } },
  { name: 'finish a sign-up by its link', method: 'POST', path: (f) => `/v1/client/sign_ups/${f.signUpId}/attempt_verification`, token: (f) => f.signUpToken, base: { strategy: 'email_link' } },
  { name: 'create sign-in', method: 'POST', path: () => '/v1/client/sign_ins', token: () => null, wrongType: { identifier: ['jane@example.com'] } },
  { name: 'prepare first factor', method: 'POST', path: (f) => `/v1/client/sign_ins/${f.signInId}/prepare_first_factor`, token: (f) => f.signInToken, wrongType: { strategy: true } },
  { name: 'attempt first factor', method: 'POST', path: (f) => `/v1/client/sign_ins/${f.signInId}/attempt_first_factor`, token: (f) => f.signInToken, wrongType: { strategy: 'password', password: 1 }, base: { strategy: 'password', password: 'x' } },
  { name: 'reset password', method: 'POST', path: (f) => `/v1/client/sign_ins/${f.resetId}/reset_password`, token: (f) => f.resetToken, wrongType: { password: 'another good passphrase', sign_out_of_other_sessions: 'yes' } },
  { name: 'mint token', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/tokens`, token: (f) => f.user.token },
  { name: 'touch session', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/touch`, token: (f) => f.user.token, wrongType: { active_organization_id: 5 } },
  { name: 'end session', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/end`, token: (f) => f.user.token },
  { name: 'remove session', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/remove`, token: (f) => f.user.token },
  { name: 'sign out all', method: 'DELETE', path: () => '/v1/client/sessions', token: (f) => f.user.token },
  { name: 'update me', method: 'PATCH', path: () => '/v1/me', token: (f) => f.user.token, wrongType: { first_name: 5 } },
  { name: 'change password', method: 'POST', path: () => '/v1/me/change_password', token: (f) => f.user.token, wrongType: { current_password: 'correct horse battery', new_password: 12345678 }, base: { new_password: 'another good passphrase' } },
  { name: 'delete me', method: 'DELETE', path: () => '/v1/me', token: (f) => f.user.token },
  { name: 'add email address', method: 'POST', path: () => '/v1/me/email_addresses', token: (f) => f.user.token, wrongType: { email_address: ['a@example.com'] } },
  { name: 'prepare email verification', method: 'POST', path: (f) => `/v1/me/email_addresses/${f.pendingEmailId}/prepare_verification`, token: (f) => f.user.token, wrongType: { strategy: 1 } },
  { name: 'email an address link', method: 'POST', path: (f) => `/v1/me/email_addresses/${f.pendingEmailId}/prepare_verification`, token: (f) => f.user.token, wrongType: { strategy: 'email_link', redirect_url: ['/x'] }, base: { strategy: 'email_link', redirect_url: '/sign-in/verify' } },
  { name: 'attempt email verification', method: 'POST', path: (f) => `/v1/me/email_addresses/${f.pendingEmailId}/attempt_verification`, token: (f) => f.user.token, wrongType: { code: 123456 } },
  { name: 'add phone number', method: 'POST', path: () => '/v1/me/phone_numbers', token: (f) => f.user.token, wrongType: { phone_number: 15555550100 } },
  { name: 'revoke a device', method: 'POST', path: (f) => `/v1/me/sessions/${f.user.sessionId}/revoke`, token: (f) => f.user.token },
  { name: 'remove email address', method: 'DELETE', path: (f) => `/v1/me/email_addresses/${f.pendingEmailId}`, token: (f) => f.user.token },
  { name: 'start re-verification', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/verify`, token: (f) => f.user.token },
  { name: 'prepare re-verification', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/verify/prepare_first_factor`, token: (f) => f.user.token, wrongType: { strategy: 5 } },
  { name: 'attempt re-verification', method: 'POST', path: (f) => `/v1/client/sessions/${f.user.sessionId}/verify/attempt_first_factor`, token: (f) => f.user.token, wrongType: { strategy: 'password', password: 1 }, base: { strategy: 'password', password: 'x' } },
  { name: 'prepare second factor', method: 'POST', path: (f) => `/v1/client/sign_ins/${f.signInId}/prepare_second_factor`, token: (f) => f.signInToken, wrongType: { strategy: 'phone_code', phone_number_id: 5 } },
  { name: 'attempt second factor', method: 'POST', path: (f) => `/v1/client/sign_ins/${f.signInId}/attempt_second_factor`, token: (f) => f.signInToken, wrongType: { strategy: 'totp', code: 123456 }, base: { strategy: 'totp', code: '123456' } },
  { name: 'confirm an email link', method: 'POST', path: () => '/v1/client/email_links/confirm', token: (f) => f.signInToken, wrongType: { token: 5 } },
  { name: 'confirm a sign-up link', method: 'POST', path: () => '/v1/client/email_links/confirm', token: (f) => f.signUpToken, wrongType: { token: { sua: 1 } }, base: { token: `sua_${'0'.repeat(36)}.secret` } },
  { name: 'confirm an address link', method: 'POST', path: () => '/v1/client/email_links/confirm', token: () => null, wrongType: { token: null }, base: { token: `idn_${'0'.repeat(36)}.secret` } },
  { name: 'start an OAuth sign-in', method: 'POST', path: () => '/v1/client/sign_ins', token: () => null, wrongType: { strategy: 'oauth_acme', redirect_url: 5 }, base: { strategy: 'oauth_acme', redirect_url: '/sso-callback' } },
  { name: 'start an OAuth sign-up', method: 'POST', path: () => '/v1/client/sign_ups', token: () => null, wrongType: { strategy: 'oauth_acme', redirect_url: ['/x'] }, base: { strategy: 'oauth_acme', redirect_url: '/sso-callback' } },
  { name: 'return from a provider', method: 'POST', path: () => '/v1/client/oauth_callback', token: (f) => f.signInToken, wrongType: { params: 5 }, base: { params: `code=x&state=oat_${'0'.repeat(36)}.secret` } },
  { name: 'connect an account', method: 'POST', path: () => '/v1/me/external_accounts', token: (f) => f.user.token, wrongType: { strategy: 'oauth_acme', redirect_url: null }, base: { strategy: 'oauth_acme', redirect_url: '/account' } },
  { name: 'disconnect an account', method: 'DELETE', path: () => `/v1/me/external_accounts/eac_${'0'.repeat(36)}`, token: (f) => f.user.token },
  { name: 'start authenticator setup', method: 'POST', path: () => '/v1/me/totp', token: (f) => f.user.token },
  { name: 'verify authenticator', method: 'POST', path: () => '/v1/me/totp/attempt_verification', token: (f) => f.user.token, wrongType: { code: 123456 } },
  { name: 'remove authenticator', method: 'DELETE', path: () => '/v1/me/totp', token: (f) => f.user.token },
  { name: 'new backup codes', method: 'POST', path: () => '/v1/me/backup_codes', token: (f) => f.user.token },
  { name: 'reserve phone number', method: 'PATCH', path: () => `/v1/me/phone_numbers/idn_${'0'.repeat(36)}`, token: (f) => f.user.token, wrongType: { reserved_for_second_factor: 'yes' } },
  { name: 'clear dev mailbox', method: 'DELETE', path: () => '/v1/dev/mailbox', token: () => null },
];

interface BadRequest {
  name: string;
  status: number;
  code: string;
  build: (e: Endpoint, f: Fixture) => { headers: Record<string, string>; body?: string } | null;
}

function bearer(e: Endpoint, f: Fixture): Record<string, string> {
  const token = e.token(f);
  return token ? { authorization: `Bearer ${token}` } : { 'x-usher-bearer': '1' };
}

const BAD_REQUESTS: BadRequest[] = [
  { name: 'malformed JSON', status: 400, code: 'request_body_invalid', build: (e, f) => ({ headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'application/json' }, body: '{"strategy":' }) },
  { name: 'a JSON array', status: 400, code: 'request_body_invalid', build: (e, f) => ({ headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'application/json' }, body: '[1,2]' }) },
  { name: 'an unknown field', status: 422, code: 'form_param_unknown', build: (e, f) => ({ headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ ...e.base, is_admin: true }) }) },
  {
    name: 'a field of the wrong type',
    status: 422,
    code: 'form_param_format_invalid',
    build: (e, f) => (e.wrongType ? { headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(e.wrongType) } : null),
  },
  { name: 'a huge body', status: 413, code: 'request_body_too_large', build: (e, f) => ({ headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ code: 'x'.repeat(20_000) }) }) },
  { name: 'text/plain', status: 415, code: 'unsupported_media_type', build: (e, f) => ({ headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'text/plain' }, body: '{}' }) },
  { name: 'a form post', status: 415, code: 'unsupported_media_type', build: (e, f) => ({ headers: { ...bearer(e, f), origin: APP_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }) },
  { name: 'an evil origin', status: 403, code: 'origin_invalid', build: (e, f) => ({ headers: { ...bearer(e, f), origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' }) },
  { name: 'Origin: null', status: 403, code: 'origin_invalid', build: (e, f) => ({ headers: { ...bearer(e, f), origin: 'null', 'content-type': 'application/json' }, body: '{}' }) },
  {
    name: 'a cookie without any origin',
    status: 403,
    code: 'origin_invalid',
    build: (e, f) => ({ headers: { cookie: `__client=${e.token(f) ?? ''}`, 'content-type': 'application/json' }, body: '{}' }),
  },
  {
    name: 'a cross-site text/plain form post',
    status: 403,
    code: 'origin_invalid',
    build: (e, f) => ({ headers: { cookie: `__client=${e.token(f) ?? ''}`, origin: 'https://evil.example', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, body: '{}' }),
  },
];

describe.each(ENDPOINTS)('$method $name', (endpoint) => {
  it.each(BAD_REQUESTS)('$name → $status $code, and nothing changes', async (bad) => {
    const f = await fixture();
    const request = bad.build(endpoint, f);
    if (!request) return;
    const before = await snapshot(f);
    const res = await f.t.app.fetch(new Request(`${BASE}${endpoint.path(f)}`, { method: endpoint.method, headers: request.headers, body: request.body }));
    expect(res.status).toBe(bad.status);
    const body = (await res.json()) as { errors: Array<{ code: string }> };
    // Several problems may be reported at once (e.g. a missing field beside the unknown one).
    expect(body.errors.map((e) => e.code)).toContain(bad.code);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await snapshot(f)).toEqual(before);
  });
});
