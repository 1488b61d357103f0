import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, createTestApp, signUp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';

describe('Backend API: instance settings', () => {
  it('reads the settings in effect and applies a change to the next request', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const before = await backendCall(t, 'GET', '/instance', { key });
    expect(before.body).toMatchObject({ object: 'instance_settings', sign_up_mode: 'public', password_min_length: 8, session_token_claims: null });
    const changed = await backendCall(t, 'PATCH', '/instance', { key, body: { application_name: 'Acme', sign_up_mode: 'restricted', password_min_length: 12 } });
    expect(changed.body).toMatchObject({ application_name: 'Acme', sign_up_mode: 'restricted', password_min_length: 12, lockout_max_attempts: before.body.lockout_max_attempts });
    expect((await call(t.app, 'GET', '/v1/environment')).body.display_config.application_name).toBe('Acme');
    const refused = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'new@example.com' } });
    expect(refused.body.errors[0].code).toBe('sign_up_not_allowed');
  });

  it('email_first_factors turns sign-in links on or off; nested changes keep their neighbours (phone numbers stay on)', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    expect((await backendCall(t, 'GET', '/instance', { key })).body.email_first_factors).toEqual(['email_code']);
    await backendCall(t, 'PATCH', '/instance', { key, body: { phone_numbers_enabled: true } });
    const both = await backendCall(t, 'PATCH', '/instance', { key, body: { email_first_factors: ['email_link', 'email_code'] } });
    expect(both.body).toMatchObject({ email_first_factors: ['email_link', 'email_code'], phone_numbers_enabled: true });
    expect((await call(t.app, 'GET', '/v1/environment')).body.user_settings.attributes.email_address.first_factors).toEqual(['email_link', 'email_code']);
    const bad = await backendCall(t, 'PATCH', '/instance', { key, body: { email_first_factors: ['email_magic'] } });
    expect(bad.status).toBe(422);
    expect((await backendCall(t, 'PATCH', '/instance', { key, body: { email_first_factors: [] } })).body.email_first_factors).toEqual([]);
  });

  it('email_verifications picks codes, links or both for new addresses; it is never empty nor unknown', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    expect((await backendCall(t, 'GET', '/instance', { key })).body.email_verifications).toEqual(['email_code']);
    await backendCall(t, 'PATCH', '/instance', { key, body: { email_first_factors: ['email_link'] } });
    const both = await backendCall(t, 'PATCH', '/instance', { key, body: { email_verifications: ['email_link', 'email_code'] } });
    expect(both.body).toMatchObject({ email_verifications: ['email_link', 'email_code'], email_first_factors: ['email_link'] });
    expect((await call(t.app, 'GET', '/v1/environment')).body.user_settings.attributes.email_address).toMatchObject({ verifications: ['email_link', 'email_code'], first_factors: ['email_link'] });
    for (const bad of [[], ['email_magic'], ['phone_code'], 'email_link']) {
      const refused = await backendCall(t, 'PATCH', '/instance', { key, body: { email_verifications: bad } });
      expect(refused.status, JSON.stringify(bad)).toBe(422);
    }
    expect((await backendCall(t, 'GET', '/instance', { key })).body.email_verifications).toEqual(['email_link', 'email_code']);
  });

  it('concurrent changes to different settings are all kept', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    await Promise.all([
      backendCall(t, 'PATCH', '/instance', { key, body: { lockout_max_attempts: 7 } }),
      backendCall(t, 'PATCH', '/instance', { key, body: { lockout_duration: 600 } }),
      backendCall(t, 'PATCH', '/instance', { key, body: { application_name: 'Both' } }),
    ]);
    expect((await backendCall(t, 'GET', '/instance', { key })).body).toMatchObject({ lockout_max_attempts: 7, lockout_duration: 600, application_name: 'Both' });
  });

  it('refuses impossible or unknown settings with 422 and stores nothing', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const before = (await backendCall(t, 'GET', '/instance', { key })).body;
    for (const body of [{ session_max_lifetime: 600, session_inactivity_timeout: 3600 }, { password_min_length: 4 }, { lockout_max_attempts: 1000 }, { sign_up_mode: 'open' }, { unknown: true }, { session_token_claims: { sub: 'x' } }, { session_token_claims: { a: '{{user.password}}' } }, { session_token_claims: { big: 'x'.repeat(2000) } }]) {
      const res = await backendCall(t, 'PATCH', '/instance', { key, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect((await backendCall(t, 'GET', '/instance', { key })).body).toEqual(before);
  });

  it('custom session claims appear in every session token with shortcodes resolved; Usher’s claims cannot be replaced; null removes them', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    await backendCall(t, 'PATCH', `/users/${me.userId}/metadata`, { key, body: { public_metadata: { role: 'admin' } } });
    const set = await backendCall(t, 'PATCH', '/instance', { key, body: { session_token_claims: { email: '{{user.primary_email_address}}', role: '{{user.public_metadata.role}}', v: 1 } } });
    expect(set.body.session_token_claims).toEqual({ email: '{{user.primary_email_address}}', role: '{{user.public_metadata.role}}', v: 1 });
    const mint = () => call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens`, { token: me.token });
    const claims = decodeJwt((await mint()).body.jwt);
    expect(claims).toMatchObject({ email: 'ada@example.com', role: 'admin', v: 1, sub: me.userId, sid: me.sessionId });

    await backendCall(t, 'PATCH', `/users/${me.userId}/metadata`, { key, body: { public_metadata: { role: 'x'.repeat(1100) } } });
    const tooBig = await mint();
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors[0]).toMatchObject({ code: 'token_claims_too_large' });
    expect(tooBig.body.errors[0].long_message).toMatch(/limit is 1024/);

    await backendCall(t, 'PATCH', '/instance', { key, body: { session_token_claims: null } });
    const plain = decodeJwt((await mint()).body.jwt);
    expect(plain.email).toBeUndefined();
    expect(plain.role).toBeUndefined();
  });

  it('phone numbers and self-deletion are switched by settings the environment reflects', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const set = await backendCall(t, 'PATCH', '/instance', { key, body: { phone_numbers_enabled: true, delete_self_enabled: false } });
    expect(set.body).toMatchObject({ phone_numbers_enabled: true, delete_self_enabled: false, email_delivery: 'usher', sms_delivery: 'usher' });
    const environment = (await call(t.app, 'GET', '/v1/environment')).body.user_settings;
    expect(environment.attributes.phone_number).toMatchObject({ enabled: true, verifications: ['phone_code'] });
    expect(environment.attributes.email_address.enabled).toBe(true);
    expect(environment.actions).toEqual({ delete_self: false });
  });
});
