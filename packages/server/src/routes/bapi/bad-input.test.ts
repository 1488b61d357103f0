/**
 * Every Backend API mutation refuses bad requests with the right 4xx and changes nothing, and
 * random bodies and queries never make it answer 5xx.
 */
import { ERROR_CODES } from '@usher/protocol';
import { describe, expect, it } from 'vitest';
import { randomBody, seeded } from '../fuzz-support.ts';
import { BASE, createTestApp, signUp, type TestApp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';

interface Fixture {
  t: TestApp;
  key: string;
  userId: string;
  sessionId: string;
  templateId: string;
  endpointId: string;
}

async function fixture(): Promise<Fixture> {
  const t = createTestApp();
  const key = await givenSecretKey(t);
  const { userId, sessionId } = await signUp(t, 'ada@example.com');
  const template = await backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'svc', claims: { email: '{{user.primary_email_address}}' } } });
  const endpoint = await backendCall(t, 'POST', '/webhooks/endpoints', { key, body: { url: 'https://hooks.example.com/usher' } });
  await backendCall(t, 'PUT', '/oauth_providers/google', { key, body: { preset: 'google', client_id: 'abc', client_secret: 'secret' } });
  return { t, key, userId, sessionId, templateId: template.body.id, endpointId: endpoint.body.id };
}

async function snapshot(f: Fixture): Promise<unknown> {
  return {
    users: (await backendCall(f.t, 'GET', '/users?limit=500', { key: f.key })).body,
    sessions: (await backendCall(f.t, 'GET', '/sessions?limit=500', { key: f.key })).body,
    keys: await f.t.store.listApiKeys(),
    templates: (await backendCall(f.t, 'GET', '/jwt_templates', { key: f.key })).body,
    instance: (await backendCall(f.t, 'GET', '/instance', { key: f.key })).body,
    webhookEndpoints: await f.t.store.listWebhookEndpoints(),
    oauthProviders: (await backendCall(f.t, 'GET', '/oauth_providers', { key: f.key })).body,
  };
}

const ENDPOINTS: Array<{ name: string; method: string; path: (f: Fixture) => string; wrongType?: Record<string, unknown> }> = [
  { name: 'create user', method: 'POST', path: () => '/users', wrongType: { email_address: 'ada@example.com' } },
  { name: 'update user', method: 'PATCH', path: (f) => `/users/${f.userId}`, wrongType: { first_name: 5 } },
  { name: 'merge metadata', method: 'PATCH', path: (f) => `/users/${f.userId}/metadata`, wrongType: { public_metadata: [1, 2] } },
  { name: 'delete user', method: 'DELETE', path: (f) => `/users/${f.userId}` },
  { name: 'ban', method: 'POST', path: (f) => `/users/${f.userId}/ban` },
  { name: 'lock', method: 'POST', path: (f) => `/users/${f.userId}/lock` },
  { name: 'disable MFA', method: 'DELETE', path: (f) => `/users/${f.userId}/mfa` },
  { name: 'create JWT template', method: 'POST', path: () => '/jwt_templates', wrongType: { name: 'x', claims: 'not an object' } },
  { name: 'replace JWT template', method: 'PUT', path: (f) => `/jwt_templates/${f.templateId}`, wrongType: { name: 'svc', claims: {}, lifetime: '60' } },
  { name: 'delete JWT template', method: 'DELETE', path: (f) => `/jwt_templates/${f.templateId}` },
  { name: 'update instance settings', method: 'PATCH', path: () => '/instance', wrongType: { lockout_max_attempts: '5', mfa_required: 'yes' } },
  { name: 'revoke session', method: 'POST', path: (f) => `/sessions/${f.sessionId}/revoke` },
  { name: 'create webhook endpoint', method: 'POST', path: () => '/webhooks/endpoints', wrongType: { url: 42 } },
  { name: 'update webhook endpoint', method: 'PATCH', path: (f) => `/webhooks/endpoints/${f.endpointId}`, wrongType: { events: 'user.created' } },
  { name: 'rotate webhook secret', method: 'POST', path: (f) => `/webhooks/endpoints/${f.endpointId}/rotate_secret` },
  { name: 'delete webhook endpoint', method: 'DELETE', path: (f) => `/webhooks/endpoints/${f.endpointId}` },
  { name: 'replace OAuth provider', method: 'PUT', path: () => '/oauth_providers/google', wrongType: { preset: 'google', client_id: 5 } },
  { name: 'delete OAuth provider', method: 'DELETE', path: () => '/oauth_providers/google' },
];

const BAD: Array<{ name: string; status: number; code: string; headers?: Record<string, string>; body?: (e: (typeof ENDPOINTS)[number]) => string | null; noKey?: boolean }> = [
  { name: 'no secret key', status: 401, code: 'secret_key_invalid', noKey: true, body: () => '{}' },
  { name: 'malformed JSON', status: 400, code: 'request_body_invalid', body: () => '{"a":' },
  { name: 'a JSON array', status: 400, code: 'request_body_invalid', body: () => '[1]' },
  { name: 'an unknown field', status: 422, code: 'form_param_unknown', body: () => JSON.stringify({ is_admin: true }) },
  { name: 'a field of the wrong type', status: 422, code: 'form_param_format_invalid', body: (e) => (e.wrongType ? JSON.stringify(e.wrongType) : null) },
  { name: 'a huge body', status: 413, code: 'request_body_too_large', body: () => JSON.stringify({ first_name: 'x'.repeat(20_000) }) },
  { name: 'text/plain', status: 415, code: 'unsupported_media_type', headers: { 'content-type': 'text/plain' }, body: () => '{}' },
];

describe.each(ENDPOINTS)('Backend API $method $name', (endpoint) => {
  it.each(BAD)('$name → $status $code, and nothing changes', async (bad) => {
    const f = await fixture();
    const body = bad.body?.(endpoint) ?? null;
    if (body === null) return;
    const before = await snapshot(f);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...bad.headers };
    if (!bad.noKey) headers.authorization = `Bearer ${f.key}`;
    const res = await f.t.app.fetch(new Request(`${BASE}/backend/v1${endpoint.path(f)}`, { method: endpoint.method, headers, body }));
    expect(res.status).toBe(bad.status);
    const json = (await res.json()) as { errors: Array<{ code: string }> };
    expect(json.errors.map((e) => e.code)).toContain(bad.code);
    expect(await snapshot(f)).toEqual(before);
  });
});

describe('fuzzing the Backend API', () => {
  it('random bodies and queries never answer 5xx, and every error has a known code', async () => {
    const f = await fixture();
    const next = seeded(20301207);
    const known = new Set<string>(ERROR_CODES);
    const targets = [...ENDPOINTS.map((e) => ({ method: e.method, path: e.path(f) })), { method: 'GET', path: '/users' }, { method: 'GET', path: '/sessions' }, { method: 'GET', path: '/jwt_templates' }, { method: 'GET', path: '/instance' }, { method: 'GET', path: '/webhooks/endpoints' }, { method: 'GET', path: '/webhooks/messages' }];
    const queryParts = ['limit=', 'offset=', 'query=', 'order_by=', 'user_id=', 'status=', 'endpoint_id=', 'x='];
    const values = ['', '0', '-1', '1e9', 'abc', '%00', 'active', 'dead', '-created_at', '500', '%25', '_%', '__proto__'];
    for (const target of targets) {
      for (let i = 0; i < 40; i++) {
        let path = target.path;
        let body: string | undefined;
        if (target.method === 'GET') {
          path += '?' + Array.from({ length: 1 + Math.floor(next() * 3) }, () => `${queryParts[Math.floor(next() * queryParts.length)]}${values[Math.floor(next() * values.length)]}`).join('&');
        } else {
          body = randomBody(next);
        }
        const res = await f.t.app.fetch(new Request(`${BASE}/backend/v1${path}`, { method: target.method, headers: { authorization: `Bearer ${f.key}`, 'content-type': 'application/json' }, body }));
        const text = await res.text();
        expect(res.status, `${target.method} ${path} ${body ?? ''} → ${text}`).toBeLessThan(500);
        if (res.status >= 400) for (const error of (JSON.parse(text) as { errors: Array<{ code: string }> }).errors) expect(known.has(error.code), error.code).toBe(true);
      }
    }
  }, 60_000);
});
