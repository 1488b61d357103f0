/**
 * Signing-key rotation seen from an app server: after `usher keys rotate`, new tokens carry the
 * new kid, and tokens signed before keep verifying against the JWKS until they expire.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { KeyRing, RETIRED_KEY_GRACE_MS } from '../crypto/signing-keys.ts';
import { backendCall, givenSecretKey } from './bapi/backend-test-support.ts';
import { PUBLIC_URL, call, createTestApp, signUp } from './test-support.ts';

describe('signing-key rotation', () => {
  it('new tokens use the new key; a token signed before verifies until it expires; the old key leaves the JWKS after the grace', async () => {
    const t = createTestApp();
    const key = await givenSecretKey(t);
    const me = await signUp(t, 'ada@example.com');
    await backendCall(t, 'POST', '/jwt_templates', { key, body: { name: 'long', lifetime: 3600, claims: { email: '{{user.primary_email_address}}' } } });
    const mint = async (path: string) => (await call(t.app, 'POST', `/v1/client/sessions/${me.sessionId}/tokens${path}`, { token: me.token })).body.jwt as string;
    const jwks = async () => createLocalJWKSet((await (await t.app.request(`${PUBLIC_URL}/.well-known/jwks.json`)).json()) as JSONWebKeySet);
    const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;

    const before = await mint('/long');
    const oldKid = kidOf(before);
    const { kid: newKid } = await new KeyRing(t.store, t.clock).rotate();
    // The app's own key ring picks the rotation up at its next refresh (5 minutes at most).
    t.clock.advance(5 * 60_000 + 1);
    const after = await mint('');
    expect(kidOf(after)).toBe(newKid);
    expect(newKid).not.toBe(oldKid);

    const at = { issuer: PUBLIC_URL, currentDate: new Date(t.clock.now()) };
    await expect(jwtVerify(after, await jwks(), at)).resolves.toBeTruthy();
    await expect(jwtVerify(before, await jwks(), at)).resolves.toBeTruthy();

    t.clock.advance(RETIRED_KEY_GRACE_MS);
    const keys = ((await (await t.app.request(`${PUBLIC_URL}/.well-known/jwks.json`)).json()) as JSONWebKeySet).keys.map((k) => k.kid);
    expect(keys).toEqual([newKid]);
  });
});
