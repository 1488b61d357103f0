import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startUsherMockServer } from './node.ts';
import { setupUsherMock } from './setup-usher-mock.ts';

const mock = startUsherMockServer();
afterEach(() => {
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

const json = { 'content-type': 'application/json' };

describe('setupUsherMock', () => {
  it('serves the real app at the origin: environment, client and JWKS', async () => {
    const env = await fetch(`${mock.origin}/v1/environment`);
    expect(env.status).toBe(200);
    expect(await env.json()).toMatchObject({ object: 'environment' });
    const client = await fetch(`${mock.origin}/v1/client`);
    expect(await client.json()).toEqual({ response: null, client: null });
    const jwks = await fetch(`${mock.origin}/.well-known/jwks.json`);
    expect(((await jwks.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  it('keeps cookies like a browser: the __client cookie set by a mutation comes back on the next request', async () => {
    const created = await fetch(`${mock.origin}/v1/client/sign_ins`, { method: 'POST', headers: json, body: JSON.stringify({ identifier: 'nobody@example.com' }) });
    expect(created.status).toBe(200);
    expect(mock.cookies.get('__client')).toMatch(/.+/);
    const client = (await (await fetch(`${mock.origin}/v1/client`)).json()) as { client: { sign_in: { identifier: string } } | null };
    expect(client.client?.sign_in.identifier).toBe('nobody@example.com');
  });

  it('sends no cookies for credentials: "omit" (bearer mode)', async () => {
    await fetch(`${mock.origin}/v1/client/sign_ins`, { method: 'POST', headers: json, body: JSON.stringify({ identifier: 'a@example.com' }) });
    const client = await (await fetch(`${mock.origin}/v1/client`, { credentials: 'omit' })).json();
    expect(client).toEqual({ response: null, client: null });
  });

  it('seedUser creates a verified user through the real endpoints, without leaving mail behind', async () => {
    const user = await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple', firstName: 'Ada' });
    expect(user.id).toMatch(/^user_/);
    expect(user.firstName).toBe('Ada');
    expect(await mock.store.findUserByEmailAddress('ada@example.com')).toMatchObject({ id: user.id });
    expect(await mock.mailbox.list()).toEqual([]);
  });

  it('delivers emails at once: the code of a sign-in is in the mailbox when the answer arrives', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    const created = (await (await fetch(`${mock.origin}/v1/client/sign_ins`, { method: 'POST', headers: json, body: JSON.stringify({ identifier: 'ada@example.com' }) })).json()) as { response: { id: string } };
    const prepared = await fetch(`${mock.origin}/v1/client/sign_ins/${created.response.id}/prepare_first_factor`, { method: 'POST', headers: json, body: JSON.stringify({ strategy: 'email_code' }) });
    expect(prepared.status).toBe(200);
    expect(await mock.mailbox.latestCode('ada@example.com')).toMatch(/^\d{6}$/);
    expect((await mock.mailbox.list()).map((m) => m.to)).toEqual(['ada@example.com']);
  });

  it('the clock moves server time: a code expires after ten minutes', async () => {
    const start = mock.clock.now();
    mock.clock.advance(10 * 60_000);
    expect(mock.clock.now() - start).toBeGreaterThanOrEqual(10 * 60_000);
  });

  it('reset() gives an empty instance', async () => {
    await mock.seedUser({ email: 'ada@example.com', password: 'correct horse battery staple' });
    mock.reset();
    expect(await mock.store.findUserByEmailAddress('ada@example.com')).toBeNull();
  });

  it('rate limits are relaxed by default: a test may start many sign-ins in a row', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${mock.origin}/v1/client/sign_ins`, { method: 'POST', headers: json, body: JSON.stringify({ identifier: 'nobody@example.com' }) });
      expect(res.status).toBe(200);
    }
  });

  it("rateLimits: 'default' keeps the product's limits: the 6th sign-in within 10 s is 429 with Retry-After", async () => {
    const limited = setupUsherMock({ rateLimits: 'default' });
    const start = () =>
      limited.app.fetch(
        new Request(`${limited.origin}/v1/client/sign_ins`, { method: 'POST', headers: { ...json, origin: limited.origin, 'x-usher-bearer': '1' }, body: JSON.stringify({ identifier: 'nobody@example.com' }) }),
      );
    for (let i = 0; i < 5; i++) expect((await start()).status).toBe(200);
    const refused = await start();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ errors: [{ code: 'too_many_requests', meta: { retry_after_seconds: expect.any(Number) } }] });
  });

  it('instanceConfig.rateLimits is used as given', async () => {
    const limited = setupUsherMock({ instanceConfig: { rateLimits: { signInCreate: { limit: 1, windowSeconds: 60 } } } });
    const start = () =>
      limited.app.fetch(
        new Request(`${limited.origin}/v1/client/sign_ins`, { method: 'POST', headers: { ...json, origin: limited.origin, 'x-usher-bearer': '1' }, body: JSON.stringify({ identifier: 'nobody@example.com' }) }),
      );
    expect((await start()).status).toBe(200);
    expect((await start()).status).toBe(429);
  });
});
