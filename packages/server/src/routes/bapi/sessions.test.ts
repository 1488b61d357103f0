import { describe, expect, it } from 'vitest';
import { call, createTestApp, signUp } from '../test-support.ts';
import { backendCall, givenSecretKey } from './backend-test-support.ts';

describe('Backend API: sessions', () => {
  it('lists a user’s sessions newest first, filters by status, and revokes one: its next token mint fails', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    t.clock.advance(1000);
    const second = await call(t.app, 'POST', '/v1/client/sign_ins', { token: null, body: { identifier: 'ada@example.com', strategy: 'password', password: 'correct horse battery' } });
    const secondId = second.body.response.created_session_id as string;
    await signUp(t, 'grace@example.com');

    const mine = await backendCall(t, 'GET', `/sessions?user_id=${me.userId}`, { key });
    expect(mine.body.total_count).toBe(2);
    expect(mine.body.data.map((s: { id: string }) => s.id)).toEqual([secondId, me.sessionId]);
    expect(mine.body.data[0]).toMatchObject({ object: 'session', user_id: me.userId, status: 'active' });

    const revoked = await backendCall(t, 'POST', `/sessions/${me.sessionId}/revoke`, { key });
    expect(revoked.body).toMatchObject({ id: me.sessionId, status: 'revoked' });
    expect((await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens`, { token: me.token })).status).toBe(401);
    expect((await call(t.app, 'POST', `/v1/client/sessions/${secondId}/tokens`, { token: second.token as string })).status).toBe(200);
    expect((await backendCall(t, 'GET', `/sessions?user_id=${me.userId}&status=active`, { key })).body.data.map((s: { id: string }) => s.id)).toEqual([secondId]);
    expect((await backendCall(t, 'GET', `/sessions/${me.sessionId}`, { key })).body.status).toBe('revoked');

    const again = await backendCall(t, 'POST', `/sessions/${me.sessionId}/revoke`, { key });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('session_not_active');
  });

  it('an expired session reads as expired; unknown ids are 404; bad queries are 422', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    t.clock.advance(t.config.sessions.inactivityTimeoutSeconds * 1000 + 1);
    expect((await backendCall(t, 'GET', `/sessions/${me.sessionId}`, { key })).body.status).toBe('expired');
    expect((await backendCall(t, 'GET', `/sessions/${me.sessionId.slice(0, -3)}zzz`, { key })).status).toBe(404);
    expect((await backendCall(t, 'POST', '/sessions/nope/revoke', { key })).status).toBe(404);
    for (const query of ['limit=0', 'limit=501', 'offset=-1', 'status=gone', 'limit=abc', 'unknown=1']) {
      const res = await backendCall(t, 'GET', `/sessions?${query}`, { key });
      expect(res.status, query).toBe(422);
    }
  });
});
