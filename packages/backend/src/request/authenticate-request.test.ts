import { describe, expect, it } from 'vitest';
import { authenticateRequest } from './authenticate-request.ts';
import { authOf } from './auth-object.ts';
import { testKeys } from './test-tokens.ts';

const keys = await testKeys();
const request = (headers: Record<string, string>) => new Request('https://app.example.com/api', { headers });

describe('authenticateRequest', () => {
  it('signs in from Authorization: Bearer and from the __session cookie; the header wins', async () => {
    const token = await keys.mint();
    const fromHeader = await authenticateRequest(request({ authorization: `Bearer ${token}` }), keys.options);
    expect(fromHeader.status).toBe('signed-in');
    expect(fromHeader.toAuth()).toMatchObject({ userId: 'user_1', sessionId: 'sess_1', orgId: null });
    const fromCookie = await authenticateRequest(request({ cookie: `theme=dark; __session=${token}` }), keys.options);
    expect(fromCookie.status).toBe('signed-in');
    const both = await authenticateRequest(request({ authorization: `Bearer ${token}`, cookie: '__session=garbage' }), keys.options);
    expect(both.status).toBe('signed-in');
  });

  it('a missing or bad token is signed out with its reason, never a throw', async () => {
    const missing = await authenticateRequest(request({}), keys.options);
    expect(missing).toMatchObject({ status: 'signed-out', reason: 'session-token-missing' });
    expect(missing.toAuth()).toMatchObject({ userId: null, sessionId: null, claims: null });
    expect(missing.toAuth().has({ role: 'admin' })).toBe(false);
    const garbage = await authenticateRequest(request({ authorization: 'Bearer not.a.jwt' }), keys.options);
    expect(garbage).toMatchObject({ status: 'signed-out', reason: 'token-invalid' });
    const expired = await authenticateRequest(request({ authorization: `Bearer ${await keys.mint({}, { iat: Math.floor(Date.now() / 1000) - 3600 })}` }), keys.options);
    expect(expired).toMatchObject({ status: 'signed-out', reason: 'token-expired' });
    const foreign = await authenticateRequest(request({ authorization: `Bearer ${await keys.mint({ azp: 'https://evil.example' })}` }), keys.options);
    expect(foreign).toMatchObject({ status: 'signed-out', reason: 'token-invalid-authorized-parties' });
    const other = await testKeys();
    const forged = await authenticateRequest(request({ authorization: `Bearer ${await other.mint()}` }), keys.options);
    expect(forged).toMatchObject({ status: 'signed-out', reason: 'token-invalid-signature' });
  });

  it('a cookie token older than __client_uat (sign-out or switch in another tab) is outdated', async () => {
    const iat = Math.floor(Date.now() / 1000) - 10;
    const token = await keys.mint({}, { iat });
    expect((await authenticateRequest(request({ cookie: `__session=${token}; __client_uat=${iat}` }), keys.options)).status).toBe('signed-in');
    expect(await authenticateRequest(request({ cookie: `__session=${token}; __client_uat=${iat + 5}` }), keys.options)).toMatchObject({ status: 'signed-out', reason: 'session-token-outdated' });
    expect(await authenticateRequest(request({ cookie: `__session=${token}; __client_uat=0` }), keys.options)).toMatchObject({ reason: 'session-token-outdated' });
    // A bearer token is the API client's own business: the cookie does not apply to it.
    expect((await authenticateRequest(request({ authorization: `Bearer ${token}`, cookie: '__client_uat=0' }), keys.options)).status).toBe('signed-in');
  });

  it('misconfiguration throws at once (a TypeError), not per request', async () => {
    await expect(authenticateRequest(request({}), { issuer: 'x' } as never)).rejects.toThrow(TypeError);
  });
});

describe('toAuth().has()', () => {
  it('reads org claims with the org: prefix implied; fails closed without an organization or on malformed input', async () => {
    const base = { iss: 'i', sub: 'user_1', sid: 'sess_1', iat: 1, nbf: 1, exp: 2, fva: [0, -1] as [number, number] };
    const admin = authOf({ ...base, org_id: 'org_1', org_role: 'org:admin', org_slug: 'acme', org_permissions: ['org:invoices:create', 'org:sys_memberships:manage'] });
    expect(admin).toMatchObject({ orgId: 'org_1', orgRole: 'org:admin', orgSlug: 'acme' });
    expect(admin.has({ role: 'admin' })).toBe(true);
    expect(admin.has({ role: 'org:admin' })).toBe(true);
    expect(admin.has({ permission: 'invoices:create' })).toBe(true);
    expect(admin.has({ permission: 'org:invoices:delete' })).toBe(false);
    expect(admin.has({ role: 'member' })).toBe(false);
    expect(admin.has({} as never)).toBe(false);
    expect(admin.has({ role: '' })).toBe(false);
    expect(admin.has(null as never)).toBe(false);
    const personal = authOf({ ...base, org_role: 'org:admin', org_permissions: ['org:invoices:create'] });
    expect(personal.has({ role: 'admin' })).toBe(false);
    expect(personal.has({ permission: 'invoices:create' })).toBe(false);
  });
});
