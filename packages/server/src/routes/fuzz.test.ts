/**
 * Property: whatever JSON (or non-JSON) is sent to any mutation, the API answers with a 2xx or a
 * 4xx carrying a known error code — never a 5xx. Seeded, so a failure is reproducible.
 */
import { ERROR_CODES } from '@usher/protocol';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, BASE, call, createTestApp, signUp } from './test-support.ts';

/** mulberry32: a tiny deterministic PRNG. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  'email_address', 'password', 'username', 'first_name', 'last_name', 'legal_accepted', 'redirect_url', 'identifier', 'strategy', 'code',
  'email_address_id', 'active_organization_id', 'id', '__proto__', 'constructor', 'private_metadata',
];
const STRINGS = [
  '', ' ', 'a@example.com', 'A@EXAMPLE.COM ', 'password', 'email_code', '123456', '//evil.com', '/ok', 'javascript:alert(1)', 'null', '0',
  '\u0000', '\r\n', '😀'.repeat(300), 'x'.repeat(2000), 'ﬁ', 'user_00000000000000000000000000000000000', '<script>', "' OR 1=1 --",
];

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER][Math.floor(next() * 5)];
    case 3:
    case 4:
    case 5:
      return STRINGS[Math.floor(next() * STRINGS.length)];
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default:
      return randomObject(next, depth + 1);
  }
}

function randomObject(next: () => number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) out[FIELDS[Math.floor(next() * FIELDS.length)] ?? 'x'] = randomValue(next, depth);
  return out;
}

function randomBody(next: () => number): string {
  const roll = next();
  if (roll < 0.7) return JSON.stringify(randomObject(next, 0));
  if (roll < 0.85) return JSON.stringify(randomValue(next, 0));
  // Broken JSON: a valid document cut short, or noise.
  const text = JSON.stringify(randomObject(next, 0));
  return roll < 0.95 ? text.slice(0, Math.floor(next() * text.length)) : '\u0000{{]]';
}

describe('fuzzing every mutation endpoint', () => {
  it('never answers 5xx, and every error has a known code', async () => {
    const t = createTestApp();
    const user = await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const pending = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'new@example.com' } });
    const endpoints: Array<{ method: string; path: string; token: string | null }> = [
      { method: 'POST', path: '/v1/client/sign_ups', token: null },
      { method: 'PATCH', path: `/v1/client/sign_ups/${pending.body.response.id}`, token: pending.token },
      { method: 'POST', path: `/v1/client/sign_ups/${pending.body.response.id}/prepare_verification`, token: pending.token },
      { method: 'POST', path: `/v1/client/sign_ups/${pending.body.response.id}/attempt_verification`, token: pending.token },
      { method: 'POST', path: '/v1/client/sign_ins', token: null },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/prepare_first_factor`, token: started.token },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, token: started.token },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/reset_password`, token: started.token },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/tokens`, token: user.token },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/touch`, token: user.token },
      { method: 'PATCH', path: '/v1/me', token: user.token },
      { method: 'DELETE', path: '/v1/dev/mailbox', token: null },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/end`, token: user.token },
      { method: 'DELETE', path: '/v1/client/sessions', token: user.token },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/remove`, token: user.token },
    ];
    const next = seeded(20300101);
    const known = new Set<string>(ERROR_CODES);
    for (const endpoint of endpoints) {
      for (let i = 0; i < 60; i++) {
        const body = randomBody(next);
        const headers: Record<string, string> = { origin: APP_ORIGIN, 'content-type': next() < 0.9 ? 'application/json' : 'text/plain' };
        if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
        else headers['x-usher-bearer'] = '1';
        const res = await t.app.fetch(new Request(`${BASE}${endpoint.path}`, { method: endpoint.method, headers, body }));
        const text = await res.text();
        expect(res.status, `${endpoint.method} ${endpoint.path} ${body} → ${text}`).toBeLessThan(500);
        if (res.status >= 400) {
          const parsed = JSON.parse(text) as { errors: Array<{ code: string }> };
          for (const error of parsed.errors) expect(known.has(error.code), error.code).toBe(true);
        }
      }
    }
  }, 60_000);

  it('random paths and methods never answer 5xx', async () => {
    const t = createTestApp();
    const next = seeded(7);
    const segments = ['v1', 'client', 'sign_ins', 'sign_ups', 'sessions', 'sia_x', 'sess_x', 'tokens', 'me', 'dev', 'mailbox', '..', '%00', '%2e%2e', 'environment', '.well-known', 'jwks.json'];
    for (let i = 0; i < 300; i++) {
      const path = '/' + Array.from({ length: 1 + Math.floor(next() * 5) }, () => segments[Math.floor(next() * segments.length)]).join('/');
      const method = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD'][Math.floor(next() * 6)] ?? 'GET';
      const res = await t.app.fetch(new Request(`${BASE}${path}`, { method, headers: { origin: APP_ORIGIN, 'x-usher-bearer': '1', 'content-type': 'application/json' }, body: method === 'GET' || method === 'HEAD' ? undefined : '{}' }));
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
