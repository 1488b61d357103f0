import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { setupUsherMock, type UsherMock } from '@usher/testing';
import { describe, expect, it } from 'vitest';
import { TokenVerificationError, type TokenVerificationErrorReason } from '../errors.ts';
import { createJwksClient, type JwksClient } from '../jwks/jwks-client.ts';
import { createTokenVerifier, verifyToken } from './verify-token.ts';

// Specifications of verifyToken against tokens minted by the real Usher app (in-process, memory
// store), whose key set is served to the JWKS client through app.fetch.

const APP_ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const SKEW = 5_000;

interface SignedIn {
  userId: string;
  sessionId: string;
  clientToken: string;
}

/** Signs a user in with a password on a bearer-mode client, as a native or browser client would. */
async function signIn(mock: UsherMock, email = 'jane@example.com'): Promise<SignedIn> {
  const user = await mock.seedUser({ email, password: PASSWORD });
  const res = await mock.app.fetch(
    new Request(`${mock.origin}/v1/client/sign_ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-usher-bearer': '1', origin: APP_ORIGIN },
      body: JSON.stringify({ identifier: email, strategy: 'password', password: PASSWORD }),
    }),
  );
  const body = (await res.json()) as { response: { status: string; created_session_id: string } };
  if (body.response.status !== 'complete') throw new Error('sign-in did not complete');
  return { userId: user.id, sessionId: body.response.created_session_id, clientToken: res.headers.get('x-usher-client-token') as string };
}

/** POST /v1/client/sessions/:id/tokens; `origin: null` is a native client (no azp). */
async function mintToken(mock: UsherMock, user: SignedIn, origin: string | null = APP_ORIGIN): Promise<string> {
  const headers: Record<string, string> = { authorization: `Bearer ${user.clientToken}` };
  if (origin !== null) headers.origin = origin;
  const res = await mock.app.fetch(new Request(`${mock.origin}/v1/client/sessions/${user.sessionId}/tokens`, { method: 'POST', headers }));
  if (res.status !== 200) throw new Error(`mint answered ${res.status}`);
  return ((await res.json()) as { jwt: string }).jwt;
}

/** A JWKS client over the app's /.well-known/jwks.json, counting its fetches. */
function jwksOf(mock: UsherMock, overrides: { cacheTtlMs?: number } = {}): { jwks: JwksClient; fetches: () => number } {
  let count = 0;
  const jwks = createJwksClient({
    jwksUrl: `${mock.origin}/.well-known/jwks.json`,
    clock: () => mock.clock.now(),
    fetch: async (url) => {
      count += 1;
      return mock.app.fetch(new Request(url));
    },
    ...overrides,
  });
  return { jwks, fetches: () => count };
}

async function reasonOf(promise: Promise<unknown>): Promise<TokenVerificationErrorReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenVerificationError)) throw new Error(`expected a TokenVerificationError, got ${String(error)}`);
  return error.reason;
}

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('verifyToken with the JWKS of the real server', () => {
  it('verifies a freshly minted token and answers its claims', async () => {
    const mock = setupUsherMock();
    const user = await signIn(mock);
    const token = await mintToken(mock, user);
    const { jwks } = jwksOf(mock);

    const claims = await verifyToken(token, { jwks, issuer: mock.origin, authorizedParties: [APP_ORIGIN], clock: () => mock.clock.now() });

    const iat = decodePart(token.split('.')[1]).iat as number;
    expect(claims).toEqual({ iss: mock.origin, sub: user.userId, sid: user.sessionId, azp: APP_ORIGIN, iat, nbf: iat, exp: iat + 60, fva: [0, -1] });
  });

  it('accepts a list of issuers or a predicate', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const { jwks } = jwksOf(mock);
    const clock = () => mock.clock.now();

    await expect(verifyToken(token, { jwks, clock, issuer: ['https://other.example.com', mock.origin] })).resolves.toMatchObject({ iss: mock.origin });
    await expect(verifyToken(token, { jwks, clock, issuer: (iss) => iss.startsWith('http://localhost:') })).resolves.toMatchObject({ iss: mock.origin });
  });

  it('a token is refused once 60 s plus the skew have passed, and accepted just before', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const verifier = createTokenVerifier({ jwks: jwksOf(mock).jwks, issuer: mock.origin, clock: () => mock.clock.now() });

    mock.clock.advance(60_000 + SKEW - 1_000);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    mock.clock.advance(2_000);
    expect(await reasonOf(verifier.verify(token))).toBe('token-expired');
  });

  it('a token is not active yet for a verifier whose clock is behind by more than the skew', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const { jwks } = jwksOf(mock);

    expect(await reasonOf(verifyToken(token, { jwks, issuer: mock.origin, clock: () => mock.clock.now() - SKEW - 2_000 }))).toBe('token-not-active-yet');
    await expect(verifyToken(token, { jwks, issuer: mock.origin, clock: () => mock.clock.now() - 3_000 })).resolves.toBeDefined();
  });

  it('a token of another issuer is refused', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const { jwks } = jwksOf(mock);

    expect(await reasonOf(verifyToken(token, { jwks, issuer: 'https://auth.example.com', clock: () => mock.clock.now() }))).toBe('token-invalid-issuer');
    expect(await reasonOf(verifyToken(token, { jwks, issuer: () => false, clock: () => mock.clock.now() }))).toBe('token-invalid-issuer');
  });

  it('with authorizedParties, a token minted for another origin or with no azp is refused', async () => {
    const mock = setupUsherMock();
    const user = await signIn(mock);
    const browserToken = await mintToken(mock, user, APP_ORIGIN);
    const nativeToken = await mintToken(mock, user, null);
    const { jwks } = jwksOf(mock);
    const clock = () => mock.clock.now();

    expect(await reasonOf(verifyToken(browserToken, { jwks, clock, issuer: mock.origin, authorizedParties: ['https://shop.example.com'] }))).toBe(
      'token-invalid-authorized-parties',
    );
    expect(await reasonOf(verifyToken(nativeToken, { jwks, clock, issuer: mock.origin, authorizedParties: [APP_ORIGIN] }))).toBe('token-invalid-authorized-parties');
    // Without authorizedParties, azp is not required.
    await expect(verifyToken(nativeToken, { jwks, clock, issuer: mock.origin })).resolves.not.toHaveProperty('azp');
  });

  it('a tampered payload or signature is refused as an invalid signature', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const verifier = createTokenVerifier({ jwks: jwksOf(mock).jwks, issuer: mock.origin, clock: () => mock.clock.now() });
    const [header, payload, signature] = token.split('.') as [string, string, string];

    const otherUser = encodePart({ ...decodePart(payload), sub: 'user_someone_else' });
    expect(await reasonOf(verifier.verify(`${header}.${otherUser}.${signature}`))).toBe('token-invalid-signature');
    // A middle character: the last one of a base64url signature may only carry padding bits.
    const i = 20;
    const flipped = signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1);
    expect(await reasonOf(verifier.verify(`${header}.${payload}.${flipped}`))).toBe('token-invalid-signature');
    expect(await reasonOf(verifier.verify(`${header}.${payload}.`))).toBe('token-invalid-signature');
  });

  it("a token signed by another key under the server's kid is refused as an invalid signature", async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const [header, payload] = token.split('.') as [string, string];
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(decodePart(payload)).setProtectedHeader({ alg: 'ES256', kid: decodePart(header).kid as string, typ: 'JWT' }).sign(privateKey);

    expect(await reasonOf(verifyToken(forged, { jwks: jwksOf(mock).jwks, issuer: mock.origin, clock: () => mock.clock.now() }))).toBe('token-invalid-signature');
  });

  it('malformed tokens are invalid', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const verifier = createTokenVerifier({ jwks: jwksOf(mock).jwks, issuer: mock.origin, clock: () => mock.clock.now() });
    const [header, payload, signature] = token.split('.') as [string, string, string];

    for (const malformed of ['', 'abc', `${header}.${payload}`, `${token}.x`, `${header}..${signature}`, `.${payload}.${signature}`, `${header}.${payload}.${signature}!`, `W10.${payload}.${signature}`, `bm90IGpzb24.${payload}.${signature}`]) {
      expect(await reasonOf(verifier.verify(malformed)), malformed).toBe('token-invalid');
    }
    expect(await reasonOf(verifier.verify(`${header}.${'A'.repeat(20_000)}.${signature}`))).toBe('token-invalid');
    expect(await reasonOf(verifier.verify(undefined as unknown as string))).toBe('token-invalid');
  });

  it('a token of another Usher instance has an unknown kid', async () => {
    const mock = setupUsherMock();
    const other = setupUsherMock();
    const foreign = await mintToken(other, await signIn(other));

    expect(await reasonOf(verifyToken(foreign, { jwks: jwksOf(mock).jwks, issuer: mock.origin, clock: () => mock.clock.now() }))).toBe('jwk-kid-mismatch');
  });

  it('an unknown kid causes exactly one refetch per interval, however many verifications race', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const { jwks, fetches } = jwksOf(mock);
    const verifier = createTokenVerifier({ jwks, issuer: mock.origin, clock: () => mock.clock.now() });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const unknownKid = `${encodePart({ ...decodePart(header), kid: 'kid-nobody-published' })}.${payload}.${signature}`;

    await verifier.verify(token);
    expect(fetches()).toBe(1);
    // Right after the set was fetched, an unknown kid does not fetch it again.
    expect(await reasonOf(verifier.verify(unknownKid))).toBe('jwk-kid-mismatch');
    expect(fetches()).toBe(1);

    mock.clock.advance(10_000);
    const burst = await Promise.all(Array.from({ length: 50 }, () => reasonOf(verifier.verify(unknownKid))));
    expect(burst).toEqual(Array(50).fill('jwk-kid-mismatch'));
    expect(fetches()).toBe(2);

    const again = await Promise.all(Array.from({ length: 50 }, () => reasonOf(verifier.verify(unknownKid))));
    expect(again).toEqual(Array(50).fill('jwk-kid-mismatch'));
    expect(fetches()).toBe(2);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    expect(fetches()).toBe(2);
  });

  it('a key rotated in after the set was cached is picked up by one refetch on its first token', async () => {
    const mock = setupUsherMock();
    const user = await signIn(mock);
    const { jwks, fetches } = jwksOf(mock, { cacheTtlMs: 60 * 60_000 });
    const verifier = createTokenVerifier({ jwks, issuer: mock.origin, clock: () => mock.clock.now() });
    await verifier.verify(await mintToken(mock, user));
    const [oldKey] = await mock.store.listSigningKeys();

    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
    const now = mock.clock.now();
    await mock.store.insertSigningKey({ kid, alg: 'ES256', privateJwk: JSON.stringify(await exportJWK(privateKey)), publicJwk: JSON.stringify(publicJwk), createdAt: now, retiredAt: null });
    await mock.store.retireSigningKey(oldKey?.kid as string, now);
    // The server re-reads its signing keys every 5 minutes.
    mock.clock.advance(5 * 60_000 + 1_000);
    const rotated = await mintToken(mock, user);
    expect(decodePart(rotated.split('.')[0]).kid).toBe(kid);

    await expect(verifier.verify(rotated)).resolves.toMatchObject({ sid: user.sessionId });
    expect(fetches()).toBe(2);
  });

  it('jwksUrl fetches the key set itself (here through a JWKS client per verifier)', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const realFetch = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = async (input, init) => {
      fetched += 1;
      return mock.app.fetch(new Request(input as string, init));
    };
    try {
      const verifier = createTokenVerifier({ jwksUrl: `${mock.origin}/.well-known/jwks.json`, issuer: mock.origin, clock: () => mock.clock.now() });
      await verifier.verify(token);
      await verifier.verify(token);
      expect(fetched).toBe(1);
      await verifyToken(token, { jwksUrl: `${mock.origin}/.well-known/jwks.json`, issuer: mock.origin, clock: () => mock.clock.now() });
      expect(fetched).toBe(2);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('an unreachable JWKS endpoint fails to load; once loaded, cached keys keep working while it fails', async () => {
    const mock = setupUsherMock();
    const user = await signIn(mock);
    let down = true;
    let fetches = 0;
    const jwks = createJwksClient({
      jwksUrl: `${mock.origin}/.well-known/jwks.json`,
      clock: () => mock.clock.now(),
      fetch: async (url) => {
        fetches += 1;
        return down ? new Response('upstream unavailable', { status: 503 }) : mock.app.fetch(new Request(url));
      },
    });
    const verifier = createTokenVerifier({ jwks, issuer: mock.origin, clock: () => mock.clock.now() });

    expect(await reasonOf(verifier.verify(await mintToken(mock, user)))).toBe('jwk-remote-failed-to-load');
    down = false;
    mock.clock.advance(10_000);
    await expect(verifier.verify(await mintToken(mock, user))).resolves.toBeDefined();

    down = true;
    mock.clock.advance(6 * 60_000); // past the 5-minute cache TTL: the refresh fails
    await expect(verifier.verify(await mintToken(mock, user))).resolves.toMatchObject({ sub: user.userId });
    expect(fetches).toBe(3);
  });

  it('messages never contain the token or anything taken from it', async () => {
    const mock = setupUsherMock();
    const token = await mintToken(mock, await signIn(mock));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const verifier = createTokenVerifier({ jwks: jwksOf(mock).jwks, issuer: 'https://auth.example.com', authorizedParties: ['https://a.example.com'], clock: () => mock.clock.now() });
    const kid = decodePart(header).kid as string;

    for (const bad of [token, `${header}.${payload}.${signature.slice(1)}`, `${header}.${payload}`, `${encodePart({ alg: 'none', kid })}.${payload}.`]) {
      const error = (await verifier.verify(bad).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(TokenVerificationError);
      for (const part of [header, payload, signature, kid, mock.origin, APP_ORIGIN]) expect(error.message).not.toContain(part);
    }
  });
});
