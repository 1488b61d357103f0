import { startUsherMockServer } from '@usher/testing/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { authenticateRequest } from '../request/authenticate-request.ts';
import { createUsherBackendClient, UsherBackendApiError } from './backend-client.ts';

const mock = startUsherMockServer();
afterEach(() => {
  mock.server.resetHandlers();
  mock.reset();
});
afterAll(() => mock.close());

const PASSWORD = 'correct horse battery';

async function signInToken(email: string): Promise<{ token: string; sessionId: string }> {
  const res = await fetch(`${mock.origin}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-usher-bearer': '1', origin: 'http://localhost:3000' },
    body: JSON.stringify({ identifier: email, strategy: 'password', password: PASSWORD }),
  });
  const body = (await res.json()) as { response: { created_session_id: string } };
  const client = res.headers.get('x-usher-client-token')!;
  const sessionId = body.response.created_session_id;
  const minted = await fetch(`${mock.origin}/v1/client/sessions/${sessionId}/tokens`, { method: 'POST', headers: { authorization: `Bearer ${client}`, origin: 'http://localhost:3000' } });
  return { token: ((await minted.json()) as { jwt: string }).jwt, sessionId };
}

describe('Backend API client, against the real server app', () => {
  it('manages users and sessions; a ban signs the user out, which authenticateRequest then sees', async () => {
    const usher = createUsherBackendClient({ secretKey: await mock.createSecretKey(), apiUrl: mock.origin });
    const created = await usher.users.create({ email_address: ['ada@example.com'], password: PASSWORD, first_name: 'Ada' });
    expect(created).toMatchObject({ first_name: 'Ada', banned: false });
    expect((await usher.users.list({ query: 'ada' })).total_count).toBe(1);
    expect((await usher.users.updateMetadata(created.id, { public_metadata: { plan: 'pro' }, private_metadata: { crm: 42 } })).private_metadata).toEqual({ crm: 42 });

    const { token, sessionId } = await signInToken('ada@example.com');
    const options = { jwksUrl: `${mock.origin}/.well-known/jwks.json`, issuer: mock.origin, authorizedParties: ['http://localhost:3000'] };
    const state = await authenticateRequest(new Request('http://localhost:3000/api', { headers: { authorization: `Bearer ${token}` } }), options);
    expect(state.status).toBe('signed-in');
    expect(state.toAuth().userId).toBe(created.id);
    expect((await usher.sessions.list({ user_id: created.id, status: 'active' })).data.map((s) => s.id)).toEqual([sessionId]);

    await usher.users.ban(created.id);
    expect((await usher.sessions.get(sessionId)).status).toBe('revoked');
    expect((await usher.users.get(created.id)).banned).toBe(true);
    await usher.users.unban(created.id);
    expect((await usher.users.delete(created.id)).deleted).toBe(true);
  });

  it('JWT templates and instance settings', async () => {
    const usher = createUsherBackendClient({ secretKey: await mock.createSecretKey(), apiUrl: `${mock.origin}/` });
    const template = await usher.jwtTemplates.create({ name: 'convex', claims: { email: '{{user.primary_email_address}}' }, audience: 'convex' });
    expect((await usher.jwtTemplates.list()).data.map((t) => t.name)).toEqual(['convex']);
    expect((await usher.jwtTemplates.update(template.id, { name: 'convex', claims: {}, lifetime: 120 })).lifetime).toBe(120);
    await usher.jwtTemplates.delete(template.id);
    expect((await usher.instance.update({ application_name: 'Acme' })).application_name).toBe('Acme');
    expect((await usher.instance.get()).application_name).toBe('Acme');
  });

  it('webhook endpoints: create (with its secret), list, update, rotate, delete; deliveries list', async () => {
    const usher = createUsherBackendClient({ secretKey: await mock.createSecretKey(), apiUrl: mock.origin });
    const endpoint = await usher.webhooks.endpoints.create({ url: 'https://hooks.example.com/usher', events: ['user.created'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect((await usher.webhooks.endpoints.list()).data.map((e) => e.id)).toEqual([endpoint.id]);
    expect((await usher.webhooks.endpoints.update(endpoint.id, { disabled: true })).disabled).toBe(true);
    expect((await usher.webhooks.endpoints.secret(endpoint.id)).secret).toBe(endpoint.secret);
    const rotated = await usher.webhooks.endpoints.rotateSecret(endpoint.id);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect((await usher.webhooks.endpoints.get(endpoint.id)).url).toBe('https://hooks.example.com/usher');
    expect((await usher.webhooks.messages.list({ status: 'dead' })).data).toEqual([]);
    await expect(usher.webhooks.messages.replay('msg_nope')).rejects.toMatchObject({ status: 404, errors: [{ code: 'webhook_message_not_found' }] });
    expect((await usher.webhooks.endpoints.delete(endpoint.id)).deleted).toBe(true);
  });

  it('errors carry the status and the API’s codes; a bad key is refused before any call', async () => {
    const usher = createUsherBackendClient({ secretKey: await mock.createSecretKey(), apiUrl: mock.origin });
    const missing = await usher.users.get('user_01jzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UsherBackendApiError);
    expect((missing as UsherBackendApiError).status).toBe(404);
    expect((missing as UsherBackendApiError).hasCode('user_not_found')).toBe(true);
    const wrong = createUsherBackendClient({ secretKey: 'sk_test_wrongwrongwrong', apiUrl: mock.origin });
    await expect(wrong.users.list()).rejects.toMatchObject({ status: 401, errors: [{ code: 'secret_key_invalid' }] });
    expect(() => createUsherBackendClient({ secretKey: 'pk_test_x', apiUrl: mock.origin })).toThrow(TypeError);
  });
});
