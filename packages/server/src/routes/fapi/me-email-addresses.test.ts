/**
 * A user's own email addresses: add (re-verification required), verify by code, make primary
 * (the old primary is told), remove (never the primary). Unverified addresses sign nobody in and
 * block nobody; other accounts' ids are 404.
 */
import { describe, expect, it } from 'vitest';
import { call, createTestApp, latestCode, mailbox, signUp, type SignedUp, type TestApp } from '../test-support.ts';

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

const add = (t: TestApp, me: SignedUp, email: string) => call(t.app, 'POST', '/v1/me/email_addresses', { token: me.token, body: { email_address: email } });
const prepare = (t: TestApp, me: SignedUp, id: string) => call(t.app, 'POST', `/v1/me/email_addresses/${id}/prepare_verification`, { token: me.token, body: { strategy: 'email_code' } });
const attempt = (t: TestApp, me: SignedUp, id: string, code: string) => call(t.app, 'POST', `/v1/me/email_addresses/${id}/attempt_verification`, { token: me.token, body: { code } });
const passwordSignIn = (t: TestApp, identifier: string) => call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier, password: PASSWORD } });

async function addVerified(t: TestApp, me: SignedUp, email: string): Promise<string> {
  const id = (await add(t, me, email)).body.response.id as string;
  await prepare(t, me, id);
  await attempt(t, me, id, await latestCode(t, email));
  return id;
}

describe('/v1/me/email_addresses', () => {
  it('adds an unverified address, verifies it by code, and then it signs in', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const added = await add(t, me, '  Ada@Work.example ');
    expect(added.status).toBe(200);
    expect(added.body.response).toMatchObject({ object: 'email_address', email_address: 'ada@work.example', verification: { status: 'unverified' } });
    const id = added.body.response.id as string;
    expect(added.body.client.sessions[0].user.email_addresses.map((e: { email_address: string }) => e.email_address).sort()).toEqual(['ada@example.com', 'ada@work.example']);
    // Not verified yet: it signs nobody in.
    expect((await passwordSignIn(t, 'ada@work.example')).body.response?.status).not.toBe('complete');

    const prepared = await prepare(t, me, id);
    expect(prepared.body.response.verification).toMatchObject({ status: 'unverified', strategy: 'email_code', attempts: 0 });
    const code = await latestCode(t, 'ada@work.example');
    const wrong = await attempt(t, me, id, code === '000000' ? '111111' : '000000');
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 4 } });
    const verified = await attempt(t, me, id, code);
    expect(verified.body.response.verification.status).toBe('verified');
    expect((await attempt(t, me, id, code)).body.errors[0].code).toBe('verification_already_verified');
    expect((await passwordSignIn(t, 'ada@work.example')).body.response.status).toBe('complete');
  });

  it('an unverified copy elsewhere blocks nobody: the real owner signs up and it is gone; a verified one is taken', async () => {
    const t = createTestApp();
    const eve = await signUp(t, 'eve@example.com');
    const squat = await add(t, eve, 'grace@example.com');
    expect(squat.status).toBe(200);
    const grace = await signUp(t, 'grace@example.com');
    expect(grace.userId).toBeTruthy();
    expect((await prepare(t, eve, squat.body.response.id)).body.errors[0].code).toBe('email_address_not_found');
    const taken = await add(t, eve, 'grace@example.com');
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'email_address' } });
    expect((await add(t, eve, 'eve@example.com')).body.errors[0].long_message).toMatch(/already on your account/);
  });

  it('whoever verifies first wins an address both added', async () => {
    const t = createTestApp();
    const ada = await signUp(t, 'ada@example.com');
    const eve = await signUp(t, 'eve@example.com');
    const adaCopy = (await add(t, ada, 'shared@example.com')).body.response.id as string;
    const eveCopy = (await add(t, eve, 'shared@example.com')).body.response.id as string;
    await prepare(t, eve, eveCopy);
    const eveCode = await latestCode(t, 'shared@example.com');
    await prepare(t, ada, adaCopy);
    const adaCode = await latestCode(t, 'shared@example.com');
    expect((await attempt(t, ada, adaCopy, adaCode)).body.response.verification.status).toBe('verified');
    expect((await attempt(t, eve, eveCopy, eveCode)).body.errors[0].code).toBe('email_address_not_found');
  });

  it('another account’s address id is 404 for every action; a malformed id too', async () => {
    const t = createTestApp();
    const ada = await signUp(t, 'ada@example.com');
    const eve = await signUp(t, 'eve@example.com');
    const adaEmail = (await call(t.app, 'GET', '/v1/me', { token: ada.token })).body.response.primary_email_address_id as string;
    const pending = (await add(t, ada, 'ada@work.example')).body.response.id as string;
    for (const res of [
      await prepare(t, eve, pending),
      await attempt(t, eve, pending, '123456'),
      await call(t.app, 'DELETE', `/v1/me/email_addresses/${adaEmail}`, { token: eve.token }),
      await call(t.app, 'PATCH', '/v1/me', { token: eve.token, body: { primary_email_address_id: adaEmail } }),
      await prepare(t, ada, 'idn_nope'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.errors[0].code).toBe('email_address_not_found');
    }
    expect((await t.store.getEmailAddress(pending))?.userId).toBe(ada.userId);
  });

  it('making another verified address primary tells the old one; unverified or stale is refused', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const work = await addVerified(t, me, 'ada@work.example');
    const pending = (await add(t, me, 'ada@home.example')).body.response.id as string;
    const unverified = await call(t.app, 'PATCH', '/v1/me', { token: me.token, body: { primary_email_address_id: pending } });
    expect(unverified.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'primary_email_address_id' } });

    const changed = await call(t.app, 'PATCH', '/v1/me', { token: me.token, body: { primary_email_address_id: work, first_name: 'Ada' } });
    expect(changed.status).toBe(200);
    expect(changed.body.response).toMatchObject({ primary_email_address_id: work, first_name: 'Ada' });
    const notice = (await mailbox(t)).filter((m) => m.to === 'ada@example.com').at(-1)!;
    expect(notice.subject).toMatch(/primary email address was changed/);
    expect(notice.text).toContain('a***@work.example');

    t.clock.advance(11 * MINUTE);
    const original = changed.body.response.email_addresses.find((e: { email_address: string }) => e.email_address === 'ada@example.com').id as string;
    const stale = await call(t.app, 'PATCH', '/v1/me', { token: me.token, body: { primary_email_address_id: original } });
    expect(stale.status).toBe(403);
    expect(stale.body.errors[0].code).toBe('session_reverification_required');
  });

  it('removes an address after re-verification, never the primary one', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    const work = await addVerified(t, me, 'ada@work.example');
    const primary = (await call(t.app, 'GET', '/v1/me', { token: me.token })).body.response.primary_email_address_id as string;
    const refused = await call(t.app, 'DELETE', `/v1/me/email_addresses/${primary}`, { token: me.token });
    expect(refused.body.errors[0].code).toBe('email_address_is_primary');
    t.clock.advance(11 * MINUTE);
    expect((await call(t.app, 'DELETE', `/v1/me/email_addresses/${work}`, { token: me.token })).body.errors[0].code).toBe('session_reverification_required');
    await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/verify/attempt_first_factor`, { token: me.token, body: { strategy: 'password', password: PASSWORD } });
    const removed = await call(t.app, 'DELETE', `/v1/me/email_addresses/${work}`, { token: me.token });
    expect(removed.body.response).toEqual({ object: 'email_address', id: work, deleted: true });
    expect((await passwordSignIn(t, 'ada@work.example')).body.response?.status).not.toBe('complete');
  });

  it('adding needs a recent re-verification, a valid address, and stays under 10 addresses', async () => {
    const t = createTestApp();
    const me = await signUp(t, 'ada@example.com');
    expect((await add(t, me, 'not an address')).body.errors[0].code).toBe('form_email_address_invalid');
    for (let i = 1; i < 10; i++) expect((await add(t, me, `ada${i}@example.com`)).status).toBe(200);
    expect((await add(t, me, 'ada10@example.com')).body.errors[0].code).toBe('email_address_limit_reached');
    const later = await signUp(t, 'grace@example.com');
    t.clock.advance(11 * MINUTE);
    expect((await add(t, later, 'grace@work.example')).body.errors[0].code).toBe('session_reverification_required');
    expect(await t.store.listEmailAddresses(later.userId)).toHaveLength(1);
  });
});
