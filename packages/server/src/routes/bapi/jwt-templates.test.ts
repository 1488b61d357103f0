import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, PUBLIC_URL, call, createTestApp, signUp, type TestApp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';

const SECRET = 'super-secret-jwt-token-with-at-least-32-characters';

async function setup() {
  const t = createTestApp();
  const key = await givenSecretKey(t);
  const me = await signUp(t, 'ada@example.com');
  await backendCall(t, 'PATCH', `/users/${me.userId}`, { key, body: { first_name: 'Ada', last_name: 'Lovelace', public_metadata: { plan: 'pro', org: { id: 'org_1' } }, private_metadata: { stripe: 'cus_1' } } });
  return { t, key, me };
}

const mint = (t: TestApp, me: { token: string; sessionId: string }, name: string) => call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens/${name}`, { token: me.token });

describe('JWT templates', () => {
  it('an HS256 template (Supabase-style) mints a token with resolved shortcodes, its lifetime and aud, verifiable with the shared secret', async () => {
    const { t, key, me } = await setup();
    const created = await backendCall(t, 'POST', '/jwt_templates', {
      key,
      body: {
        name: 'supabase',
        lifetime: 3600,
        audience: 'authenticated',
        signing_algorithm: 'HS256',
        signing_key: SECRET,
        claims: { role: 'authenticated', email: '{{user.primary_email_address}}', name: '{{user.full_name}}', app_metadata: { plan: '{{user.public_metadata.plan}}' }, verified: '{{user.email_verified}}' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'jwt_template', name: 'supabase', lifetime: 3600, signing_algorithm: 'HS256', has_signing_key: true });
    expect(JSON.stringify(created.body)).not.toContain(SECRET);

    const res = await mint(t, me, 'supabase');
    expect(res.status).toBe(200);
    const { payload, protectedHeader } = await jwtVerify(res.body.jwt, new TextEncoder().encode(SECRET), { issuer: PUBLIC_URL, audience: 'authenticated', algorithms: ['HS256'], currentDate: new Date(t.clock.now()) });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ role: 'authenticated', email: 'ada@example.com', name: 'Ada Lovelace', app_metadata: { plan: 'pro' }, verified: true, sub: me.userId, sid: me.sessionId, azp: APP_ORIGIN });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(JSON.stringify(payload)).not.toContain('cus_1');
  });

  it('an instance-signed template verifies against the JWKS (ES256, kid); the name is case-insensitive', async () => {
    const { t, key, me } = await setup();
    await backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'Hasura', claims: { 'https://hasura.io/jwt/claims': { 'x-hasura-user-id': '{{user.id}}', 'x-hasura-default-role': 'user', 'x-hasura-allowed-roles': ['user'] } } } });
    const res = await mint(t, me, 'hasura');
    const jwks = (await (await t.app.request(`${PUBLIC_URL}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    expect(decodeProtectedHeader(res.body.jwt)).toMatchObject({ alg: 'ES256', kid: jwks.keys[0]!.kid });
    const { payload } = await jwtVerify(res.body.jwt, createLocalJWKSet(jwks), { issuer: PUBLIC_URL, currentDate: new Date(t.clock.now()) });
    expect(payload['https://hasura.io/jwt/claims']).toEqual({ 'x-hasura-user-id': me.userId, 'x-hasura-default-role': 'user', 'x-hasura-allowed-roles': ['user'] });
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(payload.aud).toBeUndefined();
  });

  it('refuses reserved claims, unknown shortcodes, an HS256 template without a secret, a taken name and bad fields', async () => {
    const { t, key } = await setup();
    const attempt = (body: Record<string, unknown>) => backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'x', claims: {}, ...body } });
    for (const claims of [{ sub: 'someone-else' }, { exp: 1 }, { aud: 'x' }]) {
      const res = await attempt({ claims });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'claims' } });
    }
    const unknown = await attempt({ claims: { secret: '{{user.private_metadata.stripe}}' } });
    expect(unknown.body.errors[0].long_message).toContain('{{user.private_metadata.stripe}}');
    expect((await attempt({ signing_algorithm: 'HS256' })).body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'signing_key' } });
    expect((await attempt({ signing_algorithm: 'HS256', signing_key: 'short' })).status).toBe(422);
    expect((await attempt({ signing_key: SECRET })).body.errors[0].meta.param_name).toBe('signing_key');
    expect((await attempt({ name: 'has space' })).status).toBe(422);
    expect((await attempt({ lifetime: 5 })).status).toBe(422);
    expect((await attempt({ claims: { big: 'x'.repeat(5000) } })).status).toBe(422);
    expect((await attempt({ name: 'one' })).status).toBe(201);
    expect((await attempt({ name: 'ONE' })).body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'name' } });
    expect((await backendCall(t, 'GET', '/jwt_templates', { key })).body.total_count).toBe(1);
  });

  it('claims that resolve over the size limit for one user answer 422 token_claims_too_large, with the sizes', async () => {
    const { t, key, me } = await setup();
    await backendCall(t, 'PATCH', `/users/${me.userId}/metadata`, { key, body: { public_metadata: { blob: 'x'.repeat(3000) } } });
    await backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'fat', claims: { a: '{{user.public_metadata}}', b: '{{user.public_metadata.blob}}' } } });
    const res = await mint(t, me, 'fat');
    expect(res.status).toBe(422);
    expect(res.body.errors[0].code).toBe('token_claims_too_large');
    expect(res.body.errors[0].long_message).toMatch(/resolve to \d+ bytes .* limit is 4096/);
  });

  it('replace keeps an HS256 secret that is not sent again; delete makes the template unknown; a signed-out session mints nothing', async () => {
    const { t, key, me } = await setup();
    const created = await backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'svc', signing_algorithm: 'HS256', signing_key: SECRET, claims: { v: 1 } } });
    const replaced = await backendCall(t, 'PUT', `/jwt_templates/${created.body.id}`, { key, body: { name: 'svc', signing_algorithm: 'HS256', claims: { v: 2 }, lifetime: 120 } });
    expect(replaced.body).toMatchObject({ claims: { v: 2 }, lifetime: 120, has_signing_key: true, created_at: created.body.created_at });
    const { payload } = await jwtVerify((await mint(t, me, 'svc')).body.jwt, new TextEncoder().encode(SECRET), { currentDate: new Date(t.clock.now()) });
    expect(payload.v).toBe(2);

    expect((await mint(t, me, 'nope')).body.errors[0].code).toBe('jwt_template_not_found');
    expect((await mint(t, me, 'bad%20name')).status).toBe(404);
    await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/end`, { token: me.token, body: {} });
    expect((await mint(t, me, 'svc')).status).toBe(401);
    expect((await backendCall(t, 'DELETE', `/jwt_templates/${created.body.id}`, { key })).body).toEqual({ object: 'jwt_template', id: created.body.id, deleted: true });
    expect((await backendCall(t, 'GET', `/jwt_templates/${created.body.id}`, { key })).status).toBe(404);
  });
});
