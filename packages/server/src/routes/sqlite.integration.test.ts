/**
 * The same flows on the production stack pieces: SQLite through the SQL adapter and argon2id.
 * Guards against behaviour that only the memory store happens to have.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { Argon2Hasher } from '../node/argon2-hasher.ts';
import { openSqliteStore } from '../node/sqlite-store.ts';
import { call, createTestApp, latestCode, PUBLIC_URL } from './test-support.ts';

describe('the Frontend API on SQLite with argon2id', () => {
  it('signs up, signs in, mints a verifiable token and signs out', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const t = createTestApp({ store, hasher: new Argon2Hasher() });
      const created = await call(t.app, 'POST', '/v1/client/sign_ups', { token: null, body: { email_address: 'jane@example.com', password: 'correct horse battery' } });
      expect(created.status).toBe(200);
      const id = created.body.response.id;
      await call(t.app, 'POST', `/v1/client/sign_ups/${id}/prepare_verification`, { token: created.token, body: { strategy: 'email_code' } });
      const code = await latestCode(t, 'jane@example.com');
      const results = await Promise.all(
        Array.from({ length: 20 }, () => call(t.app, 'POST', `/v1/client/sign_ups/${id}/attempt_verification`, { token: created.token, body: { strategy: 'email_code', code } })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.every((r) => r.status < 500)).toBe(true);
      const done = results.find((r) => r.status === 200);
      expect(done?.body.response.status).toBe('complete');

      await call(t.app, 'DELETE', '/v1/client/sessions', { token: done?.token });
      const signedIn = await call(t.app, 'POST', '/v1/client/sign_ins', { token: done?.token, body: { identifier: 'jane@example.com', strategy: 'password', password: 'correct horse battery' } });
      expect(signedIn.status).toBe(200);
      const sessionId = signedIn.body.response.created_session_id;
      const minted = await call(t.app, 'POST', `/v1/client/sessions/${sessionId}/tokens`, { token: signedIn.token });
      const jwks = await (await t.app.request(`${PUBLIC_URL}/.well-known/jwks.json`)).json();
      const { payload } = await jwtVerify(minted.body.jwt, createLocalJWKSet(jwks as never), { issuer: PUBLIC_URL, currentDate: new Date(t.clock.now()) });
      expect(payload.sid).toBe(sessionId);

      const wrong = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'nobody@example.com', strategy: 'password', password: 'whatever password' } });
      expect(wrong.body.errors[0].code).toBe('form_password_incorrect');

      await call(t.app, 'POST', `/v1/client/sessions/${sessionId}/end`, { token: signedIn.token });
      expect((await call(t.app, 'POST', `/v1/client/sessions/${sessionId}/tokens`, { token: signedIn.token })).status).toBe(401);
    } finally {
      await store.close();
    }
  }, 30_000);
});
