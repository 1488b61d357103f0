import { describe, expect, it } from 'vitest';
import { setupUsherMock, type UsherMock } from './setup-usher-mock.ts';
import { signInClient } from './sign-in-client.ts';

// signInClient talks to mock.app directly (no MSW), as it does in a browser page.
const password = 'correct horse battery staple';
const clientOf = async (mock: UsherMock, token: string) =>
  (await (await mock.app.fetch(new Request(`${mock.origin}/v1/client`, { headers: { authorization: `Bearer ${token}` } }))).json()) as {
    response: { sessions: Array<{ id: string; user: { id: string } }>; last_active_session_id: string | null } | null;
  };

describe('signInClient', () => {
  it('gives a bearer client signed in as the user, through the real sign-in endpoint', async () => {
    const mock = setupUsherMock();
    const user = await mock.seedUser({ email: 'ada@example.com', password });
    const signedIn = await signInClient(mock, { identifier: 'ada@example.com', password });
    expect(signedIn).toMatchObject({ userId: user.id, sessionId: expect.stringMatching(/^sess_/), clientToken: expect.any(String) });
    const client = await clientOf(mock, signedIn.clientToken);
    expect(client.response?.sessions.map((s) => s.id)).toEqual([signedIn.sessionId]);
    expect(client.response?.last_active_session_id).toBe(signedIn.sessionId);
  });

  it('adds a second session to the same client when given its token (multi-session instance)', async () => {
    const mock = setupUsherMock({ instanceConfig: { sessions: { singleSessionMode: false } } });
    await mock.seedUser({ email: 'ada@example.com', password });
    await mock.seedUser({ email: 'grace@example.com', password });
    const first = await signInClient(mock, { identifier: 'ada@example.com', password });
    const second = await signInClient(mock, { identifier: 'grace@example.com', password, clientToken: first.clientToken });
    const client = await clientOf(mock, second.clientToken);
    expect(client.response?.sessions.map((s) => s.id).sort()).toEqual([first.sessionId, second.sessionId].sort());
  });

  it('says why when the sign-in is refused', async () => {
    const mock = setupUsherMock();
    await mock.seedUser({ email: 'ada@example.com', password });
    await expect(signInClient(mock, { identifier: 'ada@example.com', password: 'not the password' })).rejects.toThrow(/signInClient\(ada@example.com\): answered 422 form_password_incorrect/);
  });
});
