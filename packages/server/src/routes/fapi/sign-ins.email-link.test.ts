/**
 * Sign-in by an emailed link at the HTTP level: signed (only an HMAC of its 256-bit secret is
 * stored), valid 10 minutes, single use, bound to its sign-in; the page it opens completes with a
 * POST, so a scanner's GET or HEAD of that page consumes nothing. SECURITY.md "One-time things are used once".
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, call, createTestApp, mailbox, signUp, type TestApp } from '../test-support.ts';
import { givenTotp } from './mfa-test-support.ts';

const EMAIL = 'jane@example.com';
const MINUTE = 60_000;
const linkApp = () => createTestApp({ instance: (c) => void (c.attributes.emailAddress.firstFactors = ['email_code', 'email_link']) });

/** `redirectUrl` null: none given. */
async function startLinkSignIn(t: TestApp, identifier = EMAIL, redirectUrl: string | null = '/sign-in/verify') {
  const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier } });
  const s = { id: started.body.response.id as string, token: started.token as string };
  const prepared = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/prepare_first_factor`, { token: s.token, body: { strategy: 'email_link', ...(redirectUrl ? { redirect_url: redirectUrl } : {}) } });
  return { s, started, prepared };
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

describe('sign-in by email link', () => {
  it('is offered when the instance enables it; the link opens the app’s page (an allowed origin), never a URL the request names', async () => {
    const off = createTestApp();
    await signUp(off, EMAIL);
    expect((await startLinkSignIn(off)).prepared.body.errors[0].code).toBe('strategy_not_allowed');

    const t = linkApp();
    await signUp(t, EMAIL);
    const { started, prepared } = await startLinkSignIn(t);
    expect(started.body.response.supported_first_factors.map((f: { strategy: string }) => f.strategy)).toContain('email_link');
    expect(prepared.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'email_link', expire_at: t.clock.now() + 10 * MINUTE });
    const { url, token } = await latestLink(t);
    expect(`${url.origin}${url.pathname}`).toBe(`${APP_ORIGIN}/sign-in/verify`);
    expect(token).toMatch(/^sia_[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    const mail = (await mailbox(t)).at(-1)!;
    expect(mail.subject).toBe('Your Usher sign-in link');
    expect(mail.html).toContain(url.href.replace(/&/g, '&amp;'));

    for (const bad of [null, '//evil.example/x', 'https://evil.example/sign-in', 'javascript:alert(1)']) {
      const refused = (await startLinkSignIn(t, EMAIL, bad)).prepared;
      expect(refused.status, String(bad)).toBe(422);
      expect(refused.body.errors[0]).toMatchObject({ code: 'redirect_url_invalid', meta: { param_name: 'redirect_url' } });
    }
  });

  it('confirmed on the device that started it, it signs in there (client token rotated); a second confirmation says already used', async () => {
    const t = linkApp();
    await signUp(t, EMAIL);
    const { s } = await startLinkSignIn(t);
    const { token } = await latestLink(t);
    const done = await confirm(t, token, s.token);
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ object: 'email_link_confirmation', same_client: true, sign_in: { status: 'complete', first_factor_verification: { status: 'verified', strategy: 'email_link' } } });
    expect(done.body.client.sessions).toHaveLength(1);
    expect(done.token).not.toBe(s.token);
    const again = await confirm(t, token, done.token);
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ code: 'verification_already_verified', long_message: 'This sign-in link was already used.' });
  });

  it('confirmed on another device, that device gets no session; the tab that started it completes by itself', async () => {
    const t = linkApp();
    await signUp(t, EMAIL);
    const { s } = await startLinkSignIn(t);
    const early = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'email_link' } });
    expect(early.body.errors[0].code).toBe('verification_not_prepared');
    const { token } = await latestLink(t);
    const elsewhere = await confirm(t, token, null);
    expect(elsewhere.body.response).toMatchObject({ same_client: false, sign_in: null });
    expect(elsewhere.body.client?.sessions ?? []).toEqual([]);
    const polled = await call(t.app, 'GET', `/v1/client/sign_ins/${s.id}`, { token: s.token });
    expect(polled.body.response.first_factor_verification).toMatchObject({ status: 'verified', strategy: 'email_link' });
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'email_link' } });
    expect(done.body.response.status).toBe('complete');
    expect(done.body.client.sessions).toHaveLength(1);
  });

  it('20 parallel confirmations of one link: exactly one is verified, the others say already used; one session', async () => {
    const t = linkApp();
    await signUp(t, EMAIL);
    const { s } = await startLinkSignIn(t);
    const { token } = await latestLink(t);
    const results = await Promise.all(Array.from({ length: 20 }, () => confirm(t, token, null)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.code === 'verification_already_verified')).toHaveLength(19);
    const done = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: s.token, body: { strategy: 'email_link' } });
    expect(done.body.response.status).toBe('complete');
    const twice = await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_first_factor`, { token: done.token, body: { strategy: 'email_link' } });
    expect(twice.body.errors[0].code).toBe('sign_in_status_invalid');
  });

  it('expires after 10 minutes; a token bound to another sign-in, or tampered with, verifies nothing', async () => {
    const t = linkApp();
    await signUp(t, EMAIL);
    const first = await startLinkSignIn(t);
    const { token } = await latestLink(t);
    t.clock.advance(1000);
    await startLinkSignIn(t);
    const second = await latestLink(t);
    const [, secret] = token.split('.');
    const swapped = `${second.token.split('.')[0]}.${secret}`;
    expect((await confirm(t, swapped)).body.errors[0].code).toBe('verification_failed');
    for (const junk of ['', 'nodot', 'sia_x.y', `${token}x`, `${first.s.id}.`]) expect((await confirm(t, junk)).status, junk).toBeLessThan(500);
    t.clock.advance(10 * MINUTE + 1);
    const late = await confirm(t, token, first.s.token);
    expect(late.body.errors[0]).toMatchObject({ code: 'verification_expired' });
  });

  it('a link is a first factor: an account with 2-step verification goes on to its second step; a locked account is refused', async () => {
    const t = createTestApp({ instance: (c) => ((c.attributes.emailAddress.firstFactors = ['email_link']), (c.lockout.maxAttempts = 1)) });
    const me = await signUp(t, EMAIL);
    await givenTotp(t, me);
    const { s } = await startLinkSignIn(t);
    const { token } = await latestLink(t);
    const done = await confirm(t, token, s.token);
    expect(done.body.response).toMatchObject({ same_client: true, sign_in: { status: 'needs_second_factor', created_session_id: null } });
    expect(done.body.client.sessions).toEqual([]);

    const other = await startLinkSignIn(t);
    const link = await latestLink(t);
    // One wrong authenticator code reaches the limit of 1: the account is locked, links included.
    await call(t.app, 'POST', `/v1/client/sign_ins/${s.id}/attempt_second_factor`, { token: s.token, body: { strategy: 'totp', code: '000000' } });
    expect((await confirm(t, link.token, other.s.token)).body.errors[0].code).toBe('user_locked');
  });

  it('an unknown identifier gets the same answer and no email', async () => {
    const t = linkApp();
    await signUp(t, EMAIL);
    const known = (await startLinkSignIn(t)).prepared;
    const unknown = (await startLinkSignIn(t, 'nobody@example.com')).prepared;
    const strip = (r: Record<string, unknown>) => ({ ...r, id: '', identifier: '', supported_first_factors: '', abandon_at: 0 });
    expect(unknown.status).toBe(known.status);
    expect(strip(unknown.body.response)).toEqual(strip(known.body.response));
    expect((await mailbox(t)).filter((m) => m.to === 'nobody@example.com')).toEqual([]);
  });
});
