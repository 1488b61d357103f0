/**
 * An address added in UserProfile, verified by an emailed link: signed, valid 10 minutes, single
 * use, bound to that address of that user (not to a session or device, so it works from a phone
 * too); the page it opens confirms with a POST, so a scanner's GET or HEAD consumes nothing.
 */
import { describe, expect, it } from 'vitest';
import { backendCall, givenSecretKey } from '../bapi/backend-test-support.ts';
import { APP_ORIGIN, call, createTestApp, mailbox, signUp, type SignedUp, type TestApp } from '../test-support.ts';

const MINUTE = 60_000;
const WORK = 'ada@work.example';
const bothApp = () => createTestApp({ instance: (c) => void (c.attributes.emailAddress.verifications = ['email_code', 'email_link']) });

const add = async (t: TestApp, me: SignedUp, email = WORK) => (await call(t.app, 'POST', '/v1/me/email_addresses', { token: me.token, body: { email_address: email } })).body.response.id as string;
const prepareLink = (t: TestApp, me: SignedUp, id: string, redirectUrl: string | null = '/account') =>
  call(t.app, 'POST', `/v1/me/email_addresses/${id}/prepare_verification`, { token: me.token, body: { strategy: 'email_link', ...(redirectUrl ? { redirect_url: redirectUrl } : {}) } });
const confirm = (t: TestApp, token: string, clientToken: string | null = null) => call(t.app, 'POST', '/v1/client/email_links/confirm', { token: clientToken, body: { token } });
const addressOf = async (t: TestApp, me: SignedUp, id: string) =>
  ((await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response.email_addresses as Array<{ id: string; verification: { status: string } }>).find((e) => e.id === id);

/** The link in the newest email to `to`, and its token. */
async function latestLink(t: TestApp, to = WORK): Promise<{ url: URL; token: string }> {
  const message = (await mailbox(t)).filter((m) => m.to === to && m.text.includes('__usher_link=')).at(-1);
  const href = /(https?:\/\/\S+__usher_link=\S+)/.exec(message?.text ?? '')?.[1];
  if (!href) throw new Error(`no link was emailed to ${to}`);
  const url = new URL(href);
  return { url, token: url.searchParams.get('__usher_link')! };
}

describe('/v1/me/email_addresses verified by an email link', () => {
  it('is offered when the instance enables it; a strategy it does not enable is 422 strategy_not_allowed', async () => {
    const codesOnly = createTestApp();
    const ada = await signUp(codesOnly, 'ada@example.com');
    const refused = await prepareLink(codesOnly, ada, await add(codesOnly, ada));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: 'strategy_not_allowed', meta: { param_name: 'strategy' } });

    const t = bothApp();
    const me = await signUp(t, 'ada@example.com');
    const id = await add(t, me);
    // Links only, switched through the Backend API.
    const key = await givenSecretKey(t);
    expect((await backendCall(t, 'PATCH', '/instance', { key, body: { email_verifications: ['email_link'] } })).body.email_verifications).toEqual(['email_link']);
    const code = await call(t.app, 'POST', `/v1/me/email_addresses/${id}/prepare_verification`, { token: me.token, body: { strategy: 'email_code' } });
    expect(code.body.errors[0].code).toBe('strategy_not_allowed');
    expect((await prepareLink(t, me, id)).status).toBe(200);
  });

  it('emails a link to the app’s page; opened on another device (signed out), it verifies that address, and the profile shows it on reload', async () => {
    const t = bothApp();
    const me = await signUp(t, 'ada@example.com');
    const id = await add(t, me);
    const prepared = await prepareLink(t, me, id);
    expect(prepared.body.response).toMatchObject({ id, verification: { status: 'unverified', strategy: 'email_link', expire_at: t.clock.now() + 10 * MINUTE } });
    const { url, token } = await latestLink(t);
    expect(`${url.origin}${url.pathname}`).toBe(`${APP_ORIGIN}/account`);
    expect(token).toMatch(/^idn_[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect((await mailbox(t)).at(-1)!.subject).toBe('Verify your Usher email address');

    const phone = await confirm(t, token, null);
    expect(phone.status).toBe(200);
    expect(phone.body.response).toMatchObject({ object: 'email_link_confirmation', same_client: false, sign_in: null, sign_up: null, email_address: { id, email_address: WORK, verification: { status: 'verified' } } });
    expect(phone.body.client?.sessions ?? []).toEqual([]);
    expect((await addressOf(t, me, id))?.verification.status).toBe('verified');
    // Verified, it signs in.
    expect((await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: WORK, password: 'correct horse battery' } })).body.response.status).toBe('complete');
  });

  it('opened where the user is signed in, it says so (same_client); a second click says already used', async () => {
    const t = bothApp();
    const me = await signUp(t, 'ada@example.com');
    const id = await add(t, me);
    await prepareLink(t, me, id);
    const { token } = await latestLink(t);
    const here = await confirm(t, token, me.token);
    expect(here.body.response).toMatchObject({ same_client: true, email_address: { id, verification: { status: 'verified' } } });
    const again = await confirm(t, token, me.token);
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ code: 'verification_already_verified', meta: { param_name: 'token' } });
  });

  it('20 parallel confirmations: exactly one verifies, the others say already used', async () => {
    const t = bothApp();
    const me = await signUp(t, 'ada@example.com');
    const id = await add(t, me);
    await prepareLink(t, me, id);
    const { token } = await latestLink(t);
    const results = await Promise.all(Array.from({ length: 20 }, () => confirm(t, token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.errors?.[0]?.code === 'verification_already_verified')).toHaveLength(19);
  });

  it('expires after 10 minutes; a scanner’s GET or HEAD changes nothing; a token of another address, or of a removed one, verifies nothing', async () => {
    const t = bothApp();
    const me = await signUp(t, 'ada@example.com');
    const work = await add(t, me);
    const home = await add(t, me, 'ada@home.example');
    await prepareLink(t, me, work);
    const { token } = await latestLink(t);
    await prepareLink(t, me, home);
    const homeLink = await latestLink(t, 'ada@home.example');
    const [, secret] = token.split('.');

    for (const method of ['GET', 'HEAD']) {
      const res = await t.app.request(`http://localhost:4000/v1/client/email_links/confirm?token=${encodeURIComponent(token)}`, { method, headers: { origin: APP_ORIGIN, 'x-usher-bearer': '1' } });
      expect(res.status, method).toBeGreaterThanOrEqual(400);
      expect(res.status, method).toBeLessThan(500);
    }
    expect((await addressOf(t, me, work))?.verification.status).toBe('unverified');

    // The work address's secret with the home address's id; a sign-up id with it.
    expect((await confirm(t, `${home}.${secret}`)).body.errors[0].code).toBe('verification_failed');
    expect((await confirm(t, `sua_${work.slice(4)}.${secret}`)).status).toBe(422);
    for (const junk of ['idn_x.y', `${work}.`, `${token}x`, `${work}..${secret}`]) expect((await confirm(t, junk)).body.errors[0].code, junk).toBe('verification_failed');
    expect((await addressOf(t, me, work))?.verification.status).toBe('unverified');

    await call(t.app, 'DELETE', `/v1/me/email_addresses/${home}`, { token: me.token });
    expect((await confirm(t, homeLink.token)).body.errors[0].code).toBe('verification_failed');

    t.clock.advance(10 * MINUTE + 1);
    expect((await confirm(t, token)).body.errors[0]).toMatchObject({ code: 'verification_expired', meta: { param_name: 'token' } });
    expect((await addressOf(t, me, work))?.verification.status).toBe('unverified');
  });

  it('another user’s address is 404; an address another account verified first is taken; the link page must be an allowed one', async () => {
    const t = bothApp();
    const ada = await signUp(t, 'ada@example.com');
    const eve = await signUp(t, 'eve@example.com');
    const adaCopy = await add(t, ada, 'shared@example.com');
    const eveCopy = await add(t, eve, 'shared@example.com');
    expect((await prepareLink(t, eve, adaCopy)).body.errors[0].code).toBe('email_address_not_found');
    for (const bad of [null, '//evil.example/x', 'https://evil.example/account', 'javascript:alert(1)']) {
      const refused = await prepareLink(t, eve, eveCopy, bad);
      expect(refused.body.errors[0], String(bad)).toMatchObject({ code: 'redirect_url_invalid', meta: { param_name: 'redirect_url' } });
    }
    await prepareLink(t, eve, eveCopy);
    const eveLink = await latestLink(t, 'shared@example.com');
    await prepareLink(t, ada, adaCopy);
    const adaLink = await latestLink(t, 'shared@example.com');
    expect((await confirm(t, adaLink.token)).body.response.email_address.id).toBe(adaCopy);
    // Ada's verification removed Eve's unverified copy: her link has nothing left to verify.
    expect((await confirm(t, eveLink.token)).body.errors[0].code).toBe('verification_failed');
    expect((await prepareLink(t, eve, eveCopy)).body.errors[0].code).toBe('email_address_not_found');
  });

  it('keeps the rules of adding: a stale session must re-verify to add an address; the link of one added is sent without', async () => {
    const t = bothApp();
    const me = await signUp(t, 'ada@example.com');
    const id = await add(t, me);
    t.clock.advance(11 * MINUTE);
    const stale = await call(t.app, 'POST', '/v1/me/email_addresses', { token: me.token, body: { email_address: 'ada@home.example' } });
    expect(stale.body.errors[0].code).toBe('session_reverification_required');
    expect((await prepareLink(t, me, id)).status).toBe(200);
    expect((await confirm(t, (await latestLink(t)).token)).status).toBe(200);
  });
});
