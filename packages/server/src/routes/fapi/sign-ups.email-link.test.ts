/**
 * A sign-up's address verified by an emailed link at the HTTP level: signed (only an HMAC of its
 * 256-bit secret is stored), valid 10 minutes, single use, bound to its sign-up and address; the
 * page it opens confirms with a POST, so a scanner's GET or HEAD consumes nothing. An address that
 * already has an account gets a notice, never a working link. SECURITY.md "One-time things are used once".
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, call, createTestApp, mailbox, signUp, type TestApp } from '../test-support.ts';

const EMAIL = 'new@example.com';
const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;
const bothApp = () => createTestApp({ instance: (c) => void (c.attributes.emailAddress.verifications = ['email_code', 'email_link']) });

interface Started {
  id: string;
  token: string;
}

/** A sign-up with every field, waiting for its address (`redirectUrl` null: none given). */
async function startSignUp(t: TestApp, email = EMAIL, redirectUrl: string | null = '/sign-up/verify') {
  const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: email, password: PASSWORD } });
  const s: Started = { id: created.body.response.id, token: created.token as string };
  const prepared = await call(t.app, 'POST', `/v1/client/sign_ups/${s.id}/prepare_verification`, { token: s.token, body: { strategy: 'email_link', ...(redirectUrl ? { redirect_url: redirectUrl } : {}) } });
  return { s, prepared };
}

/** The link in the newest email to `to`, and its token. */
async function latestLink(t: TestApp, to = EMAIL): Promise<{ url: URL; token: string }> {
  const message = (await mailbox(t)).filter((m) => m.to === to && m.text.includes('__usher_link=')).at(-1);
  const href = /(https?:\/\/\S+__usher_link=\S+)/.exec(message?.text ?? '')?.[1];
  if (!href) throw new Error(`no link was emailed to ${to}`);
  const url = new URL(href);
  return { url, token: url.searchParams.get('__usher_link')! };
}

const confirm = (t: TestApp, token: string, clientToken: string | null = null) => call(t.app, 'POST', '/v1/client/email_links/confirm', { token: clientToken, body: { token } });
const poll = (t: TestApp, s: Started) => call(t.app, 'GET', `/v1/client/sign_ups/${s.id}`, { token: s.token });
const finish = (t: TestApp, s: Started) => call(t.app, 'POST', `/v1/client/sign_ups/${s.id}/attempt_verification`, { token: s.token, body: { strategy: 'email_link' } });

describe('sign-up verified by an email link', () => {
  it('is offered when the instance enables it (environment); a strategy it does not enable is 422 strategy_not_allowed', async () => {
    const codesOnly = createTestApp();
    expect((await call(codesOnly.app, 'GET', '/v1/environment')).body.user_settings.attributes.email_address.verifications).toEqual(['email_code']);
    const refused = (await startSignUp(codesOnly)).prepared;
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'strategy_not_allowed', meta: { param_name: 'strategy' } });

    const linksOnly = createTestApp({ instance: (c) => void (c.attributes.emailAddress.verifications = ['email_link']) });
    expect((await call(linksOnly.app, 'GET', '/v1/environment')).body.user_settings.attributes.email_address.verifications).toEqual(['email_link']);
    const { s, prepared } = await startSignUp(linksOnly);
    expect(prepared.status).toBe(200);
    const code = await call(linksOnly.app, 'POST', `/v1/client/sign_ups/${s.id}/prepare_verification`, { token: s.token, body: { strategy: 'email_code' } });
    expect(code.body.errors[0].code).toBe('strategy_not_allowed');
    const typed = await call(linksOnly.app, 'POST', `/v1/client/sign_ups/${s.id}/attempt_verification`, { token: s.token, body: { strategy: 'email_code', code: '123456' } });
    expect(typed.body.errors[0].code).toBe('strategy_not_allowed');
  });

  it('emails a link to the app’s page (an allowed origin), never a URL the request names; the sign-up shows the link waiting', async () => {
    const t = bothApp();
    const { prepared } = await startSignUp(t);
    expect(prepared.body.response).toMatchObject({ status: 'missing_requirements', unverified_fields: ['email_address'], verifications: { email_address: { status: 'unverified', strategy: 'email_link', expire_at: t.clock.now() + 10 * MINUTE } } });
    const { url, token } = await latestLink(t);
    expect(`${url.origin}${url.pathname}`).toBe(`${APP_ORIGIN}/sign-up/verify`);
    expect(token).toMatch(/^sua_[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    const mail = (await mailbox(t)).at(-1)!;
    expect(mail.subject).toBe('Verify your Usher email address');
    expect(mail.html).toContain(url.href.replace(/&/g, '&amp;'));

    for (const bad of [null, '//evil.example/x', 'https://evil.example/sign-up', 'javascript:alert(1)']) {
      const refused = (await startSignUp(t, `other${String(bad).length}@example.com`, bad)).prepared;
      expect(refused.status, String(bad)).toBe(422);
      expect(refused.body.errors[0]).toMatchObject({ code: 'redirect_url_invalid', meta: { param_name: 'redirect_url' } });
    }
  });

  it('confirmed on the device that started it, the sign-up completes there (client token rotated); a second click says already used', async () => {
    const t = bothApp();
    const { s } = await startSignUp(t);
    const { token } = await latestLink(t);
    const done = await confirm(t, token, s.token);
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ object: 'email_link_confirmation', status: 'verified', same_client: true, sign_in: null, email_address: null, sign_up: { id: s.id, status: 'complete' } });
    expect(done.body.response.sign_up.created_session_id).toBe(done.body.client.sessions[0].id);
    expect(done.body.client.sessions[0].user.email_addresses[0]).toMatchObject({ email_address: EMAIL, verification: { status: 'verified' } });
    expect(done.token).not.toBe(s.token);
    const again = await confirm(t, token, done.token);
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ code: 'verification_already_verified', meta: { param_name: 'token' } });
  });

  it('confirmed on another device, it only marks the address verified there; the waiting tab finishes with attempt_verification email_link', async () => {
    const t = bothApp();
    const { s } = await startSignUp(t);
    const early = await finish(t, s);
    expect(early.status).toBe(422);
    expect(early.body.errors[0].code).toBe('verification_not_prepared');
    const { token } = await latestLink(t);
    const elsewhere = await confirm(t, token, null);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.response).toMatchObject({ same_client: false, sign_up: null, sign_in: null, email_address: null });
    expect(elsewhere.body.client?.sessions ?? []).toEqual([]);

    const polled = await poll(t, s);
    expect(polled.body.response).toMatchObject({ status: 'missing_requirements', unverified_fields: [], verifications: { email_address: { status: 'verified', strategy: 'email_link' } } });
    // The address the link proved cannot be swapped for another one before finishing.
    const swap = await call(t.app, 'PATCH', `/v1/client/sign_ups/${s.id}`, { token: s.token, body: { email_address: 'victim@example.com' } });
    expect(swap.body.errors[0].code).toBe('form_param_value_invalid');
    const done = await finish(t, s);
    expect(done.body.response).toMatchObject({ status: 'complete', email_address: EMAIL });
    expect(done.body.client.sessions).toHaveLength(1);
    expect(done.token).not.toBe(s.token);
    expect((await finish(t, { ...s, token: done.token as string })).body.errors[0].code).toBe('sign_up_status_invalid');
  });

  it('confirmed on the same device while the instance still needs a field: the address is verified, the sign-up waits for the field', async () => {
    const t = createTestApp({ instance: (c) => ((c.attributes.emailAddress.verifications = ['email_link']), (c.attributes.firstName.required = true)) });
    const { s } = await startSignUp(t);
    const done = await confirm(t, (await latestLink(t)).token, s.token);
    expect(done.body.response.sign_up).toMatchObject({ status: 'missing_requirements', missing_fields: ['first_name'], unverified_fields: [] });
    const named = await call(t.app, 'PATCH', `/v1/client/sign_ups/${s.id}`, { token: s.token, body: { first_name: 'Ada' } });
    expect(named.body.response.status).toBe('complete');
  });

  it('20 parallel confirmations of one link: exactly one is verified, the others say already used; one account', async () => {
    const t = bothApp();
    const { s } = await startSignUp(t);
    const { token } = await latestLink(t);
    const results = await Promise.all(Array.from({ length: 20 }, () => confirm(t, token, null)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.code === 'verification_already_verified')).toHaveLength(19);
    expect((await finish(t, s)).body.response.status).toBe('complete');
    expect(await t.store.findUserByEmailAddress(EMAIL)).not.toBeNull();
  });

  it('a scanner’s GET or HEAD of the confirm endpoint changes nothing; the POST still works afterwards', async () => {
    const t = bothApp();
    const { s } = await startSignUp(t);
    const { token } = await latestLink(t);
    for (const method of ['GET', 'HEAD']) {
      const res = await t.app.request(`http://localhost:4000/v1/client/email_links/confirm?token=${encodeURIComponent(token)}&__usher_link=${encodeURIComponent(token)}`, { method, headers: { origin: APP_ORIGIN, 'x-usher-bearer': '1' } });
      expect(res.status, method).toBeGreaterThanOrEqual(400);
      expect(res.status, method).toBeLessThan(500);
    }
    expect((await poll(t, s)).body.response.verifications.email_address.status).toBe('unverified');
    expect((await confirm(t, token, s.token)).body.response.sign_up.status).toBe('complete');
  });

  it('expires after 10 minutes; a token bound to another sign-up, tampered with, or sent to an address changed since verifies nothing', async () => {
    const t = bothApp();
    const first = await startSignUp(t);
    const { token } = await latestLink(t);
    const second = await startSignUp(t, 'second@example.com');
    const other = await latestLink(t, 'second@example.com');
    const [, secret] = token.split('.');
    // The first sign-up's secret with the second sign-up's id.
    expect((await confirm(t, `${other.token.split('.')[0]}.${secret}`)).body.errors[0].code).toBe('verification_failed');
    // A sign-up token's secret never works as a sign-in link, nor as an address link.
    const signIn = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: EMAIL } });
    expect((await confirm(t, `${signIn.body.response.id}.${secret}`)).body.errors[0].code).toBe('verification_failed');
    expect((await confirm(t, `idn_${first.s.id.slice(4)}.${secret}`)).body.errors[0].code).toBe('verification_failed');
    for (const junk of ['', 'nodot', 'sua_x.y', `${token}x`, `${first.s.id}.`, `${first.s.id}..`, `sua_${'z'.repeat(36)}.${secret}`]) {
      const res = await confirm(t, junk);
      expect(res.status, junk).toBeGreaterThanOrEqual(400);
      expect(res.status, junk).toBeLessThan(500);
    }
    // Its address changed after the link was sent: the link proves the old one only.
    await call(t.app, 'PATCH', `/v1/client/sign_ups/${second.s.id}`, { token: second.s.token, body: { email_address: 'changed@example.com' } });
    expect((await confirm(t, other.token, second.s.token)).body.errors[0].code).toBe('verification_failed');
    expect((await poll(t, second.s)).body.response.unverified_fields).toEqual(['email_address']);

    t.clock.advance(10 * MINUTE + 1);
    const late = await confirm(t, token, first.s.token);
    expect(late.body.errors[0]).toMatchObject({ code: 'verification_expired', meta: { param_name: 'token' } });
    expect((await poll(t, first.s)).body.response.verifications.email_address.status).toBe('expired');
    // A new link works again.
    t.clock.advance(MINUTE);
    await call(t.app, 'POST', `/v1/client/sign_ups/${first.s.id}/prepare_verification`, { token: first.s.token, body: { strategy: 'email_link', redirect_url: '/sign-up/verify' } });
    expect((await confirm(t, (await latestLink(t)).token, first.s.token)).body.response.sign_up.status).toBe('complete');
  });

  it('an address that already has an account gets the same answer, and its owner a notice: never a working link', async () => {
    const t = bothApp();
    await signUp(t, 'taken@example.com');
    const fresh = (await startSignUp(t)).prepared;
    const known = await startSignUp(t, 'taken@example.com');
    const strip = (r: Record<string, unknown>) => ({ ...r, id: '', email_address: '', abandon_at: 0 });
    expect(known.prepared.status).toBe(fresh.status);
    expect(strip(known.prepared.body.response)).toEqual(strip(fresh.body.response));
    const toOwner = (await mailbox(t)).filter((m) => m.to === 'taken@example.com').at(-1)!;
    expect(toOwner.subject).toBe('Someone tried to sign up to Usher with your email address');
    expect(toOwner.text).not.toContain('__usher_link=');
    // Nothing the attacker can send confirms it, and the sign-up never completes.
    expect((await confirm(t, `${known.s.id}.${'A'.repeat(43)}`, known.s.token)).body.errors[0].code).toBe('verification_failed');
    expect((await finish(t, known.s)).body.errors[0].code).toBe('verification_not_prepared');
  });

  it('codes still work beside links: the code the user asked for last is the one the sign-up shows', async () => {
    const t = bothApp();
    const { s } = await startSignUp(t);
    t.clock.advance(1000);
    const code = await call(t.app, 'POST', `/v1/client/sign_ups/${s.id}/prepare_verification`, { token: s.token, body: { strategy: 'email_code' } });
    expect(code.body.response.verifications.email_address).toMatchObject({ strategy: 'email_code', status: 'unverified' });
    t.clock.advance(1000);
    const link = await call(t.app, 'POST', `/v1/client/sign_ups/${s.id}/prepare_verification`, { token: s.token, body: { strategy: 'email_link', redirect_url: '/sign-up/verify' } });
    expect(link.body.response.verifications.email_address).toMatchObject({ strategy: 'email_link', status: 'unverified' });
  });
});
