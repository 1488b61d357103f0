/**
 * Property: whatever JSON (or non-JSON) is sent to any mutation, the API answers with a 2xx or a
 * 4xx carrying a known error code — never a 5xx. Seeded, so a failure is reproducible.
 */
import { ERROR_CODES } from '@usher/protocol';
import { describe, expect, it } from 'vitest';
import { randomBody, seeded } from './fuzz-support.ts';
import { APP_ORIGIN, BASE, call, createTestApp, signUp } from './test-support.ts';

describe('fuzzing every mutation endpoint', () => {
  it('never answers 5xx, and every error has a known code', async () => {
    const t = createTestApp({ instance: (c) => void ((c.attributes.emailAddress.verifications = ['email_code', 'email_link']), (c.attributes.emailAddress.firstFactors = ['email_code', 'email_link'])) });
    const user = await signUp(t, 'jane@example.com');
    const started = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'jane@example.com' } });
    const pending = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'new@example.com' } });
    const added = await call(t.app, 'POST', '/v1/me/email_addresses', { token: user.token, body: { email_address: 'jane@work.example' } });
    const endpoints: Array<{ method: string; path: string; token: string | null }> = [
      { method: 'POST', path: '/v1/client/sign_ups', token: null },
      { method: 'PATCH', path: `/v1/client/sign_ups/${pending.body.response.id}`, token: pending.token },
      { method: 'POST', path: `/v1/client/sign_ups/${pending.body.response.id}/prepare_verification`, token: pending.token },
      { method: 'POST', path: `/v1/client/sign_ups/${pending.body.response.id}/attempt_verification`, token: pending.token },
      { method: 'POST', path: '/v1/client/sign_ins', token: null },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/prepare_first_factor`, token: started.token },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/attempt_first_factor`, token: started.token },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/reset_password`, token: started.token },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/prepare_second_factor`, token: started.token },
      { method: 'POST', path: `/v1/client/sign_ins/${started.body.response.id}/attempt_second_factor`, token: started.token },
      { method: 'POST', path: '/v1/me/totp', token: user.token },
      { method: 'POST', path: '/v1/client/email_links/confirm', token: null },
      { method: 'POST', path: '/v1/me/totp/attempt_verification', token: user.token },
      { method: 'DELETE', path: '/v1/me/totp', token: user.token },
      { method: 'POST', path: '/v1/me/backup_codes', token: user.token },
      { method: 'PATCH', path: `/v1/me/phone_numbers/idn_${'0'.repeat(36)}`, token: user.token },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/tokens`, token: user.token },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/verify/attempt_first_factor`, token: user.token },
      { method: 'POST', path: `/v1/client/sessions/${user.sessionId}/verify/prepare_first_factor`, token: user.token },
      { method: 'POST', path: '/v1/me/change_password', token: user.token },
      { method: 'POST', path: '/v1/me/email_addresses', token: user.token },
      { method: 'POST', path: '/v1/me/phone_numbers', token: user.token },
      { method: 'POST', path: '/v1/me/profile_image', token: user.token },
      { method: 'POST', path: `/v1/me/email_addresses/idn_${'0'.repeat(36)}/attempt_verification`, token: user.token },
      { method: 'POST', path: `/v1/me/email_addresses/${added.body.response.id}/prepare_verification`, token: user.token },
      { method: 'POST', path: `/v1/me/email_addresses/${added.body.response.id}/attempt_verification`, token: user.token },
      { method: 'POST', path: '/v1/client/email_links/confirm', token: pending.token },
      { method: 'POST', path: '/v1/client/oauth_callback', token: pending.token },
      { method: 'POST', path: '/v1/me/external_accounts', token: user.token },
      { method: 'DELETE', path: `/v1/me/external_accounts/eac_${'0'.repeat(36)}`, token: user.token },
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
