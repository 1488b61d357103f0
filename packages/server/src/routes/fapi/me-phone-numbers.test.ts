/**
 * A user's phone numbers (instance attribute `phone_number` on): add (re-verification required),
 * verify by a texted code (the dev SMS box), make primary, remove. The same ownership rules as
 * email addresses; the shortcodes see the primary number.
 */
import { describe, expect, it } from 'vitest';
import { backendCall, givenSecretKey } from '../bapi/backend-test-support.ts';
import { call, createTestApp, signUp, type SignedUp, type TestApp } from '../test-support.ts';

const MINUTE = 60_000;
const phoneApp = () => createTestApp({ instance: (c) => void (c.attributes.phoneNumber.enabled = true) });
const add = (t: TestApp, me: SignedUp, phone: string) => call(t.app, 'POST', '/v1/me/phone_numbers', { token: me.token, body: { phone_number: phone } });
const prepare = (t: TestApp, me: SignedUp, id: string) => call(t.app, 'POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { token: me.token, body: { strategy: 'phone_code' } });
const attempt = (t: TestApp, me: SignedUp, id: string, code: string) => call(t.app, 'POST', `/v1/me/phone_numbers/${id}/attempt_verification`, { token: me.token, body: { code } });

async function latestSmsCode(t: TestApp, to: string): Promise<string> {
  await t.worker.runOnce();
  const messages = (await call(t.app, 'GET', '/v1/dev/sms?limit=500')).body.data as Array<{ to: string; text: string }>;
  const match = /\b(\d{6})\b/.exec(messages.filter((m) => m.to === to).at(-1)?.text ?? '');
  if (!match?.[1]) throw new Error(`no code was texted to ${to}`);
  return match[1];
}

describe('/v1/me/phone_numbers', () => {
  it('adds a number (normalized to E.164), texts a code, verifies it, and makes it primary', async () => {
    const t = phoneApp();
    const me = await signUp(t, 'ada@example.com');
    const added = await add(t, me, '+1 (555) 555-0100');
    expect(added.status).toBe(200);
    expect(added.body.response).toMatchObject({ object: 'phone_number', phone_number: '+15555550100', reserved_for_second_factor: false, verification: { status: 'unverified' } });
    const id = added.body.response.id as string;
    expect((await prepare(t, me, id)).body.response.verification).toMatchObject({ status: 'unverified', strategy: 'phone_code' });
    const code = await latestSmsCode(t, '+15555550100');
    expect((await attempt(t, me, id, code === '000000' ? '111111' : '000000')).body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { remaining_attempts: 4 } });
    expect((await attempt(t, me, id, code)).body.response.verification.status).toBe('verified');

    const primary = await call(t.app, 'PATCH', '/v1/me', { token: me.token, body: { primary_phone_number_id: id } });
    expect(primary.body.response).toMatchObject({ primary_phone_number_id: id, phone_numbers: [{ id, phone_number: '+15555550100', verification: { status: 'verified' } }] });

    const key = await givenSecretKey(t);
    await backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'phone', claims: { phone: '{{user.primary_phone_number}}', verified: '{{user.phone_number_verified}}' } } });
    const minted = await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens/phone`, { token: me.token });
    const payload = JSON.parse(Buffer.from((minted.body.jwt as string).split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ phone: '+15555550100', verified: true });
    expect((await backendCall(t, 'GET', `/users/${me.userId}`, { key })).body).toMatchObject({ primary_phone_number_id: id, phone_numbers: [{ phone_number: '+15555550100', verified: true }] });
  });

  it('refuses a number verified by another account, a malformed one, and a disabled instance', async () => {
    const t = phoneApp();
    const ada = await signUp(t, 'ada@example.com');
    const eve = await signUp(t, 'eve@example.com');
    const id = (await add(t, ada, '+447700900123')).body.response.id as string;
    await prepare(t, ada, id);
    await attempt(t, ada, id, await latestSmsCode(t, '+447700900123'));
    expect((await add(t, eve, '+44 7700 900123')).body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'phone_number' } });
    for (const bad of ['555-0100', '+0123456789', '+1 555', 'call me', `+${'1'.repeat(16)}`]) {
      expect((await add(t, eve, bad)).body.errors[0], bad).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'phone_number' } });
    }
    const off = createTestApp();
    const me = await signUp(off, 'ada@example.com');
    expect((await add(off, me, '+15555550100')).body.errors[0].code).toBe('form_param_unknown');
  });

  it('another account’s number is 404; removing needs a re-verification; the primary goes last', async () => {
    const t = phoneApp();
    const ada = await signUp(t, 'ada@example.com');
    const eve = await signUp(t, 'eve@example.com');
    const first = (await add(t, ada, '+15555550100')).body.response.id as string;
    await prepare(t, ada, first);
    await attempt(t, ada, first, await latestSmsCode(t, '+15555550100'));
    const second = (await add(t, ada, '+15555550101')).body.response.id as string;
    await prepare(t, ada, second);
    await attempt(t, ada, second, await latestSmsCode(t, '+15555550101'));
    await call(t.app, 'PATCH', '/v1/me', { token: ada.token, body: { primary_phone_number_id: first } });
    for (const res of [await prepare(t, eve, first), await call(t.app, 'DELETE', `/v1/me/phone_numbers/${first}`, { token: eve.token })]) {
      expect(res.body.errors[0].code).toBe('phone_number_not_found');
    }
    expect((await call(t.app, 'DELETE', `/v1/me/phone_numbers/${first}`, { token: ada.token })).body.errors[0].code).toBe('phone_number_is_primary');
    t.clock.advance(11 * MINUTE);
    expect((await call(t.app, 'DELETE', `/v1/me/phone_numbers/${second}`, { token: ada.token })).body.errors[0].code).toBe('session_reverification_required');
    await call(t.app, 'POST', `/v1/client/sessions/${ada.sessionId}/verify/attempt_first_factor`, { token: ada.token, body: { strategy: 'password', password: 'correct horse battery' } });
    expect((await call(t.app, 'DELETE', `/v1/me/phone_numbers/${second}`, { token: ada.token })).body.response).toEqual({ object: 'phone_number', id: second, deleted: true });
    // The last number may go, primary or not: phone numbers are not a way to sign in yet.
    const last = await call(t.app, 'DELETE', `/v1/me/phone_numbers/${first}`, { token: ada.token });
    expect(last.status).toBe(200);
    expect((await call(t.app, 'GET', '/v1/me', { token: ada.token })).body.response).toMatchObject({ primary_phone_number_id: null, phone_numbers: [] });
  });
});
