import type { SessionTokenClaims } from './claims.ts';
import { describe, expect, it } from 'vitest';
import { createHas, type HasParams } from './has.ts';

const base: SessionTokenClaims = { iss: 'https://app.com', sub: 'user_1', sid: 'sess_1', iat: 1, nbf: 1, exp: 61, fva: [0, -1] };
const admin: SessionTokenClaims = { ...base, org_id: 'org_1', org_role: 'org:admin', org_permissions: ['org:invoices:read', 'org:members:manage'] };

describe('has()', () => {
  it('answers false without a user (no claims)', () => {
    expect(createHas(null)({ role: 'admin' })).toBe(false);
    expect(createHas(undefined)({ permission: 'invoices:read' })).toBe(false);
  });

  it('answers false for any role or permission when no organization is active', () => {
    const noOrg = createHas({ ...base, org_role: 'org:admin', org_permissions: ['org:invoices:read'] });
    expect(noOrg({ role: 'admin' })).toBe(false);
    expect(noOrg({ permission: 'org:invoices:read' })).toBe(false);
    expect(createHas({ ...admin, org_id: '' })({ role: 'admin' })).toBe(false);
  });

  it('matches the active organization role, with or without the org: prefix on either side', () => {
    expect(createHas(admin)({ role: 'admin' })).toBe(true);
    expect(createHas(admin)({ role: 'org:admin' })).toBe(true);
    expect(createHas({ ...admin, org_role: 'admin' })({ role: 'org:admin' })).toBe(true);
    expect(createHas(admin)({ role: 'member' })).toBe(false);
    expect(createHas(admin)({ role: 'org:adm' })).toBe(false);
  });

  it('matches a granted permission, with or without the org: prefix', () => {
    expect(createHas(admin)({ permission: 'invoices:read' })).toBe(true);
    expect(createHas(admin)({ permission: 'org:members:manage' })).toBe(true);
    expect(createHas(admin)({ permission: 'org:invoices:delete' })).toBe(false);
  });

  it('fails closed on malformed questions and claims', () => {
    const has = createHas(admin);
    expect(has({} as HasParams)).toBe(false);
    expect(has(null as unknown as HasParams)).toBe(false);
    expect(has({ role: '' })).toBe(false);
    expect(has({ role: 'org:' })).toBe(false);
    expect(has({ role: 42 } as unknown as HasParams)).toBe(false);
    expect(createHas({ ...admin, org_role: '' })({ role: '' })).toBe(false);
    expect(createHas({ ...admin, org_role: undefined })({ role: 'admin' })).toBe(false);
    expect(createHas({ ...admin, org_permissions: 'org:invoices:read' as unknown as string[] })({ permission: 'invoices:read' })).toBe(false);
  });

  it('given both a role and a permission, requires both', () => {
    const has = createHas(admin);
    expect(has({ role: 'admin', permission: 'invoices:read' } as unknown as HasParams)).toBe(true);
    expect(has({ role: 'admin', permission: 'invoices:delete' } as unknown as HasParams)).toBe(false);
    expect(has({ role: 'member', permission: 'invoices:read' } as unknown as HasParams)).toBe(false);
  });
});
