import { createHmac } from 'node:crypto';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { setupUsherMock, type UsherMock } from '@usher/testing';
import { describe, expect, it } from 'vitest';
import { TokenVerificationError, type TokenVerificationErrorReason } from '../errors.ts';
import { createJwksClient } from '../jwks/jwks-client.ts';
import { createTokenVerifier, type TokenVerifier } from './verify-token.ts';

// Specifications of what an attacker can build by hand: each forged token is refused with its
// reason, against the key set of the real Usher app and against its key as a PEM.

const APP_ORIGIN = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';

interface Target {
  mock: UsherMock;
  /** A real token of a signed-in user. */
  token: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The server's public key as its JWKS publishes it. */
  jwk: JWK & { kid: string };
  pem: string;
  viaJwks: TokenVerifier;
  viaPem: TokenVerifier;
  /** URLs the JWKS client fetched. */
  fetched: string[];
}

async function target(): Promise<Target> {
  const mock = setupUsherMock();
  await mock.seedUser({ email: 'jane@example.com', password: PASSWORD });
  const signIn = await mock.app.fetch(
    new Request(`${mock.origin}/v1/client/sign_ins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-usher-bearer': '1', origin: APP_ORIGIN },
      body: JSON.stringify({ identifier: 'jane@example.com', strategy: 'password', password: PASSWORD }),
    }),
  );
  const sessionId = ((await signIn.json()) as { response: { created_session_id: string } }).response.created_session_id;
  const minted = await mock.app.fetch(
    new Request(`${mock.origin}/v1/client/sessions/${sessionId}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signIn.headers.get('x-usher-client-token')}`, origin: APP_ORIGIN },
    }),
  );
  const token = ((await minted.json()) as { jwt: string }).jwt;
  const { keys } = (await (await mock.app.fetch(new Request(`${mock.origin}/.well-known/jwks.json`))).json()) as { keys: Array<JWK & { kid: string }> };
  const jwk = keys[0] as JWK & { kid: string };
  const pem = await exportSPKI((await importJWK(jwk, 'ES256', { extractable: true })) as CryptoKey);

  const fetched: string[] = [];
  const jwks = createJwksClient({
    jwksUrl: `${mock.origin}/.well-known/jwks.json`,
    clock: () => mock.clock.now(),
    fetch: async (url) => {
      fetched.push(url);
      return mock.app.fetch(new Request(url));
    },
  });
  const common = { issuer: mock.origin, authorizedParties: [APP_ORIGIN], clock: () => mock.clock.now() };
  const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
  return {
    mock,
    token,
    header: header as Record<string, unknown>,
    claims: claims as Record<string, unknown>,
    jwk,
    pem,
    viaJwks: createTokenVerifier({ jwks, ...common }),
    viaPem: createTokenVerifier({ jwtKey: pem, ...common }),
    fetched,
  };
}

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** ES256 over any header (jose refuses to sign some of the headers these tests need). */
async function es256ByHand(header: Record<string, unknown>, claims: Record<string, unknown>, privateKey: CryptoKey): Promise<string> {
  const input = `${b64(header)}.${b64(claims)}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

function hs256(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string | Buffer): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

async function reasonOf(promise: Promise<unknown>): Promise<TokenVerificationErrorReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenVerificationError)) throw new Error(`expected a TokenVerificationError, got ${String(error)}`);
  return error.reason;
}

describe('forged tokens', () => {
  it('the real token passes both verifiers (the baseline the forgeries start from)', async () => {
    const t = await target();
    await expect(t.viaJwks.verify(t.token)).resolves.toMatchObject({ sub: t.claims.sub });
    await expect(t.viaPem.verify(t.token)).resolves.toMatchObject({ sub: t.claims.sub });
  });

  it('alg none (in any spelling) is refused, with or without a signature', async () => {
    const t = await target();
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const unsigned = `${b64({ ...t.header, alg })}.${b64(t.claims)}.`;
      expect(await reasonOf(t.viaJwks.verify(unsigned)), alg).toBe('token-invalid-algorithm');
      expect(await reasonOf(t.viaPem.verify(unsigned)), alg).toBe('token-invalid-algorithm');
    }
    const withRealSignature = `${b64({ ...t.header, alg: 'none' })}.${b64(t.claims)}.${t.token.split('.')[2]}`;
    expect(await reasonOf(t.viaJwks.verify(withRealSignature))).toBe('token-invalid-algorithm');
    const noAlg = `${b64({ kid: t.jwk.kid, typ: 'JWT' })}.${b64(t.claims)}.`;
    expect(await reasonOf(t.viaJwks.verify(noAlg))).toBe('token-invalid-algorithm');
  });

  it('HS256 signed with the public key (PEM text, JWK JSON, raw point) is refused', async () => {
    const t = await target();
    const header = { ...t.header, alg: 'HS256' };
    const rawPoint = Buffer.concat([Buffer.from([4]), Buffer.from(t.jwk.x as string, 'base64url'), Buffer.from(t.jwk.y as string, 'base64url')]);
    for (const secret of [t.pem, t.pem.trim(), JSON.stringify(t.jwk), rawPoint]) {
      const forged = hs256(header, t.claims, secret);
      expect(await reasonOf(t.viaPem.verify(forged))).toBe('token-invalid-algorithm');
      expect(await reasonOf(t.viaJwks.verify(forged))).toBe('token-invalid-algorithm');
    }
  });

  it('algorithms outside ES256/RS256, or one that does not fit the key, are refused', async () => {
    const t = await target();
    const signature = t.token.split('.')[2] as string;
    for (const alg of ['HS384', 'HS512', 'ES384', 'ES512', 'PS256', 'EdDSA', 'RS512', 'es256', '']) {
      const token = `${b64({ ...t.header, alg })}.${b64(t.claims)}.${signature}`;
      expect(await reasonOf(t.viaJwks.verify(token)), alg).toBe('token-invalid-algorithm');
    }
    // RS256 is allowed, but the server's key is a P-256 key.
    const rs256 = `${b64({ ...t.header, alg: 'RS256' })}.${b64(t.claims)}.${signature}`;
    expect(await reasonOf(t.viaJwks.verify(rs256))).toBe('token-invalid-algorithm');
    expect(await reasonOf(t.viaPem.verify(rs256))).toBe('token-invalid-algorithm');
  });

  it('a header that brings its own key (jwk, jku, x5u, x5c) or crit is refused without fetching anything', async () => {
    const t = await target();
    const attacker = await generateKeyPair('ES256', { extractable: true });
    const attackerJwk = await exportJWK(attacker.publicKey);
    const embedded: Array<Record<string, unknown>> = [
      { jwk: attackerJwk },
      { jku: 'https://evil.example.com/jwks.json' },
      { x5u: 'https://evil.example.com/cert.pem' },
      { x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] },
      { crit: ['exp'] },
    ];
    for (const extra of embedded) {
      const forged = await es256ByHand({ alg: 'ES256', kid: t.jwk.kid, typ: 'JWT', ...extra }, t.claims, attacker.privateKey);
      expect(await reasonOf(t.viaJwks.verify(forged)), Object.keys(extra)[0]).toBe('token-invalid');
      expect(await reasonOf(t.viaPem.verify(forged)), Object.keys(extra)[0]).toBe('token-invalid');
    }
    expect(t.fetched).toEqual([]);
  });

  it('a token without a kid cannot pick a key of the JWKS', async () => {
    const t = await target();
    const { kid: _kid, ...header } = t.header;
    const attacker = await generateKeyPair('ES256');
    const noKid = await es256ByHand(header, t.claims, attacker.privateKey);
    expect(await reasonOf(t.viaJwks.verify(noKid))).toBe('jwk-kid-mismatch');
    expect(t.fetched).toEqual([]);
  });

  it('a token signed by another key is refused by the PEM verifier too', async () => {
    const t = await target();
    const attacker = await generateKeyPair('ES256');
    expect(await reasonOf(t.viaPem.verify(await es256ByHand(t.header, t.claims, attacker.privateKey)))).toBe('token-invalid-signature');
  });
});

describe('claims of a validly signed token (jwtKey mode, a key of our own)', () => {
  const ISSUER = 'https://auth.example.com';
  const NOW = Date.UTC(2030, 0, 1, 12);
  const iat = Math.floor(NOW / 1000);

  async function signer() {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const verifier = createTokenVerifier({ jwtKey: await exportSPKI(publicKey), issuer: ISSUER, clock: () => NOW });
    const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(privateKey);
    const signBytes = (payload: string) => new CompactSign(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    return { verifier, sign, signBytes };
  }

  const valid: Record<string, unknown> = { iss: ISSUER, sub: 'user_1', sid: 'sess_1', iat, nbf: iat, exp: iat + 60, fva: [0, -1] };

  it('a token issued in the future (beyond the skew) but already valid by nbf is refused', async () => {
    const { verifier, sign } = await signer();
    await expect(verifier.verify(await sign(valid))).resolves.toEqual(valid);
    expect(await reasonOf(verifier.verify(await sign({ ...valid, iat: iat + 30 })))).toBe('token-iat-in-the-future');
    await expect(verifier.verify(await sign({ ...valid, iat: iat + 4 }))).resolves.toBeDefined();
  });

  it('a token whose nbf lies beyond the skew is not active yet', async () => {
    const { verifier, sign } = await signer();
    expect(await reasonOf(verifier.verify(await sign({ ...valid, nbf: iat + 6 })))).toBe('token-not-active-yet');
  });

  it('sub, sid, exp, nbf, iat and fva are required, with their types', async () => {
    const { verifier, sign } = await signer();
    for (const claim of ['iss', 'sub', 'sid', 'exp', 'nbf', 'iat', 'fva']) {
      const { [claim]: _dropped, ...rest } = valid;
      expect(await reasonOf(verifier.verify(await sign(rest))), `without ${claim}`).toBe('token-invalid');
    }
    for (const wrong of [{ sub: '' }, { sid: 42 }, { exp: '9999999999' }, { azp: ['http://localhost:3000'] }, { fva: [0] }]) {
      expect(await reasonOf(verifier.verify(await sign({ ...valid, ...wrong }))), JSON.stringify(wrong)).toBe('token-invalid');
    }
  });

  it('a signed payload that is not a JSON object is invalid', async () => {
    const { verifier, signBytes } = await signer();
    for (const payload of ['[1,2]', '"user_1"', 'null', 'not json', '\uFFFD{}']) {
      expect(await reasonOf(verifier.verify(await signBytes(payload))), payload).toBe('token-invalid');
    }
  });
});
