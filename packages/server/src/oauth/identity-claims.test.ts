import { describe, expect, it } from 'vitest';
import { appleUserName, identityFromClaims, normalizedEmail, oidcEmailVerified, safeImageUrl } from './identity-claims.ts';
import type { OAuthProviderRecord } from './providers.ts';

const provider = (preset: OAuthProviderRecord['preset']) => ({ id: preset, preset }) as OAuthProviderRecord;

describe('whose word counts for an email address', () => {
  it('OpenID providers: `email_verified` true, or Apple’s "true"; nothing else', () => {
    expect(oidcEmailVerified(provider('google'), { email_verified: true })).toBe(true);
    expect(oidcEmailVerified(provider('apple'), { email_verified: 'true' })).toBe(true);
    expect(oidcEmailVerified(provider('oidc'), { email_verified: 'yes' })).toBe(false);
    expect(oidcEmailVerified(provider('oidc'), {})).toBe(false);
  });

  it('Microsoft: a tenant-typed `email` is not proof (nOAuth); a domain-verified one or a personal account is', () => {
    expect(oidcEmailVerified(provider('microsoft'), { email: 'ceo@victim.example', email_verified: true, tid: 'aaaaaaaa-0000-0000-0000-000000000000' })).toBe(false);
    expect(oidcEmailVerified(provider('microsoft'), { xms_edov: true })).toBe(true);
    expect(oidcEmailVerified(provider('microsoft'), { tid: '9188040d-6c67-4c5b-b112-36a304b66dad' })).toBe(true);
  });

  it('an identity without an address is never verified', () => {
    const identity = identityFromClaims(provider('oidc'), { sub: 's', email: 'not an email' }, true);
    expect(identity).toMatchObject({ subject: 's', emailAddress: null, emailVerified: false });
  });
});

describe('profile data from a provider', () => {
  it('normalizes addresses and splits a full name when no parts are given', () => {
    expect(normalizedEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(identityFromClaims(provider('oidc'), { sub: 1234, name: 'Grace Brewster Hopper' }, false)).toMatchObject({ subject: '1234', firstName: 'Grace', lastName: 'Brewster Hopper' });
  });

  it('keeps only https images (plain http on loopback for development)', () => {
    expect(safeImageUrl('https://img.example/a.png')).toBe('https://img.example/a.png');
    expect(safeImageUrl('http://img.example/a.png')).toBeNull();
    expect(safeImageUrl('javascript:alert(1)')).toBeNull();
    expect(safeImageUrl('http://127.0.0.1:9000/a.png')).toBe('http://127.0.0.1:9000/a.png');
  });

  it('reads Apple’s one-time `user` field, and ignores a malformed one', () => {
    expect(appleUserName(new URLSearchParams({ user: JSON.stringify({ name: { firstName: 'Tim', lastName: 'Apple' } }) }))).toEqual({ firstName: 'Tim', lastName: 'Apple' });
    expect(appleUserName(new URLSearchParams({ user: '{nope' }))).toEqual({ firstName: null, lastName: null });
  });
});
